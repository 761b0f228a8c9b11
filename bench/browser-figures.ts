/** Timed cold loads in headless Chromium, our journey's Next and result times, and transfer sizes. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type Page } from '@playwright/test'
import en from '../src/i18n/en'
import { PERSONAS } from '../tests/fixtures/personas'
import type { BankQuestion } from './peer/survey-from-bank'
import { probeScript, readMark, type MarkPlan } from './probe'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

/** Our welcome screen: painted when its heading is in the DOM (see bench/probe.ts). */
export const WELCOME_PLAN: MarkPlan = { kind: 'selector', selector: 'main h1' }

/** Question 1 of the bank, as every page in the bench shows it; `start` is clicked first if given. */
export function firstQuestionPlan(first: BankQuestion, start?: string): MarkPlan {
  if (first.askedOnlyIf) throw new Error(`bench: the first question (${first.id}) is asked only on a condition`)
  return {
    kind: 'question',
    prompt: first.prompt,
    options: first.options.map((o) => o.label),
    next: en.question.next,
    ...(start ? { start } : {}),
  }
}

/**
 * Our question 1: the welcome screen's Start is pressed the moment it shows. The selector
 * matches Start as a button or as a plain link (the pre-rendered welcome screen's is a link,
 * which works before any script has run). Question 1 is pre-rendered too, so it counts as
 * shown only once the app has taken it over (`#app[data-v-app]`, see bench/probe.ts).
 */
export function oursFirstQuestionPlan(first: BankQuestion): MarkPlan {
  const plan = firstQuestionPlan(first, 'main .button--primary')
  if (plan.kind !== 'question') throw new Error('bench: a question plan was expected')
  return { ...plan, ready: '#app[data-v-app]' }
}

/**
 * One cold load: a fresh window (new context, so an empty cache and no storage), the CPU
 * slowed `throttle` times (CDP Emulation.setCPUThrottlingRate) before navigating, the
 * probe installed. Resolves with the probe's mark in ms from navigation start. `before`
 * runs once the window is open, `after` in the same window before it closes.
 */
export async function timedLoad(
  browser: Browser,
  url: string,
  plan: MarkPlan,
  {
    throttle = 1,
    before,
    after,
  }: { throttle?: number; before?: (page: Page) => void; after?: (page: Page) => Promise<void> } = {},
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    await context.addInitScript(probeScript(plan))
    const page = await context.newPage()
    before?.(page)
    if (throttle !== 1) {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    }
    await page.goto(url, { waitUntil: 'commit' })
    const mark = await readMark(page)
    await after?.(page)
    return mark
  } finally {
    await context.close()
  }
}

/** Starts recording which files `page` fetches; call the result once the page is idle. */
export function recordTransfers(page: Page, distDir: string): () => Promise<TransferSizes> {
  const loaded: string[] = []
  page.on('response', (r) => loaded.push(new URL(r.url()).pathname))
  return async () => {
    await page.waitForLoadState('networkidle')
    return transferSizes(distDir, loaded)
  }
}

export interface JourneyTimes {
  next: number[]
  result: number
  heapMB: number
}

/**
 * From question 1 (already shown in `page`), answers every question as the first persona
 * would, timing each Next until the next step is painted, then the last answer to the result.
 */
export async function timeJourney(page: Page): Promise<JourneyTimes> {
  const persona = PERSONAS[0]!
  const next: number[] = []
  for (let position = 1; ; position++) {
    const id = (await page.evaluate(`document.querySelector('.choice__input')?.name.replace('answer-', '')`)) as
      string | undefined
    if (!id) break
    const answer = persona.answers[id]!
    for (const optionId of Array.isArray(answer) ? answer : [answer]) {
      await page.evaluate(`document.getElementById(${JSON.stringify(`answer-${id}-${optionId}`)}).click()`)
    }
    const isLast = await page.evaluate(
      `document.querySelector('button[type=submit]').textContent.trim() !== ${JSON.stringify(en.question.next)}`,
    )
    if (isLast) {
      await page.evaluate(`document.querySelector('button[type=submit]').click()`)
      break
    }
    const expected = `Question ${position + 1} of ${await totalQuestions(page)}`
    next.push(await timeClick(page, 'button[type=submit]', '.step-indicator__count', expected))
  }
  await page.waitForSelector('.review')
  const result = await timeClick(page, '.review .button--primary', '#best-fit-title')

  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  return { next, result, heapMB: usage.usedSize / 1024 / 1024 }
}

// Page-side code is kept as plain source text: tsx would otherwise add helpers the page lacks.
// The same "painted" as bench/probe.ts: in the DOM, then the next frame, then a task.
const TIME_CLICK = `({ button, selector, text }) => new Promise((resolve) => {
  const ready = () => {
    const el = document.querySelector(selector)
    return el !== null && (text === undefined || el.textContent.trim() === text)
  }
  const start = performance.now()
  const observer = new MutationObserver(() => {
    if (ready()) {
      observer.disconnect()
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))
    }
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true })
  document.querySelector(button).click()
})`

/** Clicks `button` and resolves with ms until `selector` (with `text`, if given) is painted. */
function timeClick(page: Page, button: string, selector: string, text?: string): Promise<number> {
  return page.evaluate(`(${TIME_CLICK})(${JSON.stringify({ button, selector, text })})`) as Promise<number>
}

async function totalQuestions(page: Page): Promise<number> {
  const text = (await page.evaluate(`document.querySelector('.step-indicator__count')?.textContent ?? ''`)) as string
  return Number(/of (\d+)/.exec(text)?.[1])
}

export interface TransferSizes {
  jsRaw: number
  jsGzip: number
  cssRaw: number
  cssGzip: number
}

/** Sizes in KB of the JS and CSS files among `paths` (request paths under `distDir`), raw and gzip. */
export function transferSizes(distDir: string, paths: string[]): TransferSizes {
  const sizes = { jsRaw: 0, jsGzip: 0, cssRaw: 0, cssGzip: 0 }
  for (const path of new Set(paths)) {
    const kind = path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : null
    if (!kind) continue
    const bytes = readFileSync(join(distDir, decodeURIComponent(path)))
    sizes[`${kind}Raw`] += bytes.length / 1024
    sizes[`${kind}Gzip`] += gzipSync(bytes).length / 1024
  }
  return sizes
}
