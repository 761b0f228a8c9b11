/**
 * `npm run bench:compare -- DIR_A DIR_B [...] [--runs N] [--throttle R]`: start-up of two or
 * more renderer builds side by side (welcome painted, first question interactive after
 * Start, marked as in bench/probe.ts), their cold loads interleaved so that a machine getting
 * busier or quieter affects each alike. Use it to see whether a change to the start-up
 * really helps: build into another folder (`npx vite build --outDir /tmp/try`) and compare
 * it with dist/. `--throttle 4` slows the CPU four times, as `npm run bench` does.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { serveStatic } from '../scripts/serve-static.mjs'
import { launchBrowser, oursFirstQuestionPlan, timedLoad, WELCOME_PLAN } from './browser-figures'
import { readQuestionBank } from './peer/build'
import { bootstrapRatio, summarize } from './stats'

const dirs: string[] = []
const options: Record<string, number> = { '--runs': 30, '--throttle': 1 }
const args = process.argv.slice(2)
for (let i = 0; i < args.length; i++) {
  if (args[i]! in options) options[args[i]!] = Number(args[++i])
  else dirs.push(resolve(args[i]!))
}
const runs = options['--runs']!
const throttle = options['--throttle']!
const missing = dirs.find((dir) => !existsSync(resolve(dir, 'index.html')))
if (dirs.length < 2 || !Number.isInteger(runs) || runs < 1 || !(throttle >= 1) || missing) {
  console.error(
    missing
      ? `bench:compare: no index.html in ${missing}`
      : 'usage: npm run bench:compare -- DIR_A DIR_B [...] [--runs N] [--throttle R]',
  )
  process.exit(2)
}

const firstQuestion = oursFirstQuestionPlan(readQuestionBank().questions[0]!)
const served = await Promise.all(dirs.map((root) => serveStatic({ root, port: 0 })))
const browser = await launchBrowser()
const samples = dirs.map(() => ({ welcome: [] as number[], firstQuestion: [] as number[] }))
try {
  for (let run = 0; run < runs; run++) {
    for (const [index, server] of served.entries()) {
      samples[index]!.welcome.push(await timedLoad(browser, server.url, WELCOME_PLAN, { throttle }))
      samples[index]!.firstQuestion.push(await timedLoad(browser, server.url, firstQuestion, { throttle }))
    }
  }
} finally {
  await browser.close()
  await Promise.all(served.map((server) => server.close()))
}
const base = samples[0]!
console.table(
  dirs.map((dir, index) => {
    const { welcome, firstQuestion } = samples[index]!
    const ratio = (mine: number[], theirs: number[]) => {
      const r = bootstrapRatio(mine, theirs)
      return `${r.ratio.toFixed(2)} (${r.low.toFixed(2)}–${r.high.toFixed(2)})`
    }
    return {
      build: dir,
      'welcome median ms': summarize(welcome).median.toFixed(1),
      'welcome p90 ms': summarize(welcome).p90.toFixed(1),
      'first question median ms': summarize(firstQuestion).median.toFixed(1),
      'first question p90 ms': summarize(firstQuestion).p90.toFixed(1),
      'first question / first build (95%)': index === 0 ? '' : ratio(firstQuestion, base.firstQuestion),
    }
  }),
)
console.log(`${runs} interleaved cold loads of each build at ${throttle}× CPU`)
