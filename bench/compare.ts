/**
 * `npm run bench:compare -- DIR_A DIR_B [...] [--runs N]`: start-up of two or more
 * renderer builds side by side (welcome painted, first question after Start), their
 * cold loads interleaved so that a machine getting busier or quieter affects each
 * alike. Use it to see whether a change to the start-up really helps: build into
 * another folder (`npx vite build --outDir /tmp/try`) and compare it with dist/.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { serveStatic } from '../scripts/serve-static.mjs'
import { CHROMIUM_ARGS, newPage, startAndTimeFirstQuestion, timeWelcome } from './browser-figures'
import { summarize } from './stats'

const args = process.argv.slice(2)
const runsAt = args.indexOf('--runs')
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 30
const dirs = args.filter((_, i) => runsAt < 0 || (i !== runsAt && i !== runsAt + 1)).map((dir) => resolve(dir))
const missing = dirs.find((dir) => !existsSync(resolve(dir, 'index.html')))
if (dirs.length < 2 || !Number.isInteger(runs) || runs < 1 || missing) {
  console.error(
    missing
      ? `bench:compare: no index.html in ${missing}`
      : 'usage: npm run bench:compare -- DIR_A DIR_B [...] [--runs N]',
  )
  process.exit(2)
}

const served = await Promise.all(dirs.map((root) => serveStatic({ root, port: 0 })))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
const samples = dirs.map(() => ({ welcome: [] as number[], firstQuestion: [] as number[] }))
try {
  for (let run = 0; run < runs; run++) {
    for (const [index, server] of served.entries()) {
      samples[index]!.welcome.push(await timeWelcome(browser, server.url))
      const journeyPage = await newPage(browser)
      await journeyPage.goto(server.url, { waitUntil: 'commit' })
      samples[index]!.firstQuestion.push(await startAndTimeFirstQuestion(journeyPage))
      await journeyPage.context().close()
    }
  }
} finally {
  await browser.close()
  await Promise.all(served.map((server) => server.close()))
}
console.table(
  dirs.map((dir, index) => {
    const welcome = summarize(samples[index]!.welcome)
    const firstQuestion = summarize(samples[index]!.firstQuestion)
    return {
      build: dir,
      'welcome median ms': welcome.median.toFixed(1),
      'welcome p90 ms': welcome.p90.toFixed(1),
      'first question median ms': firstQuestion.median.toFixed(1),
      'first question p90 ms': firstQuestion.p90.toFixed(1),
    }
  }),
)
console.log(`${runs} interleaved cold loads of each build`)
