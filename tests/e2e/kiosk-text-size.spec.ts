/**
 * Text size in a kiosk, which has no menu and so no zoom keys of its own: the visible
 * control and Ctrl + plus/minus/0 change it, it stays from screen to screen, and the
 * idle wipe puts it back for the next person.
 */
import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { en, expect, test } from './support/app'
import { expectNoAxeViolations } from './support/axe'
import { activate, mainHeading } from './support/keyboard'
import type { PageElement, PageGlobals } from './support/page-globals'

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url)

type SizedGlobals = Omit<PageGlobals, 'getComputedStyle'> & {
  getComputedStyle(element: PageElement): { fontSize: string }
}

/** The main heading's font size in CSS pixels, and whether the page scrolls sideways. */
function measure(page: Page) {
  return mainHeading(page).evaluate((heading) => {
    const g = globalThis as unknown as SizedGlobals
    const root = g.document.documentElement
    return {
      heading: Number.parseFloat(g.getComputedStyle(heading).fontSize),
      sideways: root.scrollWidth > root.clientWidth,
    }
  })
}

const textSize = (page: Page) => page.locator('html').getAttribute('data-text-size')

test('a kiosk user can make the text larger and smaller by keys and by the control, on every screen', async ({
  page,
}) => {
  // An idle time far longer than this test: the wipe is the next test's subject.
  await page.goto('./?kiosk&idle=3600')
  await expect(mainHeading(page)).toHaveText(en.welcome.title)
  const control = page.getByRole('group', { name: en.textSize.label })
  await expect(control).toBeVisible()
  await expect(control.getByRole('button', { name: en.textSize.smaller })).toBeDisabled()
  const normal = await measure(page)

  // The keys a person tries first.
  await page.keyboard.press('Control+=')
  await page.keyboard.press('Control+=')
  expect(await textSize(page)).toBe('150')
  expect((await measure(page)).heading).toBeCloseTo(normal.heading * 1.5, 0)
  await expect(control).toContainText(en.textSize.now.replace('{percent}', '150'))

  // The visible control, by keyboard.
  await activate(page, control.getByRole('button', { name: en.textSize.smaller }))
  expect(await textSize(page)).toBe('125')

  // It stays from screen to screen.
  await activate(page, page.getByRole('link', { name: en.welcome.start, exact: true }))
  await expect(page.locator('.step-indicator__count')).toContainText('Question 1 of')
  expect(await textSize(page)).toBe('125')
  const questionAt125 = await measure(page)

  // At twice the size the question still fits the window (no sideways scrolling) and passes axe.
  await page.keyboard.press('Control+=')
  await page.keyboard.press('Control+=')
  await page.keyboard.press('Control+=')
  expect(await textSize(page)).toBe('200')
  const doubled = await measure(page)
  expect(doubled.heading).toBeCloseTo((questionAt125.heading * 200) / 125, 0)
  expect(doubled.sideways).toBe(false)
  await expect(control.getByRole('button', { name: en.textSize.larger })).toBeDisabled()
  await expectNoAxeViolations(page, 'kiosk question at 200% text')
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: new URL('kiosk-text-200.png', SHOTS).pathname, fullPage: true, animations: 'disabled' })

  // Ctrl+0 goes back to normal.
  await page.keyboard.press('Control+0')
  expect(await textSize(page)).toBeNull()
  expect((await measure(page)).heading).toBeCloseTo((questionAt125.heading * 100) / 125, 0)
})

test('the idle wipe puts the text size back for the next person', async ({ page }) => {
  await page.goto('./?kiosk&idle=5')
  await expect(mainHeading(page)).toHaveText(en.welcome.title)
  const normal = await measure(page)
  await page.keyboard.press('Control+=')
  await page.keyboard.press('Control+=')
  expect(await textSize(page)).toBe('150')
  // Walking away: the countdown (5 s quiet, then 5 s), then the welcome screen for the next person.
  await expect(page.getByRole('alertdialog', { name: en.kiosk.idleTitle })).toBeVisible({ timeout: 10_000 })
  await expect(page.getByRole('alertdialog', { name: en.kiosk.idleTitle })).toBeHidden({ timeout: 10_000 })
  await expect.poll(() => textSize(page)).toBeNull()
  expect((await measure(page)).heading).toBeCloseTo(normal.heading, 0)
  await expect(page.getByRole('group', { name: en.textSize.label })).toContainText(
    en.textSize.now.replace('{percent}', '100'),
  )
})
