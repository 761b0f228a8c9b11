/** Start-up, responsiveness, transfer size and memory of the built renderer in headless Chromium. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type Page } from '@playwright/test'
import { PERSONAS } from '../tests/fixtures/personas'
import { summarize, type Figure } from './stats'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

// Page-side code is kept as plain source text: tsx would otherwise add helpers the page lacks.
const PAINTED_AT = `(sel) => new Promise((resolve) => {
  const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))
  if (document.querySelector(sel)) return done()
  const observer = new MutationObserver(() => {
    if (document.querySelector(sel)) { observer.disconnect(); done() }
  })
  observer.observe(document, { childList: true, subtree: true })
})`

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

// Waits (in the page, with no round trip to the test runner) for Start, presses it at once,
// and resolves with ms from navigation start when the first question is painted.
const START_AND_FIRST_QUESTION = `() => new Promise((resolve) => {
  const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))
  let started = false
  const step = () => {
    if (!started) {
      const start = document.querySelector('button.button--primary')
      if (!start) return false
      started = true
      start.click()
    }
    if (document.querySelector('legend h1') && document.querySelector('.choice__input')) { painted(); return true }
    return false
  }
  if (step()) return
  const observer = new MutationObserver(() => { if (step()) observer.disconnect() })
  observer.observe(document, { childList: true, subtree: true })
})`

/** Resolves with ms from navigation start when `selector` is in the DOM and a frame has been painted. */
function paintedAt(page: Page, selector: string): Promise<number> {
  return page.evaluate(`(${PAINTED_AT})(${JSON.stringify(selector)})`) as Promise<number>
}

/** Presses Start as soon as it shows; resolves with ms from navigation start to the first question painted. */
export function startAndTimeFirstQuestion(page: Page): Promise<number> {
  return page.evaluate(`(${START_AND_FIRST_QUESTION})()`) as Promise<number>
}

/** Clicks `button` and resolves with ms until `selector` (with `text`, if given) is painted. */
function timeClick(page: Page, button: string, selector: string, text?: string): Promise<number> {
  return page.evaluate(`(${TIME_CLICK})(${JSON.stringify({ button, selector, text })})`) as Promise<number>
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  return context.newPage()
}

/** Opens `url` in a fresh window, times the welcome screen's paint, and closes the window. */
export async function timeWelcome(browser: Browser, url: string): Promise<number> {
  const page = await newPage(browser)
  try {
    await page.goto(url, { waitUntil: 'commit' })
    return await paintedAt(page, 'main h1')
  } finally {
    await page.context().close()
  }
}

export async function measureBrowser(baseUrl: string, distDir: string, runs: number): Promise<Figure[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const welcome: number[] = []
  const firstQuestion: number[] = []
  const next: number[] = []
  const result: number[] = []
  const heap: number[] = []
  let firstLoad = { jsRaw: 0, jsGzip: 0, cssRaw: 0, cssGzip: 0 }
  const persona = PERSONAS[0]!

  try {
    for (let run = 0; run < runs; run++) {
      // Each figure comes from a fresh window (new context, cold cache), one window at a
      // time, as one person at one computer: a second window still settling after its own
      // load would take CPU from the one being timed.
      welcome.push(await timeWelcome(browser, baseUrl))

      // The journey window presses Start as soon as it shows, then answers every question.
      const page = await newPage(browser)
      const loaded: string[] = []
      page.on('response', (r) => loaded.push(new URL(r.url()).pathname))
      await page.goto(baseUrl, { waitUntil: 'commit' })
      firstQuestion.push(await startAndTimeFirstQuestion(page))
      if (run === 0) {
        await page.waitForLoadState('networkidle')
        firstLoad = transferSizes(distDir, loaded)
      }

      // Answer as the persona would, timing each Next.
      for (let position = 1; ; position++) {
        const id = (await page.evaluate(`document.querySelector('.choice__input')?.name.replace('answer-', '')`)) as
          string | undefined
        if (!id) break
        const answer = persona.answers[id]!
        for (const optionId of Array.isArray(answer) ? answer : [answer]) {
          await page.evaluate(`document.getElementById(${JSON.stringify(`answer-${id}-${optionId}`)}).click()`)
        }
        const isLast = await page.evaluate(
          `document.querySelector('button[type=submit]').textContent.trim() !== 'Next'`,
        )
        if (isLast) {
          await page.evaluate(`document.querySelector('button[type=submit]').click()`)
          break
        }
        const expected = `Question ${position + 1} of ${await totalQuestions(page)}`
        next.push(await timeClick(page, 'button[type=submit]', '.step-indicator__count', expected))
      }
      await page.waitForSelector('.review')
      result.push(await timeClick(page, '.review .button--primary', '#best-fit-title'))

      const cdp = await page.context().newCDPSession(page)
      await cdp.send('HeapProfiler.collectGarbage')
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
      heap.push(usage.usedSize / 1024 / 1024)
      await page.context().close()
    }
  } finally {
    await browser.close()
  }
  return [
    { name: 'welcomePaintedMs', unit: 'ms', ...summarize(welcome) },
    { name: 'firstQuestionInteractiveMs', unit: 'ms', ...summarize(firstQuestion) },
    { name: 'nextQuestionMs', unit: 'ms', ...summarize(next) },
    { name: 'resultShownMs', unit: 'ms', ...summarize(result) },
    { name: 'firstLoadJsKB', unit: 'KB', value: round(firstLoad.jsRaw) },
    { name: 'firstLoadJsGzipKB', unit: 'KB', value: round(firstLoad.jsGzip) },
    { name: 'firstLoadCssKB', unit: 'KB', value: round(firstLoad.cssRaw) },
    { name: 'firstLoadCssGzipKB', unit: 'KB', value: round(firstLoad.cssGzip) },
    { name: 'jsHeapAfterJourneyMB', unit: 'MB', ...summarize(heap) },
  ]
}

async function totalQuestions(page: Page): Promise<number> {
  const text = (await page.evaluate(`document.querySelector('.step-indicator__count')?.textContent ?? ''`)) as string
  return Number(/of (\d+)/.exec(text)?.[1])
}

function transferSizes(distDir: string, paths: string[]) {
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

function round(n: number): number {
  return Math.round(n * 10) / 10
}
