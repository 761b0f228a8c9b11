/**
 * The build as the desktop app loads it: every request answered by the app protocol's
 * handler (electron/main/app-protocol.ts, behind scripts/serve-static.mjs), in a
 * Chromium with no extra flags. Deep links, a reload on the results, the not-found
 * page for an unknown address, and the headers the page arrives with.
 */
import { PERSONAS } from '../fixtures/personas'
import { en, expect, openWithProgress, roleName, savedProgress, test } from './support/app'
import { activate, mainHeading } from './support/keyboard'
import { expectBestFit, expectFreshWelcome, expectNothingStored } from './support/journey'
import type { PageGlobals } from './support/page-globals'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'

const persona = PERSONAS.find((p) => p.expected === 'trainer')!

test('the page arrives with its CSP and nosniff, and its fonts and scripts from its own origin', async ({
  page,
  baseURL,
  guard,
}) => {
  const response = await page.goto('./')
  expect(response?.status()).toBe(200)
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  expect(response?.headers()['x-content-type-options']).toBe('nosniff')
  await expectFreshWelcome(page)
  const faces = await page.evaluate(() =>
    [...(globalThis as unknown as PageGlobals).document.fonts]
      .filter((face) => face.family.includes('Atkinson Hyperlegible') && face.status === 'loaded')
      .map((face) => face.weight),
  )
  expect(faces).toContain('400')
  const origin = new URL(baseURL!).origin
  expect(guard.requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([])
})

test('deep links open their screen, and hash routes work by keyboard', async ({ page }) => {
  await page.goto('./#/roles/trainer')
  await expect(mainHeading(page)).toHaveText(roleName('trainer'))
  await page.goto('./index.html#/roles')
  await expect(mainHeading(page)).toHaveText(en.roles.title)
  await activate(page, page.getByRole('link', { name: roleName('trainer'), exact: true }))
  await expect(page).toHaveURL(/\/index\.html#\/roles\/trainer$/)
  await expect(mainHeading(page)).toBeFocused()
  await page.goBack()
  await expect(page).toHaveURL(/\/index\.html#\/roles$/)
  await expect(mainHeading(page)).toHaveText(en.roles.title)
  await page.goto('./#/no/such/page')
  await expect(mainHeading(page)).toHaveText(en.notFound.title)
})

test('an unknown address shows the app\u2019s not-found page (status 404), and its links lead back', async ({
  page,
  guard,
}) => {
  for (const address of ['./no/such/page', './results', './a/b/c/']) {
    const response = await page.goto(address)
    expect(response?.status(), address).toBe(404)
    await expect(mainHeading(page), address).toHaveText(en.notFound.title)
    // Chromium logs every 404 document to the console; this one was asked for on purpose.
    const logged = `Console error on ${response!.url()}: Failed to load resource: the server responded with a status of 404 (Not Found)`
    await expect.poll(() => guard.problems).toContain(logged)
    guard.problems.splice(guard.problems.indexOf(logged), 1)
  }
  // A missing script or font is a plain 404, not a page.
  const missing = await page.request.get('./assets/missing.js')
  expect(missing.status()).toBe(404)
  expect(missing.headers()['content-type']).toBe('text/plain; charset=utf-8')
  await activate(page, page.getByRole('link', { name: en.notFound.home, exact: true }))
  await expect(mainHeading(page)).toHaveText(en.welcome.title)
})

test('a journey left at the results continues there when asked, survives a reload, and starts over', async ({
  page,
  context,
}) => {
  await openWithProgress(page, persona.answers, '/results')
  await expectBestFit(page, persona.expected)
  await page.goto('about:blank')
  // Opened again at the start address (a new window): it asks before showing the result.
  await page.goto('./')
  await activate(page, page.getByRole('button', { name: en.journey.saved.continue, exact: true }))
  await expect(page).toHaveURL(/#\/results$/)
  await expectBestFit(page, persona.expected)
  await page.reload()
  await expectBestFit(page, persona.expected)

  await activate(page, page.getByRole('button', { name: en.results.actions.review }))
  await expect(page).toHaveURL(/#\/review$/)
  await expect(mainHeading(page)).toBeFocused()
  await activate(page, page.getByRole('button', { name: en.review.seeResult }))
  await expectBestFit(page, persona.expected)
  expect((await savedProgress(page))?.route).toBe('/results')
  await activate(page, page.getByRole('button', { name: en.startOver.label, exact: true }))
  await activate(page, page.getByRole('button', { name: en.startOver.confirm }))
  await expect(page).toHaveURL(/#\/$/)
  await expectFreshWelcome(page)
  await expectNothingStored(page, context)
})
