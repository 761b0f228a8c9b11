/**
 * Center mode in Chromium, against the production build. The browser build has no
 * center mode: the center page says so (and axe finds nothing wrong with it), and the
 * welcome screen says nothing about statistics. The welcome notice for statistics that
 * are on is checked with a stand-in for the desktop's preload bridge (window.api) that
 * answers every request, as main would, with statistics on; Electron itself cannot run here.
 */
import type { Page } from '@playwright/test'
import centerWords from '../../src/i18n/center.en'
import { CENTER_PROBLEMS } from '../../src/shared/center-problems'
import { en, expect, test } from './support/app'
import { expectNoAxeViolations } from './support/axe'
import { activate, mainHeading, tabTo } from './support/keyboard'

const PASSCODE = 'green river lamp coffee'

async function typeInto(page: Page, label: string, text: string, exact = false): Promise<void> {
  const field = page.getByLabel(label, { exact })
  await tabTo(page, field)
  await page.keyboard.type(text)
}

test('the browser build has no center mode, says so on the center page, and shows no statistics notice', async ({
  page,
}) => {
  // Production's 600,000 PBKDF2 iterations in the page, then an axe scan: 35–40 s on a busy machine.
  test.setTimeout(120_000)
  await page.goto('./')
  await expect(mainHeading(page)).toHaveText(en.welcome.title)
  await expect(page.getByText(centerWords.welcomeNotice)).toHaveCount(0)

  await activate(page, page.getByRole('link', { name: en.counselor.welcomeLink }))
  await expect(mainHeading(page)).toHaveText(en.counselor.gate.createTitle)
  await typeInto(page, en.counselor.gate.passcode, PASSCODE, true)
  await typeInto(page, en.counselor.gate.passcodeAgain, PASSCODE)
  await activate(page, page.getByRole('button', { name: en.counselor.gate.create }))
  // The browser derives the key at production's 600,000 PBKDF2 iterations first.
  await expect(mainHeading(page)).toHaveText(en.counselor.clients.title, { timeout: 15_000 })

  await activate(
    page,
    page.getByRole('navigation', { name: en.counselor.nav.label }).getByRole('link', { name: centerWords.navLink }),
  )
  await expect(mainHeading(page)).toHaveText(centerWords.title)
  await expect(page.getByRole('heading', { name: centerWords.unavailable.title })).toBeVisible()
  await expect(page.getByText(CENTER_PROBLEMS.unavailable.en)).toBeVisible()
  await expect(page.locator('main form')).toHaveCount(0)
  await expectNoAxeViolations(page, 'center mode in the browser build')
})

/**
 * Stands in for the desktop's preload bridge (window.api): every function answers as main
 * does, `{ ok: true, value }`, with the value given for its name (null for the rest).
 */
async function fakeDesktop(page: Page, values: Record<string, unknown>): Promise<void> {
  await page.addInitScript((answers: Record<string, unknown>) => {
    ;(globalThis as unknown as { api: unknown }).api = new Proxy(
      {},
      { get: (_target, name) => async () => ({ ok: true, value: answers[String(name)] ?? null }) },
    )
  }, values)
}

const STATUS = {
  available: true,
  configured: true,
  counselorDataOpen: true,
  connection: {
    host: 'db.east.example.org',
    port: 5432,
    database: 'role_finder',
    user: 'sam_ortiz',
    sslMode: 'verify-full',
    hasCaCertificate: false,
  },
  identity: { login: 'sam_ortiz', kind: 'supervisor', centerCode: 'east', centerName: 'East Side Center' },
  online: false,
  lastSyncAt: '2026-03-08T14:05:00.000Z',
  waiting: 3,
  conflicts: 1,
  problem: { ok: false, reason: 'server-unreachable', message: CENTER_PROBLEMS['server-unreachable'].en },
  anonymousStats: true,
  kioskStats: { configured: false, connection: null },
}

const APP_INFO = { name: 'Health IT Role Finder', version: '0', host: 'electron', kiosk: false }

test('with a desktop bridge whose center records statistics, the welcome screen says so', async ({ page }) => {
  await fakeDesktop(page, { getAppInfo: { ...APP_INFO, kiosk: true }, centerStatus: STATUS })
  await page.goto('./')
  await expect(mainHeading(page)).toHaveText(en.welcome.title)
  await expect(page.getByText(centerWords.welcomeNotice)).toBeVisible()
  await expectNoAxeViolations(page, 'welcome screen with anonymous statistics on')
})

test('the desktop center pages pass axe: status and settings with an error summary, statistics, the report', async ({
  page,
}) => {
  // Three axe scans of long pages and a keyboard walk: over a minute on a busy machine.
  test.setTimeout(180_000)
  await fakeDesktop(page, {
    getAppInfo: APP_INFO,
    counselorStatus: { hasData: true, damaged: false, unlocked: true, waitSeconds: 0 },
    centerStatus: STATUS,
    centerQuestionReport: {
      ok: true,
      report: {
        from: '2026-01-01',
        to: '2026-03-31',
        contentVersion: '2026.1',
        centerName: 'East Side Center',
        respondents: 40,
        answers: [
          { questionId: 'license_held', optionId: 'yes', count: 10, share: 0.25 },
          { questionId: 'license_held', optionId: 'no', count: 30, share: 0.75 },
        ],
        bestFit: [{ roleId: 'trainer', count: 20, share: 0.5 }],
        roles: [
          {
            roleId: 'trainer',
            items: 3,
            respondents: 38,
            alpha: 0.74,
            itemRest: [{ questionId: 'like_clinician_workflow', respondents: 38, correlation: 0.41 }],
          },
        ],
        noDisagreement: [{ questionId: 'like_quality_data', respondents: 38, agreeShare: 0.9 }],
      },
    },
  })
  await page.goto('./#/counselor/center')
  await expect(mainHeading(page)).toHaveText(centerWords.title)
  await expect(page.getByText(CENTER_PROBLEMS['server-unreachable'].en)).toBeVisible()
  // Saving without the password: the summary takes focus and links to the field.
  await activate(page, page.getByRole('button', { name: centerWords.settings.save }))
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: centerWords.settings.errors.password })).toBeVisible()
  await expectNoAxeViolations(page, 'center mode with an error summary')

  await activate(page, page.getByRole('link', { name: centerWords.statistics.title }))
  await expect(mainHeading(page)).toHaveText(centerWords.statistics.title)
  await expect(page.getByRole('switch', { name: centerWords.statistics.switch })).toBeChecked()
  await expectNoAxeViolations(page, 'anonymous statistics')

  await page.goto('./#/counselor/center/report')
  await expect(mainHeading(page)).toHaveText(centerWords.report.title)
  await typeInto(page, centerWords.report.from, '01012026')
  await typeInto(page, centerWords.report.to, '03312026')
  await activate(page, page.getByRole('button', { name: centerWords.report.show }))
  await expect(page.getByRole('table', { name: centerWords.report.alphaCaption })).toContainText('0.74')
  await expectNoAxeViolations(page, 'question statistics report')
})
