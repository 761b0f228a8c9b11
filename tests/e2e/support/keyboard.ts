/**
 * Keyboard-only ways through the app: Tab and Shift+Tab to move, arrow keys inside
 * radio groups, Space to tick, Enter to follow links and press buttons. No clicks.
 */
import type { Locator, Page } from '@playwright/test'
import type { AnswerValue } from '../../../src/domain/types'
import { en, expect } from './app'
import type { PageElement, PageGlobals } from './page-globals'

const MAX_TABS = 80

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === (globalThis as unknown as PageGlobals).document.activeElement)
}

async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = (globalThis as unknown as PageGlobals).document.activeElement
    return active
      ? `<${active.tagName.toLowerCase()} id="${active.id}"> ${(active.textContent ?? '').trim().slice(0, 60)}`
      : 'nothing'
  })
}

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, direction: 'forward' | 'backward' = 'forward'): Promise<void> {
  await expect(target).toBeVisible()
  for (let presses = 0; presses <= MAX_TABS; presses += 1) {
    if (await isFocused(target)) return
    await page.keyboard.press(direction === 'forward' ? 'Tab' : 'Shift+Tab')
  }
  throw new Error(
    `Could not reach ${target.toString()} with ${direction} Tab; focus is on ${await describeFocus(page)}`,
  )
}

/** Tabs to a button or link and presses Enter. */
export async function activate(
  page: Page,
  target: Locator,
  direction: 'forward' | 'backward' = 'forward',
): Promise<void> {
  await tabTo(page, target, direction)
  await page.keyboard.press('Enter')
}

/** The current question's choices (radios or checkboxes) in page order. */
export function choiceInputs(page: Page): Locator {
  return page.locator('main fieldset input')
}

async function choiceState(page: Page): Promise<{ values: string[]; checked: boolean[]; type: string }> {
  return choiceInputs(page).evaluateAll((elements) => {
    const inputs = elements as unknown as (PageElement & { value: string; checked: boolean; type: string })[]
    return { values: inputs.map((i) => i.value), checked: inputs.map((i) => i.checked), type: inputs[0]?.type ?? '' }
  })
}

/** The id of the question on screen, from its inputs' shared name ("answer-<id>"). */
export async function currentQuestionId(page: Page): Promise<string> {
  const name = await choiceInputs(page).first().getAttribute('name')
  if (!name?.startsWith('answer-')) throw new Error(`Unexpected input name ${name}`)
  return name.slice('answer-'.length)
}

/**
 * Answers the question on screen by keyboard. A radio group is entered with Tab
 * (landing on the chosen radio, or the first), Space picks the first when none is
 * chosen, and arrow keys move the choice. Checkboxes are reached with Tab and
 * ticked or cleared with Space.
 */
export async function answerByKeyboard(page: Page, value: AnswerValue): Promise<void> {
  const state = await choiceState(page)
  const inputs = choiceInputs(page)
  if (state.type === 'radio') {
    if (typeof value !== 'string') throw new Error(`A single choice needs one option id, got ${JSON.stringify(value)}`)
    const target = state.values.indexOf(value)
    if (target < 0) throw new Error(`No option "${value}" among ${state.values.join(', ')}`)
    let current = state.checked.indexOf(true)
    await tabTo(page, inputs.nth(Math.max(current, 0)))
    if (current < 0) {
      await page.keyboard.press('Space')
      current = 0
    }
    for (; current < target; current += 1) await page.keyboard.press('ArrowDown')
    for (; current > target; current -= 1) await page.keyboard.press('ArrowUp')
    await expect(inputs.nth(target)).toBeChecked()
    return
  }
  const wanted = new Set(Array.isArray(value) ? value : [value])
  for (let index = 0; index < state.values.length; index += 1) {
    const input = inputs.nth(index)
    await tabTo(page, input)
    if ((await input.isChecked()) !== wanted.has(state.values[index]!)) await page.keyboard.press('Space')
  }
  for (const [index, id] of state.values.entries()) {
    if (wanted.has(id)) await expect(inputs.nth(index)).toBeChecked()
    else await expect(inputs.nth(index)).not.toBeChecked()
  }
}

/** The question page's forward button ("Next", or "Review my answers" on the last one). */
export function nextButton(page: Page): Locator {
  return page
    .locator('main form')
    .getByRole('button', { name: new RegExp(`^(${en.question.next}|${en.question.toReview})$`) })
}

export function backButton(page: Page): Locator {
  return page.locator('main form').getByRole('button', { name: en.question.back, exact: true })
}

/** The page's main heading, which receives focus on every new screen. */
export function mainHeading(page: Page): Locator {
  // Visible only: until the app has started, the page also holds question 1's pre-rendered
  // screen, hidden, beside the welcome screen (src/prerender/).
  return page.locator('main h1').filter({ visible: true })
}
