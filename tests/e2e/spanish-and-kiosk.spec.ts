/**
 * The Spanish edition end to end, and a workforce-center kiosk that is left idle.
 * Keyboard only, offline-guarded like every journey (support/app.ts).
 */
import fs from 'node:fs'
import es from '../../src/i18n/es'
import type { RoleId } from '../../src/domain/types'
import { PERSONAS } from '../fixtures/personas'
import {
  QUESTIONS,
  answersBefore,
  askedQuestionIds,
  en,
  expect,
  openWithProgress,
  positionOf,
  savedProgress,
  test,
} from './support/app'
import { expectNoAxeViolations } from './support/axe'
import { activate, answerByKeyboard, mainHeading, tabTo } from './support/keyboard'
import { expectFreshWelcome, expectNothingStored } from './support/journey'

const spanish = JSON.parse(fs.readFileSync(new URL('../../src/content/locales/es.json', import.meta.url), 'utf8')) as {
  roles: Record<RoleId, { name: string }>
  questions: Record<string, { prompt: string }>
}
const trainer = PERSONAS.find((p) => p.expected === 'trainer')!

/** The Spanish words of question `id`'s screen: its heading. */
const spanishPrompt = (id: string) => spanish.questions[id]!.prompt

test('a Spanish speaker answers the whole assessment in Spanish, by keyboard, and the choice is remembered', async ({
  page,
}) => {
  // Thirty-odd questions answered by keyboard, each a page change with several checks:
  // about 15 s idle, several times that with four busy processes on two cores.
  test.setTimeout(180_000)
  await page.goto('./')
  await activate(page, page.getByRole('button', { name: en.app.language.otherHint }))
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(mainHeading(page)).toHaveText(es.welcome.title)
  await activate(page, page.getByRole('link', { name: es.welcome.start, exact: true }))

  const asked = askedQuestionIds(trainer.answers)
  for (const [index, id] of asked.entries()) {
    await expect(mainHeading(page)).toHaveText(spanishPrompt(id))
    await expect(page.locator('.step-indicator__count')).toHaveText(
      es.question.progress.replace('{current}', String(index + 1)).replace('{total}', String(asked.length)),
    )
    await answerByKeyboard(page, trainer.answers[id]!)
    await activate(page, page.locator('main form button[type="submit"]'))
  }

  await expect(mainHeading(page)).toHaveText(es.review.title)
  await activate(page, page.getByRole('button', { name: es.review.seeResult }))
  await expect(mainHeading(page)).toHaveText(es.results.title)
  await expect(page.locator('#best-fit-title')).toHaveText(spanish.roles.trainer.name)
  await expect(page.getByRole('region', { name: es.results.training.title, exact: true })).toBeVisible()
  await expect(page.locator('main')).not.toContainText('Why this role fits')

  // The choice is remembered outside kiosk mode.
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(mainHeading(page)).toHaveText(es.results.title)
})

test('every Spanish screen passes axe: welcome, each kind of question, review and results', async ({ page }) => {
  // Six axe scans and six pages opened with saved progress: about 20 s idle, more than a
  // minute on a machine kept busy by other work.
  test.setTimeout(240_000)
  await page.goto('./')
  await activate(page, page.getByRole('button', { name: en.app.language.otherHint }))
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(mainHeading(page)).toHaveText(es.welcome.title)
  await expectNoAxeViolations(page, 'welcome (es)')

  // One question of each kind, opened as if answered up to there (the language is remembered).
  const asked = askedQuestionIds(trainer.answers)
  const scanned = new Set<string>()
  for (const id of asked) {
    const question = QUESTIONS.find((q) => q.id === id)!
    const screen = question.kind === 'multiple' ? 'checkbox' : question.kind === 'likert' ? 'radio-scale' : 'radio'
    if (scanned.has(screen)) continue
    scanned.add(screen)
    await openWithProgress(page, answersBefore(trainer.answers, id), `/question/${positionOf(trainer.answers, id)}`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await expect(mainHeading(page)).toHaveText(spanishPrompt(id))
    await expectNoAxeViolations(page, `question ${screen} (es)`)
  }
  expect([...scanned].sort()).toEqual(['checkbox', 'radio', 'radio-scale'])

  await openWithProgress(page, trainer.answers, '/review')
  await expect(mainHeading(page)).toHaveText(es.review.title)
  await expectNoAxeViolations(page, 'review (es)')
  await openWithProgress(page, trainer.answers, '/results')
  await expect(mainHeading(page)).toHaveText(es.results.title)
  await expect(page.locator('#best-fit-title')).toHaveText(spanish.roles.trainer.name)
  await expectNoAxeViolations(page, 'results (es)')
})

test('a kiosk left idle warns, wipes the session and leaves nothing in any storage', async ({ page, context }) => {
  // The page's clock stands still while its timers run: the idle time still passes in
  // real time, but the countdown, worked out from the clock, moves only when the test
  // moves the clock. So a busy machine cannot run the countdown out during the checks.
  const now = Date.now()
  await page.clock.setFixedTime(now)
  // 5 s: the shortest idle time the app allows; the countdown then lasts 5 s too.
  await page.goto('./?kiosk&idle=5')
  await activate(page, page.getByRole('link', { name: en.welcome.start, exact: true }))
  for (const id of askedQuestionIds(trainer.answers).slice(0, 3)) {
    await answerByKeyboard(page, trainer.answers[id]!)
    await activate(page, page.locator('main form button[type="submit"]'))
  }
  await expect(page.locator('.step-indicator__count')).toContainText('Question 4 of')
  // Nothing is written while the person works, not only after the wipe.
  expect(await savedProgress(page)).toBeNull()
  await expectNothingStored(page, context)

  // The warning shows after 5 s without input: a real wait, given room for a busy machine.
  const warning = page.getByRole('alertdialog', { name: en.kiosk.idleTitle })
  await expect(warning).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('button', { name: en.kiosk.stillHere })).toBeFocused()
  await expect(page.locator('[aria-live="assertive"]')).toContainText('5 seconds')
  await expectNoAxeViolations(page, 'kiosk idle warning')
  await expect(warning, 'the countdown waits for the clock').toContainText('5 seconds')

  // "I'm still here" keeps the answers...
  await page.keyboard.press('Enter')
  await expect(warning).toBeHidden()
  await expect(page.locator('.step-indicator__count')).toContainText('Question 4 of')

  // ...and walking away clears them once the countdown has run out.
  await expect(warning).toBeVisible({ timeout: 30_000 })
  await page.clock.setFixedTime(now + 6_000)
  await expect(mainHeading(page)).toHaveText(en.welcome.title)
  await expectFreshWelcome(page)
  await expectNothingStored(page, context)
  await tabTo(page, page.getByRole('link', { name: en.welcome.start, exact: true }))
  await page.keyboard.press('Enter')
  await expect(page.locator('.step-indicator__count')).toContainText('Question 1 of')
  await expect(page.locator('.choice__input:checked')).toHaveCount(0)
})
