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

test('with a desktop bridge whose center records statistics, the welcome screen says so', async ({ page }) => {
  await page.addInitScript(() => {
    const status = {
      available: true,
      configured: false,
      counselorDataOpen: false,
      connection: null,
      identity: null,
      online: null,
      lastSyncAt: null,
      waiting: 0,
      conflicts: 0,
      problem: null,
      anonymousStats: true,
      kioskStats: { configured: true, connection: null },
    }
    const values: Record<string, unknown> = {
      getAppInfo: { name: 'Health IT Role Finder', version: '0', host: 'electron', kiosk: true },
      centerStatus: status,
    }
    // Every preload function answers as main does: { ok: true, value }.
    ;(globalThis as unknown as { api: unknown }).api = new Proxy(
      {},
      { get: (_target, name) => async () => ({ ok: true, value: values[String(name)] ?? null }) },
    )
  })
  await page.goto('./')
  await expect(mainHeading(page)).toHaveText(en.welcome.title)
  await expect(page.getByText(centerWords.welcomeNotice)).toBeVisible()
  await expectNoAxeViolations(page, 'welcome screen with anonymous statistics on')
})
