/**
 * The shared test fixture: every context is offline-guarded, and helpers for the
 * app's words, questions and saved progress.
 */
import fs from 'node:fs'
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test'
import en from '../../../src/i18n/en'
import type { Answers, Question, RoleId } from '../../../src/domain/types'
import { BASE_URL_ENV } from './browser-options'
import type { PageGlobals } from './page-globals'

export { en }

/** The content's words and questions, read as data (the tests never import Vue code). */
export const contentWords = JSON.parse(
  fs.readFileSync(new URL('../../../src/content/locales/en.json', import.meta.url), 'utf8'),
) as { roles: Record<RoleId, { name: string }>; questions: Record<string, { prompt: string }> }
export const QUESTIONS = (
  JSON.parse(fs.readFileSync(new URL('../../../src/content/questions.json', import.meta.url), 'utf8')) as {
    questions: Question[]
  }
).questions

export const PROGRESS_KEY = 'health-it-role-finder.progress'

/** The questions asked for these answers, in order (follow-ups only when their trigger is answered). */
export function askedQuestionIds(answers: Answers): string[] {
  return QUESTIONS.filter((q) => {
    if (!q.showIf) return true
    const given = answers[q.showIf.question]
    const chosen = given === undefined ? [] : Array.isArray(given) ? given : [given]
    return chosen.some((id) => q.showIf!.anyOf.includes(id))
  }).map((q) => q.id)
}

export function roleName(roleId: RoleId): string {
  return contentWords.roles[roleId].name
}

export function appBaseUrl(): string {
  const url = process.env[BASE_URL_ENV]
  if (!url)
    throw new Error(
      `${BASE_URL_ENV} is not set: run the tests through playwright.config.ts (global setup serves dist/).`,
    )
  return url
}

/**
 * What went wrong in a context: requests that tried to leave the app, uncaught errors,
 * console errors and Content-Security-Policy violations. Any of them fails the test.
 */
export interface Guard {
  offOrigin: string[]
  problems: string[]
  /**
   * CSP reports of blocked eval(). Kept apart from `problems`: zod 4 probes
   * `Function('')` once (caught) unless configured jitless, and one dedicated test
   * (offline-csp.spec.ts) owns that finding instead of every test failing on it.
   */
  blockedEval: string[]
  /** Every URL the app requested (for checks such as "fonts come from the app"). */
  requested: string[]
  assertClean(): void
}

/**
 * Routes every request of the context. Only the app's own origin (when given) and
 * data: are allowed; anything else is aborted and recorded.
 */
export async function guardContext(context: BrowserContext, appOrigin: string | null): Promise<Guard> {
  const guard: Guard = {
    offOrigin: [],
    problems: [],
    blockedEval: [],
    requested: [],
    assertClean() {
      expect(guard.offOrigin, `Requests left the app (it must work offline):\n${guard.offOrigin.join('\n')}`).toEqual(
        [],
      )
      expect(guard.problems, `Errors in the page:\n${guard.problems.join('\n')}`).toEqual([])
    },
  }
  const allowed = (url: string): boolean => {
    if (url.startsWith('data:')) return true
    return appOrigin !== null && new URL(url).origin === appOrigin
  }
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    guard.requested.push(url)
    if (allowed(url)) return route.continue()
    guard.offOrigin.push(url)
    return route.abort('blockedbyclient')
  })
  // Requests the router may not see (e.g. WebSockets) are recorded too.
  context.on('request', (request) => {
    if (!allowed(request.url()) && !guard.offOrigin.includes(request.url())) guard.offOrigin.push(request.url())
  })
  await context.addInitScript(() => {
    const { document, console } = globalThis as unknown as PageGlobals
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
      )
    })
  })
  const watch = (page: Page): void => {
    page.on('pageerror', (error) => guard.problems.push(`Uncaught error on ${page.url()}: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const text = `Console error on ${page.url()}: ${message.text()}`
      if (/^CSP violation: script-src blocked eval /.test(message.text())) guard.blockedEval.push(text)
      else guard.problems.push(text)
    })
    page.on('websocket', (socket) => guard.offOrigin.push(socket.url()))
  }
  context.pages().forEach(watch)
  context.on('page', watch)
  return guard
}

/** A fresh, guarded context (and page) with its own options; closed and checked after the test. */
export type OpenContext = (options?: BrowserContextOptions) => Promise<{ context: BrowserContext; page: Page }>

interface Fixtures {
  guard: Guard
  openContext: OpenContext
}

export const test = base.extend<Fixtures>({
  // The server's port is only known once global-setup has run, so the option is a fixture.
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  baseURL: async ({}, use) => use(appBaseUrl()),
  guard: [
    async ({ context }, use) => {
      const guard = await guardContext(context, new URL(appBaseUrl()).origin)
      await use(guard)
      guard.assertClean()
    },
    { auto: true },
  ],
  openContext: async ({ browser }, use) => {
    const opened: { context: BrowserContext; guard: Guard }[] = []
    await use(async (options = {}) => {
      const context = await newAppContext(browser, options)
      const guard = await guardContext(context, new URL(appBaseUrl()).origin)
      opened.push({ context, guard })
      return { context, page: await context.newPage() }
    })
    for (const { context, guard } of opened) {
      await context.close()
      guard.assertClean()
    }
  },
})

export { expect }

function newAppContext(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  return browser.newContext({ baseURL: appBaseUrl(), viewport: { width: 1280, height: 800 }, ...options })
}

/** Whether the page has fetched the built chunk named `name` (assets/NAME-HASH.js), e.g. "ResultsView". */
export async function chunkFetched(page: Page, name: string): Promise<boolean> {
  // Page-side code as text: the e2e tests are type-checked without the DOM's types.
  return (await page.evaluate(
    `performance.getEntriesByType('resource').some((entry) => /\\/assets\\/${name}-[\\w-]+\\.js$/.test(entry.name))`,
  )) as boolean
}

/** The saved progress in this page's storage, as the app wrote it (null when none). */
export async function savedProgress(page: Page): Promise<{ answers: Answers; route: string } | null> {
  const raw = await page.evaluate(
    (key) => (globalThis as unknown as PageGlobals).localStorage.getItem(key),
    PROGRESS_KEY,
  )
  return raw === null ? null : (JSON.parse(raw) as { answers: Answers; route: string })
}

/**
 * Opens `path` (a hash route such as "/results") with these answers already saved,
 * as if the person had answered them earlier and closed the app.
 */
export async function openWithProgress(page: Page, answers: Answers, path: string, origin = './'): Promise<void> {
  await page.goto(`${origin}#/roles`)
  // The app is loaded on its origin (in whichever language was chosen before).
  await expect(page).toHaveURL(/#\/roles$/)
  await expect(page.locator('main h1').filter({ visible: true })).toBeVisible()
  const progress = { schema: 1, savedAt: new Date().toISOString(), answers, route: path }
  await page.evaluate(([key, value]) => (globalThis as unknown as PageGlobals).localStorage.setItem(key, value), [
    PROGRESS_KEY,
    JSON.stringify(progress),
  ] as const)
  await page.goto('about:blank')
  await page.goto(`${origin}#${path}`)
  await expect(page).toHaveURL(new RegExp(`#${path}$`))
}

/** The answers to the questions before `questionId` (the state when a person reaches it). */
export function answersBefore(answers: Answers, questionId: string): Answers {
  const ids = askedQuestionIds(answers)
  const index = ids.indexOf(questionId)
  if (index < 0) throw new Error(`${questionId} is not asked for these answers`)
  return Object.fromEntries(ids.slice(0, index).map((id) => [id, answers[id]!]))
}

export function positionOf(answers: Answers, questionId: string): number {
  return askedQuestionIds(answers).indexOf(questionId) + 1
}
