/**
 * Every screen and state: axe-core (WCAG 2.2 A/AA) at 1280x800 and at 200% zoom,
 * screenshots of both for a human look, and no horizontal scrolling at 320 CSS px
 * (WCAG 1.4.10 Reflow). Each size runs in its own fresh context.
 */
import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './support/app'
import { expectNoAxeViolations } from './support/axe'
import type { PageElement, PageGlobals } from './support/page-globals'
import { SCREENS } from './support/screens'

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url)
fs.mkdirSync(SHOTS, { recursive: true })

async function screenshot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: new URL(file, SHOTS).pathname, fullPage: true, animations: 'disabled', caret: 'hide' })
}

/** Fails when the page scrolls sideways, naming the elements that stick out. */
async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals
    const root = document.documentElement
    const width = root.clientWidth
    // Boxes past the right edge, and boxes whose own content (say, one long word) spills out;
    // visually hidden text (a 1px clipped box) is left out.
    const hidden = (element: PageElement | null): boolean =>
      element !== null && (element.getBoundingClientRect().width <= 1 || hidden(element.parentElement))
    const wide = Array.from(document.querySelectorAll('body *'))
      .filter(
        (element) =>
          element.getBoundingClientRect().right > width + 0.5 || element.scrollWidth > element.clientWidth + 1,
      )
      .filter((element) => !hidden(element))
      .map(
        (element) =>
          `<${element.tagName.toLowerCase()} class="${element.className}"> ${(element.textContent ?? '').trim().slice(0, 50)}`,
      )
    return { scrollWidth: root.scrollWidth, clientWidth: width, wide: wide.slice(0, 10) }
  })
  expect(
    overflow.scrollWidth,
    `${where}: page is ${overflow.scrollWidth}px wide in a ${overflow.clientWidth}px window. Sticking out:\n${overflow.wide.join('\n')}`,
  ).toBeLessThanOrEqual(overflow.clientWidth)
}

for (const screen of SCREENS) {
  test(`${screen.name}: WCAG 2.2 AA, 200% zoom and reflow`, async ({ page, openContext }) => {
    // Two fresh pages, two axe scans and three full-page screenshots: about 10 s idle for the
    // longest page (the result), and past 60 s on a 2-core machine kept busy by other work.
    test.setTimeout(180_000)
    await screen.open(page)
    await expectNoAxeViolations(page, `${screen.name} at 1280x800`)
    await screenshot(page, `${screen.name}-1280x800.png`)

    // 200% zoom of a 1280x800 window: half the CSS pixels, each drawn twice as large.
    const zoomed = (await openContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 })).page
    await screen.open(zoomed)
    await expectNoAxeViolations(zoomed, `${screen.name} at 200% zoom`)
    await screenshot(zoomed, `${screen.name}-200pct.png`)
    await expectNoHorizontalScroll(zoomed, `${screen.name} at 200% zoom`)

    // 320 CSS px wide (400% zoom): content reflows into one column, no sideways scrolling.
    await zoomed.setViewportSize({ width: 320, height: 640 })
    await screenshot(zoomed, `${screen.name}-320px.png`)
    await expectNoHorizontalScroll(zoomed, `${screen.name} at 320 CSS px`)
  })
}
