/**
 * The Spanish edition end to end, and a workforce-center kiosk that is left idle.
 * Keyboard only, offline-guarded like every journey (support/app.ts).
 */
import fs from 'node:fs'
import es from '../../src/i18n/es'
import type { RoleId } from '../../src/domain/types'
import { PERSONAS } from '../fixtures/personas'
import { askedQuestionIds, en, expect, savedProgress, test } from './support/app'
import { expectNoAxeViolations } from './support/axe'
import { activate, answerByKeyboard, mainHeading, tabTo } from './support/keyboard'
import { expectFreshWelcome, expectNothingStored } from './support/journey'

const spanish = JSON.parse(fs.readFileSync(new URL('../../src/content/locales/es.json', import.meta.url), 'utf8')) as {
  roles: Record<RoleId, { name: string }>
  questions: Record<string, { prompt: string }>
}
const trainer = PERSONAS.find((p) => p.expected === 'trainer')!

test('a Spanish speaker gets the whole assessment in Spanish, and every screen passes axe', async ({ page }) => {
  await page.goto('./')
  await activate(page, page.getByRole('button', { name: en.app.language.otherHint }))
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(mainHeading(page)).toHaveText(es.welcome.title)
  await expectNoAxeViolations(page, 'welcome (es)')
  await activate(page, page.getByRole('button', { name: es.welcome.start, exact: true }))

  const asked = askedQuestionIds(trainer.answers)
  const scanned = new Set<string>()
  for (const [index, id] of asked.entries()) {
    await expect(mainHeading(page)).toHaveText(spanish.questions[id]!.prompt)
    await expect(page.locator('.step-indicator__count')).toHaveText(
      es.question.progress.replace('{current}', String(index + 1)).replace('{total}', String(asked.length)),
    )
    const kind = await page.locator('.choice__input').first().getAttribute('type')
    const screen = `${kind}${(await page.locator('.choices--scale').count()) ? '-scale' : ''}`
    if (!scanned.has(screen)) {
      scanned.add(screen)
      await expectNoAxeViolations(page, `question ${screen} (es)`)
    }
    await answerByKeyboard(page, trainer.answers[id]!)
    await activate(page, page.locator('main form button[type="submit"]'))
  }
  expect([...scanned].sort()).toEqual(['checkbox', 'radio', 'radio-scale'])

  await expect(mainHeading(page)).toHaveText(es.review.title)
  await expectNoAxeViolations(page, 'review (es)')
  await activate(page, page.getByRole('button', { name: es.review.seeResult }))
  await expect(mainHeading(page)).toHaveText(es.results.title)
  await expect(page.locator('#best-fit-title')).toHaveText(spanish.roles.trainer.name)
  await expect(page.getByRole('region', { name: es.results.training.title, exact: true })).toBeVisible()
  await expect(page.locator('main')).not.toContainText('Why this role fits')
  await expectNoAxeViolations(page, 'results (es)')

  // The choice is remembered outside kiosk mode.
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(mainHeading(page)).toHaveText(es.results.title)
})

test('a kiosk left idle warns, wipes the session and leaves nothing in any storage', async ({ page, context }) => {
  await page.goto('./?kiosk&idle=5')
  await activate(page, page.getByRole('button', { name: en.welcome.start, exact: true }))
  for (const id of askedQuestionIds(trainer.answers).slice(0, 3)) {
    await answerByKeyboard(page, trainer.answers[id]!)
    await activate(page, page.locator('main form button[type="submit"]'))
  }
  await expect(page.locator('.step-indicator__count')).toContainText('Question 4 of')
  // Nothing is written while the person works, not only after the wipe.
  expect(await savedProgress(page)).toBeNull()
  await expectNothingStored(page, context)

  const warning = page.getByRole('alertdialog', { name: en.kiosk.idleTitle })
  await expect(warning).toBeVisible({ timeout: 10_000 })
  await expect(page.getByRole('button', { name: en.kiosk.stillHere })).toBeFocused()
  await expect(page.locator('[aria-live="assertive"]')).toContainText('seconds')
  await expectNoAxeViolations(page, 'kiosk idle warning')

  // "I'm still here" keeps the answers...
  await page.keyboard.press('Enter')
  await expect(warning).toBeHidden()
  await expect(page.locator('.step-indicator__count')).toContainText('Question 4 of')

  // ...and walking away clears them.
  await expect(warning).toBeVisible({ timeout: 10_000 })
  await expect(mainHeading(page)).toHaveText(en.welcome.title, { timeout: 10_000 })
  await expectFreshWelcome(page)
  await expectNothingStored(page, context)
  await tabTo(page, page.getByRole('button', { name: en.welcome.start, exact: true }))
  await page.keyboard.press('Enter')
  await expect(page.locator('.step-indicator__count')).toContainText('Question 1 of')
  await expect(page.locator('.choice__input:checked')).toHaveCount(0)
})
