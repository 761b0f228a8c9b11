/** Whole journeys through the app, by keyboard only. */
import type { BrowserContext, Page } from '@playwright/test'
import type { Answers, RoleId } from '../../../src/domain/types'
import { askedQuestionIds, contentWords, en, expect, PROGRESS_KEY, roleName, savedProgress } from './app'
import { activate, answerByKeyboard, currentQuestionId, mainHeading, nextButton } from './keyboard'
import type { PageGlobals } from './page-globals'

/**
 * Question `number` is on screen: its heading, its "Question N of M" line and its
 * inputs. The total counts follow-ups once their trigger is answered, so it depends
 * on what the app knows: the answers `before` this question, or `all` of them (when
 * coming back).
 */
export async function expectQuestion(
  page: Page,
  number: number,
  answers: Answers,
  known: 'before' | 'all' = 'before',
): Promise<string> {
  await expect(page).toHaveURL(new RegExp(`#/question/${number}$`))
  const knownIds = askedQuestionIds(answers).slice(0, known === 'all' ? undefined : number - 1)
  const ids = askedQuestionIds(Object.fromEntries(knownIds.map((id) => [id, answers[id]!])))
  const id = askedQuestionIds(answers)[number - 1]!
  await expect(mainHeading(page)).toHaveText(contentWords.questions[id]!.prompt)
  await expect(page.locator('.step-indicator__count')).toHaveText(
    en.question.progress.replace('{current}', String(number)).replace('{total}', String(ids.length)),
  )
  expect(await currentQuestionId(page)).toBe(id)
  return id
}

/**
 * From question `from` (on screen), answers every question by keyboard and presses
 * Next each time, checking that focus lands on the next question's heading. Stops
 * after question `until` (default: the last, which leads to the review page).
 */
export async function answerQuestions(page: Page, answers: Answers, from = 1, until?: number): Promise<string[]> {
  const asked: string[] = []
  const last = until ?? askedQuestionIds(answers).length
  for (let number = from; number <= last; number += 1) {
    if (number > from) await expect(mainHeading(page), `focus on the heading of question ${number}`).toBeFocused()
    const id = await expectQuestion(page, number, answers)
    asked.push(id)
    await answerByKeyboard(page, answers[id]!)
    await activate(page, nextButton(page))
  }
  return asked
}

export async function startFromWelcome(page: Page): Promise<void> {
  await page.goto('./')
  await expect(mainHeading(page)).toHaveText(en.welcome.title)
  await activate(page, page.getByRole('link', { name: en.welcome.start, exact: true }))
}

/** The results page shows `roleId` as best fit, with its training section. */
export async function expectBestFit(page: Page, roleId: RoleId): Promise<void> {
  await expect(page).toHaveURL(/#\/results$/)
  await expect(mainHeading(page)).toHaveText(en.results.title)
  await expect(page.locator('#best-fit-title')).toHaveText(roleName(roleId))
  const training = page.getByRole('region', { name: en.results.training.title, exact: true })
  await expect(training).toBeVisible()
  await expect(training.locator('.checklist__item')).not.toHaveCount(0)
}

/** Nothing of the person's is left in the browser's storage for this app. */
export async function expectNothingStored(page: Page, context: BrowserContext): Promise<void> {
  expect(await savedProgress(page)).toBeNull()
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).localStorage.length)).toBe(0)
  const state = await context.storageState({ indexedDB: true })
  // With { indexedDB: true } each origin also lists its databases (not in Playwright's types).
  for (const origin of state.origins as ((typeof state.origins)[number] & { indexedDB?: unknown[] })[]) {
    expect(origin.localStorage, `localStorage of ${origin.origin}`).toEqual([])
    expect(origin.indexedDB ?? [], `IndexedDB of ${origin.origin}`).toEqual([])
  }
  expect(state.cookies).toEqual([])
}

/** The welcome screen offers a fresh start, not "Continue where you left off". */
export async function expectFreshWelcome(page: Page): Promise<void> {
  await expect(mainHeading(page)).toHaveText(en.welcome.title)
  await expect(page.getByRole('link', { name: en.welcome.start, exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: en.welcome.resume })).toHaveCount(0)
  await expect(page.getByRole('button', { name: en.welcome.startOverInstead })).toHaveCount(0)
}

export { PROGRESS_KEY }
