/**
 * Counselor mode in Chromium, against the production build: the passcode gate,
 * clients, a guided session answered by keyboard, the one-page printout, the CSV
 * for reporting (as a real download), deleting a client, and axe on every counselor
 * screen. In the browser the encrypted store runs in the page, on IndexedDB.
 */
import fs from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { assembleContent } from '../../src/content/assemble'
import type { QuestionsFile, RolesFile, ScoringFile } from '../../src/content/schema'
import { ROLE_IDS } from '../../src/domain/types'
import { parseCsv } from '../../scripts/csv.mjs'
import { PERSONAS } from '../fixtures/personas'
import { en, expect, roleName, test } from './support/app'
import { importSession, pageCount, sessionFile } from './support/counselor-files'
import { expectNoAxeViolations } from './support/axe'
import { activate, answerByKeyboard, mainHeading, nextButton, tabTo } from './support/keyboard'
import { answerQuestions, expectBestFit } from './support/journey'
import { CAUTION_ANSWERS } from './support/screens'

const readJson = <T>(name: string) =>
  JSON.parse(fs.readFileSync(new URL(`../../src/content/${name}`, import.meta.url), 'utf8')) as T
/** The content as the app assembles it (read as data: the tests never import the app's JSON modules). */
const content = assembleContent(
  readJson<ScoringFile>('scoring.json'),
  readJson<QuestionsFile>('questions.json'),
  readJson<RolesFile>('roles.json'),
)
const words = en.counselor
/** The note every imported session carries. */
const NOTES = { license_held: 'Asked about nursing school' }
const PASSCODE = 'green river lamp coffee'
const CLIENT = 'Rosa Díaz'
const trainer = PERSONAS.find((p) => p.expected === 'trainer')!
const manager = PERSONAS.find((p) => p.expected === 'implementation_manager' && p.answers.license_held === 'no')!

const fill = (text: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((out, [key, value]) => out.replaceAll(`{${key}}`, String(value)), text)

async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
}

/** From the welcome screen to the client list, choosing the passcode on first use. */
async function createCounselorArea(page: Page, scan = false): Promise<void> {
  await page.goto('./')
  await expect(mainHeading(page)).toHaveText(en.welcome.title)
  await activate(page, page.getByRole('link', { name: words.welcomeLink }))
  await expect(mainHeading(page)).toHaveText(words.gate.createTitle)
  await expect(mainHeading(page)).toBeFocused()
  await expect(page.getByText(words.gate.forgetText)).toBeVisible()
  if (scan) await expectNoAxeViolations(page, 'counselor gate, first use')

  // Too short first: the error summary takes focus and links to the field.
  await typeInto(page, page.getByLabel(words.gate.passcode, { exact: true }), 'short')
  await typeInto(page, page.getByLabel(words.gate.passcodeAgain), 'short')
  await activate(page, page.getByRole('button', { name: words.gate.create }))
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(summary).toContainText(words.gate.errors.tooShort)
  if (scan) await expectNoAxeViolations(page, 'counselor gate with an error')

  await typeInto(page, page.getByLabel(words.gate.passcode, { exact: true }), PASSCODE)
  await typeInto(page, page.getByLabel(words.gate.passcodeAgain), PASSCODE)
  await activate(page, page.getByRole('button', { name: words.gate.create }))
  // The browser derives the key at production's 600,000 PBKDF2 iterations first.
  await expect(mainHeading(page)).toHaveText(words.clients.title, { timeout: 15_000 })
  await expect(page.getByText(words.gate.created)).toBeVisible()
}

async function addClient(page: Page, name: string, contact = ''): Promise<void> {
  await activate(page, page.getByRole('link', { name: words.clients.add }))
  await expect(mainHeading(page)).toHaveText(words.form.addTitle)
  await typeInto(page, page.getByLabel(words.form.name), name)
  if (contact) await typeInto(page, page.getByLabel(words.form.contact), contact)
  await activate(page, page.getByRole('button', { name: words.form.add }))
  await expect(mainHeading(page)).toHaveText(name)
  await expect(mainHeading(page)).toBeFocused()
}

test('a counselor sets a passcode, runs a guided session, prints it, exports for reporting and deletes the client', async ({
  page,
}) => {
  // A whole counselor session by keyboard, with the browser deriving keys at 600,000
  // PBKDF2 iterations several times: under a minute idle, far more on a busy machine.
  test.setTimeout(150_000)
  await createCounselorArea(page)
  await addClient(page, CLIENT, '555-0100')

  // A guided session, answered by keyboard, with a counselor note on the first question.
  await activate(page, page.getByRole('button', { name: words.client.start }))
  await expect(page).toHaveURL(/#\/question\/1$/)
  await expect(page.getByRole('region', { name: words.guided.label })).toContainText(
    fill(words.guided.banner, { client: CLIENT }),
  )
  await answerByKeyboard(page, trainer.answers.license_held!)
  await typeInto(page, page.getByLabel(words.guided.note), 'Let her RN license lapse in 2019.')
  await activate(page, nextButton(page))
  await answerQuestions(page, trainer.answers, 2)
  await expect(page).toHaveURL(/#\/review$/)
  await activate(page, page.getByRole('button', { name: en.review.seeResult }))
  await expectBestFit(page, 'trainer')
  await activate(page, page.getByRole('button', { name: fill(words.guided.backToRecord, { client: CLIENT }) }))
  // The client may still be at the screen: the record needs the passcode again.
  await expect(mainHeading(page)).toHaveText(en.counselorSafety.leave.title)
  await typeInto(page, page.getByLabel(en.counselorSafety.leave.passcode), PASSCODE)
  await activate(page, page.getByRole('button', { name: en.counselorSafety.leave.submit }))

  await expect(mainHeading(page)).toHaveText(CLIENT, { timeout: 15_000 })
  await expect(page.getByRole('region', { name: words.guided.label })).toHaveCount(0)
  const sessions = page.getByRole('table', { name: words.client.sessionsCaption })
  await expect(sessions.locator('tbody tr')).toHaveCount(1)
  await expect(sessions.locator('tbody tr')).toContainText(roleName('trainer'))

  // The session page: the result, the note on screen only, and a printout that fits one Letter page.
  await activate(page, sessions.getByRole('link', { name: /^Open the session of / }))
  await expect(mainHeading(page)).toHaveText(fill(words.session.title, { client: CLIENT }))
  await expect(page.locator('#best-fit-title')).toHaveText(roleName('trainer'))
  await expect(page.locator('.counselor-notes')).toContainText('Let her RN license lapse in 2019.')
  await page.evaluate(() => {
    const scope = globalThis as unknown as { print: () => void; printCalls: number }
    scope.printCalls = 0
    scope.print = () => void (scope.printCalls += 1)
  })
  await activate(page, page.getByRole('button', { name: words.session.print }))
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { printCalls: number }).printCalls)).toBe(1)

  await page.emulateMedia({ media: 'print' })
  for (const hidden of [
    '.counselor-notes',
    '.counselor-nav',
    '.app-header',
    '.client-result .button-row',
    '.role-facts',
    '.app-footer',
  ]) {
    await expect(page.locator(hidden).first(), `${hidden} is not printed`).toBeHidden()
  }
  for (const shown of ['#best-fit-title', '.fit-chart__list', '.why__table', '.training', '.next-steps']) {
    await expect(page.locator(shown), `${shown} is printed`).toBeVisible()
  }
  // Back to no emulation: page.pdf() then prints with print media (an emulated "screen" would win).
  await page.emulateMedia({ media: null })
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  expect(pageCount(pdf), 'the printout is one page').toBe(1)
  expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+612\s+792\s*\]/)

  // Export for reporting: a real download with one row per session.
  await activate(page, page.getByRole('link', { name: words.nav.report }))
  await expect(mainHeading(page)).toHaveText(words.report.title)
  await expect(page.locator('.report-count')).toHaveText(fill(words.report.count, { count: 1 }))
  const downloading = page.waitForEvent('download')
  await activate(page, page.getByRole('button', { name: words.report.export }))
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^role-finder-sessions-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = fs.readFileSync((await download.path())!, 'utf8')
  expect(csv.startsWith('\uFEFF')).toBe(true)
  expect(csv.startsWith('\uFEFF\uFEFF')).toBe(false)
  const [header, ...rows] = parseCsv(csv.slice(1))
  expect(rows).toHaveLength(1)
  for (const role of ROLE_IDS) expect(header).toContain(`fit_${role}`)
  expect(rows[0]![header!.indexOf('client_name')]).toBe(CLIENT)
  expect(rows[0]![header!.indexOf('best_fit')]).toBe('trainer')
  await expect(page.getByRole('status').filter({ hasText: download.suggestedFilename() })).toBeVisible()

  // Delete the client for good, after confirming.
  await activate(page, page.getByRole('link', { name: words.nav.clients }))
  await activate(page, page.getByRole('link', { name: CLIENT }))
  await expect(mainHeading(page)).toHaveText(CLIENT)
  await activate(page, page.getByRole('button', { name: words.client.delete }))
  const confirm = page.getByRole('group', { name: fill(words.client.deleteConfirmTitle, { client: CLIENT }) })
  await expect(confirm).toBeFocused()
  await activate(page, confirm.getByRole('button', { name: words.client.deleteConfirm }))
  await expect(mainHeading(page)).toHaveText(words.clients.title)
  await expect(page.getByText(fill(words.clients.deleted, { client: CLIENT }))).toBeVisible()
  await expect(page.getByText(words.clients.none)).toBeVisible()

  // Lock: back to the gate, which now asks for the passcode.
  await activate(page, page.getByRole('button', { name: words.nav.lock, exact: true }))
  await expect(mainHeading(page)).toHaveText(words.gate.enterTitle)
  await page.goto('./#/counselor/clients')
  await expect(mainHeading(page)).toHaveText(words.gate.enterTitle)
})

test('every counselor screen passes axe (WCAG 2.2 AA)', async ({ page }) => {
  // Thirteen axe scans plus a key derivation at 600,000 iterations: 34 s idle, over 120 s at load 17.
  test.setTimeout(300_000)
  await createCounselorArea(page, true)
  await expectNoAxeViolations(page, 'client list, empty')

  await activate(page, page.getByRole('link', { name: words.clients.add }))
  await activate(page, page.getByRole('button', { name: words.form.add }))
  await expect(page.locator('.error-summary')).toBeFocused()
  await expectNoAxeViolations(page, 'add a client, with an error')
  await typeInto(page, page.getByLabel(words.form.name), CLIENT)
  await activate(page, page.getByRole('button', { name: words.form.add }))
  await expect(mainHeading(page)).toHaveText(CLIENT)

  await importSession(
    page,
    sessionFile(content, manager.answers, '2026-01-12T15:00:00.000Z', 'imported-then', NOTES),
    'then.json',
  )
  await importSession(
    page,
    sessionFile(content, trainer.answers, '2026-04-20T15:00:00.000Z', 'imported-now', NOTES),
    'now.json',
  )
  await expect(page.getByRole('table', { name: words.client.sessionsCaption }).locator('tbody tr')).toHaveCount(2)
  await expectNoAxeViolations(page, 'client page')

  await activate(page, page.getByRole('button', { name: words.client.delete }))
  await expect(page.locator('.confirm')).toBeFocused()
  await expectNoAxeViolations(page, 'client page, confirming delete')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('button', { name: words.client.delete })).toBeFocused()

  await activate(page, page.getByRole('link', { name: /^Open the session of .*Apr/ }))
  await expect(page.locator('#best-fit-title')).toHaveText(roleName('trainer'))
  await expectNoAxeViolations(page, 'session page')

  await activate(page, page.getByRole('link', { name: fill(words.backToClient, { client: CLIENT }) }))
  await activate(page, page.getByRole('link', { name: words.client.compare }))
  await expect(mainHeading(page)).toHaveText(fill(words.compare.title, { client: CLIENT }))
  const table = page.getByRole('table', { name: /^Fit for each role, / })
  await expect(table.locator('tbody tr')).toHaveCount(ROLE_IDS.length)
  await expect(page.locator('.summary-list')).toContainText(roleName('implementation_manager'))
  await expect(page.locator('.summary-list')).toContainText(roleName('trainer'))
  await expectNoAxeViolations(page, 'compare page')

  await activate(page, page.getByRole('link', { name: words.nav.clients }))
  await expect(page.getByRole('table', { name: words.clients.caption }).locator('tbody tr')).toHaveCount(1)
  await expectNoAxeViolations(page, 'client list')

  await activate(page, page.getByRole('link', { name: words.nav.report }))
  await expect(page.locator('.report-count')).toHaveText(fill(words.report.count, { count: 2 }))
  await expectNoAxeViolations(page, 'export for reporting')

  await activate(page, page.getByRole('link', { name: words.nav.passcode }))
  await expectNoAxeViolations(page, 'change passcode')

  await activate(page, page.getByRole('button', { name: words.nav.lock, exact: true }))
  await expect(mainHeading(page)).toHaveText(words.gate.enterTitle)
  await typeInto(page, page.getByLabel(words.gate.passcode, { exact: true }), 'not the passcode')
  await activate(page, page.getByRole('button', { name: words.gate.open }))
  await expect(page.locator('.error-summary')).toContainText(words.gate.errors.wrong)
  await expectNoAxeViolations(page, 'counselor gate, wrong passcode')

  await activate(page, page.getByRole('link', { name: words.gate.forgot }))
  await expect(mainHeading(page)).toHaveText(words.forgot.title)
  await expectNoAxeViolations(page, 'forgot the passcode')
})

test('the printout stays on one Letter page for the longest result: cautions, in Spanish', async ({ page }) => {
  await createCounselorArea(page)
  await addClient(page, CLIENT)
  await importSession(
    page,
    sessionFile(content, CAUTION_ANSWERS, '2026-04-20T15:00:00.000Z', 'with-cautions', NOTES),
    'cautions.json',
  )
  await activate(page, page.getByRole('link', { name: /^Open the session of / }))
  await expect(page.locator('#caution-title')).toBeVisible()
  await activate(page, page.getByRole('button', { name: en.app.language.otherHint }))
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  expect(pageCount(await page.pdf({ preferCSSPageSize: true, printBackground: true }))).toBe(1)
})
