/**
 * `npm run bench`: builds the renderer, the styled floor and the SurveyJS peer, serves all
 * three on 127.0.0.1, times interleaved cold loads of each in headless Chromium at every CPU
 * throttle setting, then our journey, the engine in Node and counselor storage. Prints a
 * table, writes bench/results.json, and exits non-zero when a figure misses its budget in
 * bench/budgets.json: start-up budgets are ratios measured in the same run (ours against the
 * floor and the peer), never absolute times. Not part of `npm test`.
 *
 * BENCH_RUNS: interleaved rounds (default 30, never fewer than 15); each round loads each of
 *   the four pages once at each throttle setting.
 * BENCH_THROTTLE: CPU throttle settings, comma-separated (default "1,4"; 4 stands in for an
 *   old workforce-center PC).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '../scripts/serve-static.mjs'
import { firstQuestionPlan, launchBrowser, oursFirstQuestionPlan, WELCOME_PLAN } from './browser-figures'
import { buildFloor } from './floor'
import { measureNode } from './node-figures'
import { measureSummary } from './summary'
import { buildPeer, readQuestionBank } from './peer/build'
import { measureStartup, startupFigures } from './startup'
import { checkBudget, summarize, type Budget, type Figure } from './stats'

const RUNS = Math.max(15, Number(process.env.BENCH_RUNS ?? 30))
const THROTTLES = parseThrottles(process.env.BENCH_THROTTLE ?? '1,4')
const root = fileURLToPath(new URL('..', import.meta.url))
const dist = fileURLToPath(new URL('../dist', import.meta.url))
const floorDir = fileURLToPath(new URL('../.scratch/bench/floor', import.meta.url))
const peerDir = fileURLToPath(new URL('../.scratch/bench/peer', import.meta.url))

function parseThrottles(text: string): number[] {
  const rates = text.split(',').map((part) => Number(part.trim()))
  if (rates.length === 0 || rates.some((rate) => !Number.isFinite(rate) || rate < 1)) {
    console.error(`bench: BENCH_THROTTLE must be CPU slow-down rates of 1 or more, like "1,4" (got "${text}")`)
    process.exit(2)
  }
  return [...new Set(rates)]
}

const began = Date.now()
const loadAtStart = loadavg()
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' })
const bank = readQuestionBank()
await buildPeer(peerDir, bank)
const first = bank.questions[0]!

const servers = [await serveStatic({ root: dist, port: 4391 })]
const browser = await launchBrowser()
let figures: Figure[]
let startupSamples: unknown
try {
  const ours = servers[0]!
  await buildFloor(browser, { appUrl: ours.url, distDir: dist, outDir: floorDir, plan: oursFirstQuestionPlan(first) })
  const floor = await serveStatic({ root: floorDir, port: 0 })
  const peer = await serveStatic({ root: peerDir, port: 0 })
  servers.push(floor, peer)
  const startup = await measureStartup(
    browser,
    {
      oursWelcome: { url: ours.url, dir: dist, plan: WELCOME_PLAN },
      oursQuestion: { url: ours.url, dir: dist, plan: oursFirstQuestionPlan(first) },
      floor: { url: floor.url, dir: floorDir, plan: firstQuestionPlan(first) },
      peer: { url: peer.url, dir: peerDir, plan: firstQuestionPlan(first) },
    },
    { runs: RUNS, throttles: THROTTLES },
  )
  startupSamples = startup.samples
  const { ours: oursLoad, peer: peerLoad } = startup.firstLoad
  const journeys = startup.journeys
  figures = [
    ...startupFigures(startup),
    ...(journeys.length
      ? [
          { name: 'nextQuestionMs', unit: 'ms', ...summarize(journeys.flatMap((j) => j.next)) },
          { name: 'resultShownMs', unit: 'ms', ...summarize(journeys.map((j) => j.result)) },
          { name: 'jsHeapAfterJourneyMB', unit: 'MB', ...summarize(journeys.map((j) => j.heapMB)) },
        ]
      : []),
    { name: 'firstLoadJsKB', unit: 'KB', value: round(oursLoad.jsRaw) },
    { name: 'firstLoadJsGzipKB', unit: 'KB', value: round(oursLoad.jsGzip) },
    { name: 'firstLoadCssKB', unit: 'KB', value: round(oursLoad.cssRaw) },
    { name: 'firstLoadCssGzipKB', unit: 'KB', value: round(oursLoad.cssGzip) },
    { name: 'peerFirstLoadJsGzipKB', unit: 'KB', value: round(peerLoad.jsGzip) },
    { name: 'peerFirstLoadCssGzipKB', unit: 'KB', value: round(peerLoad.cssGzip) },
    ...measureNode(RUNS),
    ...(await measureSummary(RUNS)),
  ]
} finally {
  await browser.close()
  await Promise.all(servers.map((server) => server.close()))
}

const budgets = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8')) as Record<string, Budget>
const digits = (n: number | undefined, unit: string) => (n === undefined ? '' : n.toFixed(unit === '×' ? 2 : 1))
const rows = figures.map((f) => {
  const budget = budgets[f.name]
  const verdict = budget ? checkBudget(f, budget) : undefined
  return {
    figure: f.name,
    median: digits(f.median, f.unit),
    p90: digits(f.p90, f.unit),
    '95% interval': f.low === undefined ? '' : `${digits(f.low, f.unit)}–${digits(f.high, f.unit)}`,
    value: f.value?.toLocaleString('en-US') ?? '',
    unit: f.unit,
    budget: budget ? `${budget.stat} ${budget.max !== undefined ? `≤ ${budget.max}` : `≥ ${budget.min}`}` : '',
    ok: verdict ? (verdict.ok ? 'yes' : 'MISSED') : '',
  }
})
console.table(rows)
const measured = new Set(figures.map((f) => f.name))
const notRun = Object.keys(budgets).filter((name) => !measured.has(name))

// Counselor storage at 1,000 and 10,000 sessions (bench/storage.ts prints its own table and budgets).
let storageMissed = false
try {
  execFileSync('npx', ['tsx', 'bench/storage.ts'], { cwd: root, stdio: 'inherit' })
} catch {
  storageMissed = true
}
const storage = JSON.parse(readFileSync(new URL('./storage-results.json', import.meta.url), 'utf8')) as {
  rows: unknown[]
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: loadAtStart.map((n) => round(n)),
  loadAverageAtEnd: loadavg().map((n) => round(n)),
}
const minutes = (Date.now() - began) / 60_000
writeFileSync(
  new URL('./results.json', import.meta.url),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      runs: RUNS,
      throttles: THROTTLES,
      minutes: round(minutes),
      machine,
      figures,
      // Every timed load, in ms from navigation start: samples[throttle][page][round].
      startupSamples,
      storage: storage.rows,
    },
    null,
    2,
  ) + '\n',
)
console.log(
  `bench: ${RUNS} interleaved rounds at ${THROTTLES.map((t) => `${t}×`).join(' and ')} CPU in ${minutes.toFixed(1)} min;` +
    ` load average ${machine.loadAverageAtStart.join(', ')} at the start, ${machine.loadAverageAtEnd.join(', ')} at the end`,
)
if (notRun.length) console.warn(`bench: not measured in this run, so not checked: ${notRun.join(', ')}`)
const missed = rows.filter((r) => r.ok === 'MISSED').map((r) => r.figure)
if (storageMissed) missed.push('storage (see table above)')
if (missed.length) {
  console.error(`bench: ${missed.length} budget(s) missed: ${missed.join(', ')}`)
  process.exitCode = 1
} else {
  console.log(`bench: all ${rows.filter((r) => r.ok).length} budgets met (${machine.cpus} cores)`)
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
