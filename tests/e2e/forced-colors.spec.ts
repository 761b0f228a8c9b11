/**
 * High-contrast (forced colours) themes, as Windows users set them: the browser swaps every
 * colour for a few system colours and drops backgrounds and shadows. The fit bars, the
 * progress bar, the ineligible pattern, focus rings and every border must stay visible;
 * axe scans the same screens, and screenshots are kept for a human look.
 */
import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { PERSONAS } from '../fixtures/personas'
import { en, expect, openWithProgress, test } from './support/app'
import AxeBuilder from '@axe-core/playwright'
import { formatViolations, WCAG_TAGS } from './support/axe'
import { mainHeading, tabTo } from './support/keyboard'
import type { PageElement, PageGlobals } from './support/page-globals'

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url)

/** The computed styles these checks read (page-globals.ts lists only the common ones). */
interface Styles {
  backgroundColor: string
  backgroundImage: string
  borderTopWidth: string
  borderTopStyle: string
  borderTopColor: string
  outlineStyle: string
  outlineWidth: string
  outlineColor: string
  width: string
}
type StyledGlobals = Omit<PageGlobals, 'getComputedStyle' | 'document'> & {
  getComputedStyle(element: PageElement): Styles
  matchMedia(query: string): { matches: boolean }
  document: PageGlobals['document'] & { querySelector(selector: string): PageElement | null }
}

// Without a licence the Clinical/Practitioner Consultant is not eligible: its bar shows the pattern.
const persona = PERSONAS.find((p) => p.expected === 'trainer')!

async function shoot(page: Page, file: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: new URL(file, SHOTS).pathname, fullPage: true, animations: 'disabled', caret: 'hide' })
}

/**
 * axe's WCAG scan, less its colour-contrast rule: under forced colours axe reads the text
 * colour from -webkit-text-fill-color, which Chromium leaves at the author's colour, and
 * so compares colours that are never painted together (the screenshots show the theme's).
 * Contrast is then the theme's, chosen by the person; screens.spec.ts checks ours.
 */
async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).disableRules(['color-contrast']).analyze()
  expect(
    results.violations.map((v) => v.id),
    `axe found WCAG violations on "${screen}":\n${formatViolations(results.violations)}`,
  ).toEqual([])
  expect(results.passes.length, `axe checked no rules on "${screen}"`).toBeGreaterThan(5)
}

/** Colours of each fit bar and its track, and the page's own background. */
function barColours(page: Page) {
  return page.evaluate(() => {
    const g = globalThis as unknown as StyledGlobals
    const canvas = g.getComputedStyle(g.document.body).backgroundColor
    return {
      forced: g.matchMedia('(forced-colors: active)').matches,
      canvas,
      rows: Array.from(g.document.querySelectorAll('.fit-chart__row')).map((row) => {
        const track = (row as unknown as { querySelector(s: string): PageElement }).querySelector('.fit-chart__track')
        const bar = (row as unknown as { querySelector(s: string): PageElement }).querySelector('.fit-chart__bar')
        const trackStyle = g.getComputedStyle(track)
        const barStyle = g.getComputedStyle(bar)
        return {
          ineligible: row.className.includes('fit-chart__row--ineligible'),
          width: bar.getBoundingClientRect().width,
          track: trackStyle.backgroundColor,
          trackBorder: `${trackStyle.borderTopWidth} ${trackStyle.borderTopStyle} ${trackStyle.borderTopColor}`,
          bar: barStyle.backgroundColor,
          barImage: barStyle.backgroundImage,
        }
      }),
    }
  })
}

/** Every element with a visible border side whose colour is the page's background colour. */
function invisibleBorders(page: Page) {
  return page.evaluate(() => {
    const g = globalThis as unknown as StyledGlobals
    const canvas = g.getComputedStyle(g.document.body).backgroundColor
    const sides = ['Top', 'Right', 'Bottom', 'Left'] as const
    return Array.from(g.document.querySelectorAll('body *')).flatMap((element) => {
      if (element.getBoundingClientRect().width <= 1) return []
      const style = g.getComputedStyle(element) as unknown as Record<string, string>
      return sides
        .filter((side) => {
          const width = Number.parseFloat(style[`border${side}Width`] ?? '0')
          const kind = style[`border${side}Style`]
          return width > 0 && kind !== 'none' && kind !== 'hidden' && style[`border${side}Color`] === canvas
        })
        .map((side) => `<${element.tagName.toLowerCase()} class="${element.className}"> border-${side.toLowerCase()}`)
    })
  })
}

test.use({ forcedColors: 'active', colorScheme: 'dark' })

test('in forced colours the fit bars, the ineligible pattern, focus rings and borders stay visible', async ({
  page,
}) => {
  // The results page now carries the next steps too: its border check and axe scan took 1.9 min at
  // load 30 on the shared machine, past the 60 s default.
  test.setTimeout(180_000)
  await openWithProgress(page, persona.answers, '/results')
  await expect(mainHeading(page)).toHaveText(en.results.title)

  const colours = await barColours(page)
  expect(colours.forced, 'the forced-colors media feature is on').toBe(true)
  expect(colours.rows).toHaveLength(6)
  for (const row of colours.rows) {
    // The track is framed, and the bar differs from its track (a colour, or the ineligible stripes).
    expect(row.trackBorder).toMatch(/^1px solid /)
    expect(row.trackBorder).not.toContain(colours.canvas)
    if (row.ineligible) expect(row.barImage).toContain('repeating-linear-gradient')
    else if (row.width > 0) expect(row.bar, 'a bar the same colour as its track is invisible').not.toBe(row.track)
  }
  expect(colours.rows.some((row) => row.ineligible)).toBe(true)
  expect(await invisibleBorders(page)).toEqual([])

  // A keyboard user still sees where focus is: a solid outline that is not the background colour.
  const firstRoleLink = page.locator('.fit-chart__label a').first()
  await tabTo(page, firstRoleLink)
  const outline = await firstRoleLink.evaluate((element) => {
    const g = globalThis as unknown as StyledGlobals
    const style = g.getComputedStyle(element)
    return {
      style: style.outlineStyle,
      width: style.outlineWidth,
      colour: style.outlineColor,
      canvas: g.getComputedStyle(g.document.body).backgroundColor,
    }
  })
  expect(outline.style).toBe('solid')
  expect(Number.parseFloat(outline.width)).toBeGreaterThanOrEqual(2)
  expect(outline.colour).not.toBe(outline.canvas)

  await expectNoAxeViolations(page, 'results in forced colours')
  await shoot(page, 'forced-colors-results.png')
})

test('in forced colours the question page keeps its progress bar and choice borders', async ({ page }) => {
  await openWithProgress(page, { license_held: 'no' }, '/question/2')
  await expect(page.locator('.step-indicator__bar')).toBeVisible()
  const progress = await page.evaluate(() => {
    const g = globalThis as unknown as StyledGlobals
    const bar = g.document.querySelector('.step-indicator__bar')!
    const style = g.getComputedStyle(bar)
    return {
      border: style.borderTopColor,
      adjust: (style as unknown as { forcedColorAdjust: string }).forcedColorAdjust,
      canvas: g.getComputedStyle(g.document.body).backgroundColor,
    }
  })
  expect(progress.border).not.toBe(progress.canvas)
  // Its filled part is a pseudo-element, drawn in Highlight only when the browser leaves the bar's colours alone.
  expect(progress.adjust).toBe('none')
  expect(await invisibleBorders(page)).toEqual([])
  await expectNoAxeViolations(page, 'question in forced colours')
  await shoot(page, 'forced-colors-question.png')
})
