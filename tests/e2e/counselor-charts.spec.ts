/**
 * Issue 17 in Chromium, against the production build, with counselor data in the page's
 * IndexedDB: the program summary (charts with their numbers, a table, a date range, the
 * one-page printout) and a client's progress (the slope chart), scanned by axe with and
 * without forced colours, with screenshots kept in test-results/screenshots/.
 */
import fs from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { assembleContent } from '../../src/content/assemble'
import type { QuestionsFile, RolesFile, ScoringFile } from '../../src/content/schema'
import { PERSONAS } from '../fixtures/personas'
import { en, expect, roleName, test } from './support/app'
import { importSession, pageCount, sessionFile } from './support/counselor-files'
import { expectNoAxeViolations, formatViolations, WCAG_TAGS } from './support/axe'
import { activate, mainHeading, tabTo } from './support/keyboard'
import type { PageElement, PageGlobals } from './support/page-globals'

const readJson = <T>(name: string) =>
  JSON.parse(fs.readFileSync(new URL(`../../src/content/${name}`, import.meta.url), 'utf8')) as T
const content = assembleContent(
  readJson<ScoringFile>('scoring.json'),
  readJson<QuestionsFile>('questions.json'),
  readJson<RolesFile>('roles.json'),
)
const words = en.counselor
const PASSCODE = 'green river lamp coffee'
const SHOTS = new URL('../../test-results/screenshots/', import.meta.url)
const trainer = PERSONAS.find((p) => p.expected === 'trainer')!
const manager = PERSONAS.find((p) => p.expected === 'implementation_manager' && p.answers.license_held === 'no')!
const support = PERSONAS.find((p) => p.expected === 'technical_support')!

const fill = (text: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((out, [key, value]) => out.replaceAll(`{${key}}`, String(value)), text)

async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
}

async function shoot(page: Page, file: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: new URL(file, SHOTS).pathname, fullPage: true, animations: 'disabled', caret: 'hide' })
}

/** Under forced colours axe compares author colours never painted (see forced-colors.spec.ts), so contrast is left out. */
async function expectNoForcedColourViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).disableRules(['color-contrast']).analyze()
  expect(
    results.violations.map((v) => v.id),
    `axe found WCAG violations on "${screen}" (forced colours):\n${formatViolations(results.violations)}`,
  ).toEqual([])
  expect(results.passes.length, `axe checked no rules on "${screen}"`).toBeGreaterThan(5)
}

type StyledGlobals = Omit<PageGlobals, 'getComputedStyle' | 'document'> & {
  getComputedStyle(element: PageElement): { fill: string; stroke: string; backgroundColor: string }
  document: PageGlobals['document'] & {
    querySelector(selector: string): PageElement | null
    body: PageElement
  }
}

/** The painted fill of the first element matching `selector`, and the page's background. */
function paint(page: Page, selector: string, property: 'fill' | 'stroke') {
  return page.evaluate(
    ([selector, property]) => {
      const { document, getComputedStyle } = globalThis as unknown as StyledGlobals
      const element = document.querySelector(selector)
      return {
        mark: element ? getComputedStyle(element)[property] : 'missing',
        page: getComputedStyle(document.body).backgroundColor,
      }
    },
    [selector, property] as const,
  )
}

test('a counselor reads the program summary and a client’s progress as charts, prints the summary on one page', async ({
  page,
}) => {
  // A key derivation at 600,000 iterations, three imports and eight axe scans: about a minute idle, two on a busy machine.
  test.setTimeout(300_000)
  await page.goto('./')
  await activate(page, page.getByRole('link', { name: words.welcomeLink }))
  await expect(mainHeading(page)).toHaveText(words.gate.createTitle)
  await typeInto(page, page.getByLabel(words.gate.passcode, { exact: true }), PASSCODE)
  await typeInto(page, page.getByLabel(words.gate.passcodeAgain), PASSCODE)
  await activate(page, page.getByRole('button', { name: words.gate.create }))
  await expect(mainHeading(page)).toHaveText(words.clients.title, { timeout: 30_000 })

  await activate(page, page.getByRole('link', { name: words.clients.add }))
  await typeInto(page, page.getByLabel(words.form.name), 'Rosa Díaz')
  await activate(page, page.getByRole('button', { name: words.form.add }))
  await expect(mainHeading(page)).toHaveText('Rosa Díaz')
  await importSession(page, sessionFile(content, manager.answers, '2026-01-12T15:00:00.000Z', 'rosa-then'), 'then.json')
  await importSession(page, sessionFile(content, trainer.answers, '2026-04-20T15:00:00.000Z', 'rosa-now'), 'now.json')
  await importSession(
    page,
    sessionFile(content, support.answers, '2026-04-22T15:00:00.000Z', 'rosa-later'),
    'later.json',
  )

  // A client's progress: the slope chart, its table, and the answers that moved each fit.
  await activate(page, page.getByRole('link', { name: words.client.compare }))
  await expect(mainHeading(page)).toHaveText(fill(words.compare.title, { client: 'Rosa Díaz' }))
  const slope = page.getByRole('img', { name: words.progress.title })
  await expect(slope).toBeVisible()
  await expect(page.locator('#chart-progress .chart__row')).toHaveCount(content.roles.length)
  await expect(page.getByRole('heading', { name: words.progress.whatChanged })).toBeVisible()
  await expect(page.locator('.progress-role').first()).toContainText(/points/)
  await expectNoAxeViolations(page, 'compare page with the progress chart')
  await shoot(page, 'counselor-progress.png')

  // The program summary: every session at first.
  await activate(page, page.getByRole('link', { name: words.nav.summary }))
  await expect(mainHeading(page)).toHaveText(words.summary.title)
  await expect(page.locator('.summary-figures')).toHaveText(fill(words.summary.figures, { finished: 3, sessions: 3 }))
  const bestFit = page.getByRole('img', { name: words.summary.bestFitTitle, exact: true })
  await expect(bestFit).toBeVisible()
  await expect(page.locator('#chart-best-fit .chart__row', { hasText: roleName('trainer') })).toContainText('1 (33%)')
  await expect(
    page.locator('#chart-best-fit .chart__row', { hasText: roleName('implementation_manager') }),
  ).toContainText('1 (33%)')
  // The table alternative opens by keyboard.
  await activate(page, page.locator('#chart-best-fit summary'))
  const table = page.getByRole('table', { name: words.summary.bestFitTitle, exact: true })
  await expect(table).toBeVisible()
  await expect(table.getByRole('row', { name: new RegExp(roleName('technical_support')) })).toContainText('1 (33%)')
  await expectNoAxeViolations(page, 'program summary')
  await shoot(page, 'counselor-summary.png')

  // A date range: April only.
  await page.getByLabel(words.report.from).fill('2026-04-01')
  await page.getByLabel(words.report.to).fill('2026-04-30')
  await activate(page, page.getByRole('button', { name: words.summary.show }))
  await expect(page.locator('.summary-figures')).toHaveText(fill(words.summary.figures, { finished: 2, sessions: 2 }))
  await expect(page.locator('#chart-best-fit .chart__row', { hasText: roleName('trainer') })).toContainText('1 (50%)')
  await expectNoAxeViolations(page, 'program summary, April')

  // One Letter page when printed.
  expect(pageCount(await page.pdf({ preferCSSPageSize: true, printBackground: true }))).toBe(1)

  // Forced colours: the bars and lines are painted in the theme's text colour, not the page's.
  await page.emulateMedia({ forcedColors: 'active' })
  const bar = await paint(page, '#chart-best-fit .chart__bar', 'fill')
  expect(bar.mark).not.toBe('none')
  expect(bar.mark).not.toBe(bar.page)
  await expectNoForcedColourViolations(page, 'program summary')
  await shoot(page, 'counselor-summary-forced-colours.png')
  await page.goBack()
  await expect(page.getByRole('img', { name: words.progress.title })).toBeVisible()
  const line = await paint(page, '#chart-progress .chart__slope', 'stroke')
  expect(line.mark).not.toBe('none')
  expect(line.mark).not.toBe(line.page)
  await expectNoForcedColourViolations(page, 'compare page with the progress chart')
  await shoot(page, 'counselor-progress-forced-colours.png')
})
