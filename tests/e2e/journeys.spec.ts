/**
 * Journeys through the production build by keyboard only (Tab, Shift+Tab, arrow
 * keys, Space, Enter). Every context is offline-guarded: a request to any origin
 * other than the app's own fails the test (see support/app.ts).
 */
import { ROLE_IDS } from '../../src/domain/types'
import { PERSONAS } from '../fixtures/personas'
import { askedQuestionIds, en, expect, roleName, savedProgress, test } from './support/app'
import { activate, backButton, choiceInputs, mainHeading, nextButton, tabTo } from './support/keyboard'
import {
  answerQuestions,
  expectBestFit,
  expectFreshWelcome,
  expectNothingStored,
  expectQuestion,
  startFromWelcome,
} from './support/journey'
import type { PageGlobals } from './support/page-globals'

const ONE_PER_ROLE = ROLE_IDS.map((roleId) => PERSONAS.find((p) => p.expected === roleId)!)
const LICENSED = PERSONAS.find((p) => p.answers.license_held === 'yes')!
const UNLICENSED = PERSONAS.find((p) => p.answers.license_held === 'no')!

test.describe('each role, found by keyboard', () => {
  for (const persona of ONE_PER_ROLE) {
    test(`${roleName(persona.expected)}: ${persona.name}`, async ({ page, context, guard, baseURL }) => {
      // Thirty-odd questions by keyboard, each a page change with several checks: about 15 s
      // idle, several times that on a machine kept busy by other work.
      test.setTimeout(180_000)
      await startFromWelcome(page)
      const asked = await answerQuestions(page, persona.answers)
      expect(asked).toEqual(askedQuestionIds(persona.answers))

      await expect(page).toHaveURL(/#\/review$/)
      await expect(mainHeading(page)).toBeFocused()
      await expect(mainHeading(page)).toHaveText(en.review.title)
      await expect(page.getByText(en.review.notAnswered)).toHaveCount(0)
      await activate(page, page.getByRole('button', { name: en.review.seeResult }))

      await expect(mainHeading(page)).toBeFocused()
      await expectBestFit(page, persona.expected)

      // Fonts are the bundled Atkinson Hyperlegible, fetched from the app itself.
      const faces = await page.evaluate(() =>
        [...(globalThis as unknown as PageGlobals).document.fonts]
          .filter((face) => face.family.includes('Atkinson Hyperlegible') && face.status === 'loaded')
          .map((face) => face.weight),
      )
      expect(new Set(faces)).toEqual(new Set(['400', '700']))
      const fontRequests = guard.requested.filter((url) => /\.(woff2?|ttf|otf)([?#]|$)/.test(url))
      expect(fontRequests.length).toBeGreaterThan(0)
      for (const url of fontRequests) expect(url.startsWith(baseURL!)).toBe(true)

      // Start over: ask, then Escape keeps everything; ask again and confirm erases it.
      const startOver = page.getByRole('button', { name: en.startOver.label, exact: true })
      await activate(page, startOver)
      const confirm = page.getByRole('group', { name: en.startOver.confirmTitle })
      await expect(confirm).toBeFocused()
      await page.keyboard.press('Escape')
      await expect(confirm).toHaveCount(0)
      await expect(startOver).toBeFocused()
      expect(await savedProgress(page)).not.toBeNull()
      await page.keyboard.press('Enter')
      await expect(confirm).toBeFocused()
      await activate(page, confirm.getByRole('button', { name: en.startOver.confirm }))

      await expect(page).toHaveURL(/#\/$/)
      await expect(mainHeading(page)).toBeFocused()
      await expectFreshWelcome(page)
      await expectNothingStored(page, context)
      await page.reload()
      await expect(page).toHaveURL(/#\/$/)
      await expectFreshWelcome(page)
      await expectNothingStored(page, context)
    })
  }
})

test('Back keeps answers, and license follow-ups come and go with the first answer', async ({ page }) => {
  const answers = LICENSED.answers
  await startFromWelcome(page)
  await answerQuestions(page, answers, 1, 3)
  await expectQuestion(page, 4, answers)

  await activate(page, backButton(page))
  await expect(mainHeading(page)).toBeFocused()
  await expectQuestion(page, 3, answers, 'all')
  await expect(page.locator(`#answer-license_status-${answers.license_status}`)).toBeChecked()
  await activate(page, backButton(page))
  await expectQuestion(page, 2, answers, 'all')
  for (const kind of answers.license_kind as string[])
    await expect(page.locator(`#answer-license_kind-${kind}`)).toBeChecked()
  await activate(page, backButton(page))
  await expectQuestion(page, 1, answers, 'all')
  await expect(page.locator('#answer-license_held-yes')).toBeChecked()

  // Changing to "No" drops the three follow-ups; changing back brings them back, still answered.
  await tabTo(page, choiceInputs(page).first())
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('#answer-license_held-no')).toBeChecked()
  await expect(page.locator('.step-indicator__count')).toHaveText(
    en.question.progress
      .replace('{current}', '1')
      .replace('{total}', String(askedQuestionIds({ license_held: 'no' }).length)),
  )
  await page.keyboard.press('ArrowUp')
  await expect(page.locator('#answer-license_held-yes')).toBeChecked()
  await activate(page, nextButton(page))
  await expectQuestion(page, 2, answers)
  for (const kind of answers.license_kind as string[])
    await expect(page.locator(`#answer-license_kind-${kind}`)).toBeChecked()
  await activate(page, nextButton(page))
  await expectQuestion(page, 3, answers)
  await expect(page.locator(`#answer-license_status-${answers.license_status}`)).toBeChecked()
})

test('reloading resumes where the person was; a new window asks to continue or start over first', async ({
  page,
  context,
}) => {
  // Seven questions by keyboard, a reload, a second window with its prompt, and two more
  // screens: near a minute on a busy machine (54 s measured at load 20), so twice that.
  test.setTimeout(120_000)
  const answers = UNLICENSED.answers
  await startFromWelcome(page)
  await answerQuestions(page, answers, 1, 6)
  await expectQuestion(page, 7, answers)

  await page.reload()
  await expectQuestion(page, 7, answers)
  await activate(page, backButton(page))
  await expectQuestion(page, 6, answers)
  const sixth = askedQuestionIds(answers)[5]!
  for (const id of [answers[sixth]].flat()) await expect(page.locator(`#answer-${sixth}-${id}`)).toBeChecked()

  // Close the window; a new one in the same profile opens at the start address and asks first
  // (a shared computer: the next person may not be the last one), then continues.
  await page.close()
  const again = await context.newPage()
  await again.goto('./')
  await expect(again.getByRole('region', { name: en.journey.saved.title })).toBeVisible()
  await expect(again.locator('main input')).toHaveCount(0)
  await activate(again, again.getByRole('button', { name: en.journey.saved.continue, exact: true }))
  await expectQuestion(again, 6, answers)
  for (const id of [answers[sixth]].flat()) await expect(again.locator(`#answer-${sixth}-${id}`)).toBeChecked()
  await answerQuestions(again, answers, 6, 7)
  await expectQuestion(again, 8, answers)
  expect((await savedProgress(again))?.route).toBe('/question/8')

  // The start page, reached from the header, offers to continue or to start over.
  await activate(again, again.getByRole('link', { name: en.app.name, exact: true }), 'backward')
  await expect(again).toHaveURL(/#\/$/)
  await expect(mainHeading(again)).toBeFocused()
  await activate(again, again.getByRole('button', { name: en.welcome.resume }))
  await expectQuestion(again, 8, answers)
  await activate(again, again.getByRole('link', { name: en.app.name, exact: true }), 'backward')
  await activate(again, again.getByRole('button', { name: en.welcome.startOverInstead }))
  await expectQuestion(again, 1, {})
  await expect(choiceInputs(again).first()).not.toBeChecked()
  expect(await savedProgress(again)).toBeNull()
})

test('Next without an answer shows a focused error summary tied to the question', async ({ page }) => {
  await startFromWelcome(page)
  await expectQuestion(page, 1, {})
  await activate(page, nextButton(page))

  const summary = page.locator('.error-summary')
  await expect(summary).toHaveAttribute('role', 'alert')
  await expect(summary).toBeFocused()
  await expect(summary).toContainText(en.question.errorTitle)
  await expect(summary).toContainText(en.question.errors.missing)
  await expect(page).toHaveURL(/#\/question\/1$/)

  const fieldset = page.locator('main fieldset')
  const describedBy = ((await fieldset.getAttribute('aria-describedby')) ?? '').split(/\s+/)
  expect(describedBy).toContain('answer-license_held-error')
  expect(describedBy).toContain('answer-license_held-hint')
  await expect(page.locator('#answer-license_held-error')).toHaveText(
    `${en.question.errorPrefix} ${en.question.errors.missing}`,
  )
  await expect(fieldset).toHaveAccessibleDescription(new RegExp(en.question.errors.missing))

  // The summary's link takes focus to the first choice; choosing clears the error.
  await activate(page, summary.getByRole('link', { name: en.question.errors.missing }))
  await expect(page.locator('#answer-license_held-yes')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('#answer-license_held-no')).toBeChecked()
  await expect(summary).toHaveCount(0)
  await expect(page.locator('#answer-license_held-error')).toHaveCount(0)
  expect(await fieldset.getAttribute('aria-describedby')).toBe('answer-license_held-hint')
  await activate(page, nextButton(page))

  // A multiple-choice question says "at least one".
  const answers = UNLICENSED.answers
  await answerQuestions(page, answers, 2, 2)
  await expectQuestion(page, 3, answers)
  await activate(page, nextButton(page))
  await expect(summary).toBeFocused()
  await expect(summary).toContainText(en.question.errors.missingMultiple)
  const id = askedQuestionIds(answers)[2]!
  expect((await page.locator('main fieldset').getAttribute('aria-describedby'))?.split(' ')).toContain(
    `answer-${id}-error`,
  )
})

test('the skip link is the first Tab stop, shows itself, and takes focus to the main content', async ({ page }) => {
  await page.goto('./#/roles')
  await expect(mainHeading(page)).toHaveText(en.roles.title)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: en.app.skipToContent })
  await expect(skip).toBeFocused()
  const box = await skip.boundingBox()
  expect(box && box.y >= 0 && box.height > 0, 'the focused skip link is on screen').toBe(true)
  await page.keyboard.press('Enter')
  await expect(page.locator('#main')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.locator('main :focus')).toHaveCount(1)
})
