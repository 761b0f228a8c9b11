/**
 * The welcome screen and question 1 are pre-rendered into index.html (src/prerender/):
 * they paint before any script runs, Start works as a plain link before the app has
 * started, and the app then takes the markup over. Whatever is pre-rendered must never be
 * painted when it is the wrong screen: a Spanish choice, saved progress, a kiosk and a deep
 * link are each recorded frame by frame, from the document's first frame, and compared
 * with what the person should see.
 */
import type { Page } from '@playwright/test'
import es from '../../src/i18n/es'
import { askedQuestionIds, chunkFetched, contentWords, en, expect, PROGRESS_KEY, QUESTIONS, test } from './support/app'

const PREFERENCES_KEY = 'health-it-role-finder.preferences'

/**
 * Installed before the page's own code: on every animation frame (each one just before the
 * browser paints) it notes what a person would see: the visible main heading, the visible
 * footer line, whether a visible Start link is there, and the page's language. Only changes
 * are kept, in order, in window.__painted.
 */
const RECORDER = `(() => {
  if (window !== window.top) return
  const painted = (window.__painted = [])
  const visible = (el) => Boolean(el && el.checkVisibility())
  const firstVisible = (selector) => [...document.querySelectorAll(selector)].find(visible)
  const note = () => {
    if (window.__firstFrameAt === undefined) window.__firstFrameAt = performance.now()
    const heading = firstVisible('main h1')
    const footer = firstVisible('footer p')
    const start = firstVisible('main a.button--primary')
    const seen = JSON.stringify({
      heading: heading ? heading.textContent.trim() : null,
      footer: footer ? footer.textContent.trim() : null,
      start: start ? start.textContent.trim() : null,
      lang: document.documentElement.lang,
    })
    if (seen !== painted[painted.length - 1]) painted.push(seen)
    requestAnimationFrame(note)
  }
  requestAnimationFrame(note)
})()`

interface Painted {
  heading: string | null
  footer: string | null
  start: string | null
  lang: string
}

/** What was painted so far, blank frames (nothing shown yet) left out. */
async function paintedScreens(page: Page): Promise<Painted[]> {
  const raw = (await page.evaluate('window.__painted')) as string[]
  return raw.map((line) => JSON.parse(line) as Painted).filter((seen) => seen.heading !== null)
}

/** Waits until the app has taken over the page (Vue marks its container), then for one more frame. */
async function appStarted(page: Page): Promise<void> {
  await expect(page.locator('#app[data-v-app]')).toHaveCount(1)
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))')
}

/** Saves these records in the app's storage, then leaves the page, as if the app had been closed. */
async function withStored(page: Page, records: Record<string, unknown>): Promise<void> {
  await page.goto('./#/roles')
  await expect(page.locator('#app[data-v-app]')).toHaveCount(1)
  await page.evaluate(
    (entries) => {
      const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage
      for (const [key, value] of entries) storage.setItem(key, value)
    },
    Object.entries(records).map(([key, value]) => [key, JSON.stringify(value)] as const),
  )
  await page.goto('about:blank')
}

const firstPrompt = contentWords.questions[QUESTIONS[0]!.id]!.prompt

test.beforeEach(async ({ context }) => {
  await context.addInitScript({ content: RECORDER })
})

test('the built page holds the welcome screen and question 1, and Start works with no script at all', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  try {
    const page = await context.newPage()
    await page.goto('./')
    await expect(page.getByRole('heading', { name: en.welcome.title })).toBeVisible()
    await expect(page.getByRole('heading', { name: firstPrompt })).toBeHidden()
    await page.getByRole('link', { name: en.welcome.start, exact: true }).click()
    await expect(page).toHaveURL(/#\/question\/1$/)
    await expect(page.getByRole('heading', { name: firstPrompt })).toBeVisible()
    await expect(page.getByRole('heading', { name: en.welcome.title })).toBeHidden()
  } finally {
    await context.close()
  }
})

test('a first visit paints the welcome screen once, and the app takes it over without a change', async ({ page }) => {
  await page.goto('./')
  await appStarted(page)
  expect(await paintedScreens(page)).toEqual([
    { heading: en.welcome.title, footer: en.app.footer, start: en.welcome.start, lang: 'en' },
  ])
  // One container is left, the app's own, with nothing pre-rendered or hidden.
  await expect(page.locator('.prerender')).toHaveCount(0)
  await expect(page.locator('html')).not.toHaveClass(/prerender-hold/)
  await page.getByRole('link', { name: en.welcome.start, exact: true }).click()
  await expect(page.locator('main h1')).toHaveText(firstPrompt)
})

test('Start followed before the app has started shows question 1 at once; the app then takes it over', async ({
  page,
}) => {
  // The script is held back until Start has been followed, as on a slow computer.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await held
    await route.continue()
  })
  // Not waiting for the page's load event: it waits for the held script.
  await page.goto('./', { waitUntil: 'commit' })
  await page.getByRole('link', { name: en.welcome.start, exact: true }).click()
  await expect(page).toHaveURL(/#\/question\/1$/)
  await expect(page.getByRole('heading', { name: firstPrompt })).toBeVisible()
  await expect(page.getByRole('heading', { name: en.welcome.title })).toBeHidden()
  // A choice made before the app started is kept when it takes over.
  const first = page.locator('main fieldset input').first()
  await first.check()
  release()
  await appStarted(page)
  await expect(first).toBeChecked()
  expect((await paintedScreens(page)).map((seen) => seen.heading)).toEqual([en.welcome.title, firstPrompt])
  await expect(page.locator('.prerender')).toHaveCount(0)
  // Next moves on, so the app has the choice too.
  await page.getByRole('button', { name: en.question.next, exact: true }).click()
  await expect(page).toHaveURL(/#\/question\/2$/)
})

test('a saved Spanish choice never paints the English welcome screen', async ({ page }) => {
  await withStored(page, { [PREFERENCES_KEY]: { schema: 1, locale: 'es' } })
  await page.goto('./')
  await appStarted(page)
  expect(await paintedScreens(page)).toEqual([
    { heading: es.welcome.title, footer: es.app.footer, start: es.welcome.start, lang: 'es' },
  ])
})

test('saved progress paints only the welcome screen that asks to continue or start over', async ({ page }) => {
  const firstId = QUESTIONS[0]!.id
  const answer = QUESTIONS[0]!.options[0]!.id
  await withStored(page, {
    [PROGRESS_KEY]: { schema: 1, savedAt: new Date().toISOString(), answers: { [firstId]: answer }, route: '/' },
  })
  await page.goto('./')
  await appStarted(page)
  await expect(page.locator('#saved-title')).toHaveText(en.journey.saved.title)
  const painted = await paintedScreens(page)
  // Never the first visit's Start (the pre-rendered welcome screen), never a question.
  expect(painted.map((seen) => seen.heading)).toEqual([en.welcome.title])
  expect(painted.filter((seen) => seen.start === en.welcome.start)).toEqual([])
})

test('a reload on a question goes on there without painting the welcome screen', async ({ page }) => {
  const [q1, q2] = QUESTIONS
  await withStored(page, {
    [PROGRESS_KEY]: {
      schema: 1,
      savedAt: new Date().toISOString(),
      answers: { [q1!.id]: q1!.options[0]!.id },
      route: '/question/2',
    },
  })
  await page.goto('./#/question/2')
  await appStarted(page)
  await expect(page).toHaveURL(/#\/question\/2$/)
  expect((await paintedScreens(page)).map((seen) => seen.heading)).toEqual([contentWords.questions[q2!.id]!.prompt])
  // The held answers came back with the reload: question 1's answer is still given.
  await page.goto('./#/question/1')
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(1)
})

test("the app's script is fetched only after the pre-rendered welcome screen's first frame", async ({ page }) => {
  await page.goto('./')
  await appStarted(page)
  // Page-side code as text: the e2e tests are type-checked without the DOM's types.
  const { firstFrameAt, scriptRequestedAt } = (await page.evaluate(`(() => {
    const entry = document.querySelector('meta[name="app-entry"]').content
    const fetched = performance.getEntriesByType('resource').find((resource) => resource.name.endsWith(entry))
    return { firstFrameAt: window.__firstFrameAt, scriptRequestedAt: fetched ? fetched.startTime : null }
  })()`)) as { firstFrameAt: number; scriptRequestedAt: number | null }
  // Fetched with the page, the script was compiled while that frame waited (README, Performance).
  expect(scriptRequestedAt).not.toBeNull()
  expect(scriptRequestedAt!).toBeGreaterThan(firstFrameAt)
})

test("the other questions' words are fetched after the first answer, not with the page", async ({ page }) => {
  // Interface words (src/i18n) and content words (src/content) each have an en-later chunk;
  // neither is needed on question 1.
  const laterWordsFetched = () => chunkFetched(page, 'en-later')
  await page.goto('./#/question/1')
  await appStarted(page)
  await page.waitForLoadState('networkidle')
  expect(await laterWordsFetched()).toBe(false)
  const first = QUESTIONS[0]!
  const choice = first.options[0]!.id
  await page.locator(`#answer-${first.id}-${choice}`).check()
  await expect.poll(laterWordsFetched).toBe(true)
  await page.getByRole('button', { name: en.question.next, exact: true }).click()
  await expect(page).toHaveURL(/#\/question\/2$/)
  const second = askedQuestionIds({ [first.id]: choice })[1]!
  await expect(page.locator('main h1')).toHaveText(contentWords.questions[second]!.prompt)
})

test('a kiosk never paints the self-guided footer or counselor link', async ({ page }) => {
  await page.goto('./?kiosk')
  await appStarted(page)
  expect(await paintedScreens(page)).toEqual([
    { heading: en.welcome.title, footer: en.app.footerKiosk, start: en.welcome.start, lang: 'en' },
  ])
  await expect(page.getByRole('link', { name: en.counselor.welcomeLink })).toHaveCount(0)
})

test('a deep link to another screen never paints the welcome screen', async ({ page }) => {
  await page.goto('./#/roles')
  await appStarted(page)
  const headings = (await paintedScreens(page)).map((seen) => seen.heading)
  expect(headings).toEqual([en.roles.title])
})

test('a deep link to question 1 paints question 1 only, and the app takes it over', async ({ page }) => {
  await page.goto('./#/question/1')
  await appStarted(page)
  expect((await paintedScreens(page)).map((seen) => seen.heading)).toEqual([firstPrompt])
  await expect(page.locator('.prerender')).toHaveCount(0)
})
