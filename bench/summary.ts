/**
 * The program summary over 10,000 stored sessions, computed and drawn: summarizeProgram
 * (src/domain/program-summary.ts) over the sessions, then the summary page's four bar
 * charts (src/components/charts/BarChart.vue) rendered to SVG markup by Vue's server
 * renderer, the .vue file compiled by Vite as the app's build does. Drawn means the SVG
 * markup is made, not painted by a browser. `npm run bench` includes it; run alone with
 * `npm run bench:summary` (prints the figure, exits non-zero over budget).
 */
import fc from 'fast-check'
import { createServer } from 'vite'
import { createSSRApp, h, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { content } from '../src/content'
import { summarizeProgram } from '../src/domain/program-summary'
import { scoreAnswers } from '../src/domain/scoring'
import { sessionResultOf } from '../src/domain/session-result'
import { LEAD_KINDS, type ProgramSummary } from '../src/shared/program-summary'
import type { Session } from '../src/shared/records'
import { arbitraryAnswers } from '../tests/fixtures/arbitrary-answers'
import { summarize, type Figure } from './stats'

export const SUMMARY_SESSIONS = 10_000

/** 10,000 finished sessions (1,000 varied answer sets, seeded, each stored ten times over a year). */
export function benchSessions(count = SUMMARY_SESSIONS): Session[] {
  const answerSets = fc.sample(arbitraryAnswers(content), { numRuns: Math.min(1000, count), seed: 42 })
  const results = answerSets.map((answers) => sessionResultOf(scoreAnswers(content, answers)))
  const yearStart = Date.UTC(2026, 0, 1)
  return Array.from({ length: count }, (_, i) => {
    const startedAt = new Date(yearStart + Math.floor((i / count) * 365 * 86_400_000)).toISOString()
    return {
      id: `s${i}`,
      clientId: `c${i % 2000}`,
      startedAt,
      completedAt: startedAt,
      locale: 'en',
      answers: answerSets[i % answerSets.length]!,
      counselorNotes: {},
      result: results[i % results.length]!,
    }
  })
}

/** The rows the summary page gives its four charts (words are fixed here: the timing is of drawing, not translating). */
function chartProps(summary: ProgramSummary) {
  const text = (value: number) => `${value} (${Math.round((100 * value) / Math.max(1, summary.finished))}%)`
  const chart = (id: string, rows: { key: string; value: number }[]) => ({
    id,
    title: id,
    description: id,
    rows: rows.map((row) => ({ ...row, label: row.key, valueText: text(row.value) })),
    max: summary.finished,
    labelHeading: 'Role',
    valueHeading: 'Assessments',
    tableToggle: 'Show these numbers as a table',
  })
  return [
    chart(
      'chart-best-fit',
      Object.entries(summary.bestFit).map(([key, value]) => ({ key, value })),
    ),
    chart(
      'chart-lead',
      LEAD_KINDS.map((key) => ({ key, value: summary.lead[key] })),
    ),
    chart('chart-background', [
      { key: 'brings', value: summary.bringsBackground },
      { key: 'lacks', value: summary.finished - summary.bringsBackground },
    ]),
    chart(
      'chart-gaps',
      summary.gaps.map((gap) => ({ key: `${gap.roleId}/${gap.requirementId}`, value: gap.count })),
    ),
  ]
}

/** Loads BarChart.vue through Vite (compiled as the build compiles it) for server rendering. */
export async function loadBarChart(): Promise<{ BarChart: Component; close: () => Promise<void> }> {
  const vite = await createServer({
    configFile: false,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: 'custom',
    plugins: [(await import('@vitejs/plugin-vue')).default()],
  })
  const module = (await vite.ssrLoadModule('/src/components/charts/BarChart.vue')) as { default: Component }
  return { BarChart: module.default, close: () => vite.close() }
}

/** One run: the summary computed and its charts drawn; resolves with the time and the markup's length. */
export async function summaryOnce(BarChart: Component, sessions: readonly Session[]) {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const summary = summarizeProgram(content, sessions)
  const html = await renderToString(createSSRApp({ render: () => chartProps(summary).map((p) => h(BarChart, p)) }))
  const ms = performance.now() - start
  const used = process.cpuUsage(cpu)
  return { ms, cpuMs: (used.user + used.system) / 1000, summary, html }
}

export async function measureSummary(runs: number, count = SUMMARY_SESSIONS): Promise<Figure[]> {
  const sessions = benchSessions(count)
  const { BarChart, close } = await loadBarChart()
  try {
    await summaryOnce(BarChart, sessions) // warm-up: the first run compiles and caches code paths
    const times: number[] = []
    const cpuTimes: number[] = []
    for (let i = 0; i < runs; i++) {
      const run = await summaryOnce(BarChart, sessions)
      times.push(run.ms)
      cpuTimes.push(run.cpuMs)
    }
    // The CPU time this process used, for information: on a shared machine the wall time also counts waiting for a core.
    return [
      { name: 'programSummary10kMs', unit: 'ms', ...summarize(times) },
      { name: 'programSummary10kCpuMs', unit: 'ms', ...summarize(cpuTimes) },
    ]
  } finally {
    await close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs')
  const { checkBudget } = await import('./stats')
  const { loadavg } = await import('node:os')
  const runs = Math.max(15, Number(process.env.BENCH_RUNS ?? 30))
  const [figure, cpu] = await measureSummary(runs)
  const budget = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8')).programSummary10kMs
  const verdict = checkBudget(figure!, budget)
  console.log(
    `program summary over ${SUMMARY_SESSIONS.toLocaleString('en-US')} sessions, computed and drawn: median ${figure!.median!.toFixed(1)} ms, p90 ${figure!.p90!.toFixed(1)} ms (${runs} runs; CPU time median ${cpu!.median!.toFixed(1)} ms; load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(', ')}); budget median ≤ ${budget.max} ms: ${verdict.ok ? 'met' : 'MISSED'}`,
  )
  if (!verdict.ok) process.exitCode = 1
}
