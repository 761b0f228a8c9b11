/**
 * The journey around the result (issue 13), in Chromium: the shared-computer prompt, Change
 * from Check your answers, the result for "no role stands out" and for close roles, the
 * one-page printout as a real PDF, and axe scans of these screens in English and Spanish.
 */
import fs from 'node:fs'
import type { Page } from '@playwright/test'
import es from '../../src/i18n/es'
import type { Answers } from '../../src/domain/types'
import { CLOSE_ROLES, NONE_STANDS_OUT } from '../fixtures/lead-cases'
import { PERSONAS } from '../fixtures/personas'
import {
  askedQuestionIds,
  chunkFetched,
  en,
  expect,
  openWithProgress,
  PROGRESS_KEY,
  roleName,
  savedProgress,
  test,
} from './support/app'
import { expectNoAxeViolations } from './support/axe'
import { activate, mainHeading } from './support/keyboard'
import type { PageGlobals } from './support/page-globals'

const trainer = PERSONAS.find((p) => p.expected === 'trainer' && p.answers.license_held === 'no')!
const spanishContent = JSON.parse(
  fs.readFileSync(new URL('../../src/content/locales/es.json', import.meta.url), 'utf8'),
) as { roles: Record<string, { name: string }> }

async function toSpanish(page: Page): Promise<void> {
  await activate(page, page.getByRole('button', { name: en.app.language.otherHint }))
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
}

/** Leaves progress as an earlier visit would, then opens the app at its start address, as a new window does. */
async function openSharedComputer(page: Page, answers: Answers, route: string): Promise<void> {
  await openWithProgress(page, answers, '/roles')
  const progress = { schema: 1, savedAt: new Date().toISOString(), answers, route }
  await page.evaluate(([key, value]) => (globalThis as unknown as PageGlobals).localStorage.setItem(key, value), [
    PROGRESS_KEY,
    JSON.stringify(progress),
  ] as const)
  await page.goto('about:blank')
  await page.goto('./')
}

/**
 * Each test here loads the app more than once, runs axe over long pages or prints PDFs: 15–40 s
 * at load 20, past a minute at load 45 (measured on the shared 2-core machine), so three minutes.
 */
const BUSY_MACHINE_LIMIT = 180_000

test.beforeEach(() => test.setTimeout(BUSY_MACHINE_LIMIT))

/** The number of pages in a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
}

test.describe('a shared computer outside kiosk mode', () => {
  test('asks "Continue or start over?" and shows nothing of the answers until Continue', async ({ page }) => {
    await openSharedComputer(page, trainer.answers, '/results')
    await expect(page).toHaveURL(/#\/$/)
    const prompt = page.getByRole('region', { name: en.journey.saved.title })
    await expect(prompt).toBeVisible()
    await expect(page.locator('main')).not.toContainText(roleName('trainer'))
    await expectNoAxeViolations(page, 'welcome with saved progress')
    await toSpanish(page)
    await expect(page.getByRole('region', { name: es.journey.saved.title })).toBeVisible()
    await expectNoAxeViolations(page, 'welcome with saved progress (Spanish)')
    await activate(page, page.getByRole('button', { name: es.journey.saved.continue, exact: true }))
    await expect(page).toHaveURL(/#\/results$/)
    await expect(page.locator('#best-fit-title')).toHaveText(spanishContent.roles.trainer!.name)
  })

  test('Start over from the prompt erases the saved answers', async ({ page }) => {
    await openSharedComputer(page, trainer.answers, '/question/5')
    await activate(page, page.getByRole('button', { name: en.journey.saved.startOver, exact: true }))
    await expect(page).toHaveURL(/#\/question\/1$/)
    await expect(page.locator('main input:checked')).toHaveCount(0)
    expect(await savedProgress(page)).toBeNull()
  })

  test('Start over is on every question, behind a confirmation that can back out', async ({ page }) => {
    await openWithProgress(page, { license_held: 'no' }, '/question/2')
    const startOver = page.locator('.question-page__start-over').getByRole('button', { name: en.startOver.label })
    await activate(page, startOver)
    await expect(page.getByRole('group', { name: en.startOver.confirmTitle })).toBeFocused()
    await expectNoAxeViolations(page, 'question with the start-over confirmation')
    await activate(page, page.getByRole('button', { name: en.startOver.cancel }))
    await expect(startOver).toBeFocused()
    expect((await savedProgress(page))?.answers).toEqual({ license_held: 'no' })
  })
})

test('Change on Check your answers comes back there after the changed question', async ({ page }) => {
  await openWithProgress(page, trainer.answers, '/review')
  await expect(mainHeading(page)).toHaveText(en.review.title)
  const asked = askedQuestionIds(trainer.answers)
  const position = asked.indexOf('like_teach_class') + 1
  await activate(page, page.locator(`a[href="#/question/${position}?from=review"]`))
  await expect(page).toHaveURL(new RegExp(`#/question/${position}\\?from=review$`))
  const submit = page.getByRole('button', { name: en.journey.question.saveAndReview })
  await expect(submit).toBeVisible()
  await expectNoAxeViolations(page, 'question changed from review')
  await page.locator('#answer-like_teach_class-dislike').check()
  await activate(page, submit)
  await expect(page).toHaveURL(/#\/review$/)
  await expect(mainHeading(page)).toBeFocused()
  expect((await savedProgress(page))?.answers.like_teach_class).toBe('dislike')
})

test("Check your answers fetches the results screen's code before the person asks for the result", async ({ page }) => {
  await openWithProgress(page, trainer.answers, '/review')
  await expect(mainHeading(page)).toHaveText(en.review.title)
  await expect.poll(() => chunkFetched(page, 'ResultsView')).toBe(true)
  await expect(page).toHaveURL(/#\/review$/)
})

test.describe('the result page', () => {
  test('"no role stands out" names no best fit and suggests roles to explore (English and Spanish)', async ({
    page,
  }) => {
    await openWithProgress(page, NONE_STANDS_OUT, '/results')
    await expect(page.locator('#lead-title')).toHaveText(en.results.lead.noneTitle)
    await expect(page.locator('#best-fit-title')).toHaveCount(0)
    await expect(page.locator('main')).not.toContainText(en.results.bestFit)
    await expect(page.locator('.lead-panel--none a')).toHaveCount(3)
    await expect(page.locator('.next-steps')).toBeVisible()
    await expectNoAxeViolations(page, 'result: no role stands out')
    await toSpanish(page)
    await expect(page.locator('#lead-title')).toHaveText(es.results.lead.noneTitle)
    await expectNoAxeViolations(page, 'result: no role stands out (Spanish)')
  })

  test('close roles are led together, with next steps for each (English and Spanish)', async ({ page }) => {
    await openWithProgress(page, CLOSE_ROLES, '/results')
    await expect(page.locator('#lead-title')).toHaveText(en.results.lead.closeTitle)
    const names = page.locator('.lead-panel__name')
    await expect(names).toHaveText([roleName('technical_support'), roleName('implementation_support')])
    await expect(page.locator('.next-steps__role')).toHaveCount(2)
    // Public tools' addresses are printed as text: no link on the page leaves the app.
    await expect(page.locator('.next-steps')).toContainText('https://www.careeronestop.org/')
    expect(await page.locator('main a[href^="http"]').count()).toBe(0)
    await expectNoAxeViolations(page, 'result: close roles')
    await toSpanish(page)
    await expect(page.locator('#lead-title')).toHaveText(es.results.lead.closeTitle)
    await expect(page.locator('.next-steps__role')).toHaveCount(2)
    await expectNoAxeViolations(page, 'result: close roles (Spanish)')
  })

  test('a role page links to related roles and shows today’s occupations', async ({ page }) => {
    await page.goto('./#/roles/trainer')
    await expect(mainHeading(page)).toHaveText(roleName('trainer'))
    const related = page.getByRole('region', { name: en.journey.related.title })
    await expect(related.getByRole('link')).toHaveCount(5)
    await expect(page.getByRole('region', { name: en.journey.related.occupationsTitle })).toContainText('13-1151.00')
    await activate(page, related.getByRole('link', { name: roleName('implementation_support') }))
    await expect(mainHeading(page)).toHaveText(roleName('implementation_support'))
    await expectNoAxeViolations(page, 'role page with related roles')
  })
})

test.describe('the printout', () => {
  for (const [name, answers] of [
    ['one best fit', trainer.answers],
    ['close roles', CLOSE_ROLES],
    ['no role stands out', NONE_STANDS_OUT],
  ] as const) {
    test(`is one page in English and in Spanish: ${name}`, async ({ page }) => {
      await openWithProgress(page, answers, '/results')
      await expect(page.locator('.next-steps')).toBeVisible()
      // The counter counts: the same page printed with its screen styles runs to several pages.
      await page.emulateMedia({ media: 'screen' })
      expect(pdfPageCount(await page.pdf({ format: 'Letter' }))).toBeGreaterThan(1)
      await page.emulateMedia({ media: 'print' })
      const printout = page.locator('.printout')
      await expect(printout).toBeVisible()
      await expect(printout).toContainText(en.app.name)
      await expect(printout).toContainText(en.journey.print.fits)
      await expect(printout).toContainText('https://www.mynextmove.org/')
      await expect(page.locator('.next-steps')).toBeHidden()
      // For a person to look at: the printout as a Letter page's width shows it.
      await page.setViewportSize({ width: 816, height: 1056 })
      await page.screenshot({
        path: `test-results/screenshots/printout-${name.replace(/ /g, '-')}.png`,
        fullPage: true,
      })
      const english = await page.pdf({ format: 'Letter' })
      expect(pdfPageCount(english), 'the English printout is one page').toBe(1)

      await page.emulateMedia({ media: 'screen' })
      await toSpanish(page)
      await expect(page.locator('.next-steps h2')).toHaveText('Próximos pasos')
      await page.emulateMedia({ media: 'print' })
      await expect(printout).toContainText(es.journey.print.fits)
      const spanish = await page.pdf({ format: 'Letter' })
      expect(pdfPageCount(spanish), 'the Spanish printout is one page').toBe(1)
      fs.mkdirSync('test-results/printouts', { recursive: true })
      fs.writeFileSync(`test-results/printouts/${name.replace(/ /g, '-')}.en.pdf`, english)
      fs.writeFileSync(`test-results/printouts/${name.replace(/ /g, '-')}.es.pdf`, spanish)
    })
  }
})
