/**
 * The real desktop app, end to end: the window opens on app://bundle, the welcome shows,
 * a question is answered and saved through IPC, a saved journey shows its result, the
 * result prints to a PDF file, the menus follow the language, and --kiosk opens full
 * screen with its own text-size keys. Needs Electron's binary; skipped without it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type ElectronApplication, type Page } from '@playwright/test'
import en from '../../src/i18n/en'
import type { HostApi } from '../../src/shared/host-contract'
import { PERSONAS } from '../fixtures/personas'
import {
  electronBinary,
  launchDesktop,
  makeDesktopHome,
  NO_ELECTRON_MESSAGE,
  type DesktopHome,
} from './support/desktop'

test.skip(!electronBinary(), NO_ELECTRON_MESSAGE)

const persona = PERSONAS.find((p) => p.expected === 'trainer')!
const roleNames = JSON.parse(
  fs.readFileSync(new URL('../../src/content/locales/en.json', import.meta.url), 'utf8'),
) as { roles: Record<string, { name: string }> }

let home: DesktopHome
let app: ElectronApplication | undefined

test.beforeEach(() => {
  home = makeDesktopHome()
})
test.afterEach(async () => {
  await app?.close()
  app = undefined
  home.remove()
})

async function open(args: string[] = []): Promise<{ window: Page; userData: string }> {
  app = await launchDesktop(home, args)
  const window = await app.firstWindow()
  const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))
  return { window, userData }
}

const heading = (window: Page) => window.locator('main h1')

test('opens on its own protocol, answers a question and saves the progress on disk', async () => {
  // Reason: a cold Electron start under a virtual display is slow on CI machines.
  test.setTimeout(120_000)
  const { window, userData } = await open()
  expect(window.url()).toMatch(/^app:\/\/bundle\/index\.html#\//)
  await expect(heading(window)).toHaveText(en.welcome.title)
  await window.getByRole('link', { name: en.welcome.start, exact: true }).click()
  await expect(window.locator('.step-indicator__count')).toContainText('Question 1 of')
  await window.locator('main fieldset input').first().check()
  await window.getByRole('button', { name: en.question.next, exact: true }).click()
  await expect(window.locator('.step-indicator__count')).toContainText('Question 2 of')
  // Saved by main through IPC, in userData, where the next start resumes from.
  const progressFile = path.join(userData, 'progress', 'progress.json')
  await expect.poll(() => fs.existsSync(progressFile)).toBe(true)
  expect(JSON.parse(fs.readFileSync(progressFile, 'utf8'))).toMatchObject({ schema: 1, route: '/question/2' })
  // The page speaks to main only through window.api; nothing of Node or Electron leaks in.
  expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
})

test('shows the result of a saved journey and prints it to a PDF file', async () => {
  test.setTimeout(120_000) // Reason: as above, plus Chromium's PDF rendering.
  const { window, userData } = await open()
  fs.mkdirSync(path.join(userData, 'progress'), { recursive: true })
  fs.writeFileSync(
    path.join(userData, 'progress', 'progress.json'),
    JSON.stringify({ schema: 1, savedAt: new Date().toISOString(), answers: persona.answers, route: '/results' }),
  )
  await window.reload()
  await expect(heading(window)).toHaveText(en.results.title)
  await expect(window.locator('#best-fit-title')).toHaveText(roleNames.roles[persona.expected]!.name)

  // The save dialog cannot be clicked by a test: main's is replaced by one that answers a path.
  const pdf = path.join(home.folder, 'result.pdf')
  await app!.evaluate(({ dialog }, file) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog
  }, pdf)
  const saved = await window.evaluate(
    (fileName) => (globalThis as unknown as { api: HostApi }).api.printToPdf({ fileName }),
    'result.pdf',
  )
  expect(saved).toEqual({ saved: true })
  expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-')
})

test('its menus follow the language chosen in the page', async () => {
  test.setTimeout(120_000) // Reason: a cold Electron start, twice the language switch.
  const { window } = await open()
  const menu = () => app!.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? null)
  await expect.poll(menu).toContain(process.platform === 'darwin' ? 'Edit' : 'File')
  await window.getByRole('button', { name: en.app.language.otherHint }).click()
  await expect(window.locator('html')).toHaveAttribute('lang', 'es')
  await expect.poll(menu).toContain('Ayuda')
})

test('--kiosk opens full screen, without a menu, with its own text-size keys', async () => {
  test.setTimeout(120_000) // Reason: a cold Electron start under a virtual display.
  const { window } = await open(['--kiosk'])
  await expect(heading(window)).toHaveText(en.welcome.title)
  const state = () =>
    app!.evaluate(({ BrowserWindow, Menu }) => {
      const main = BrowserWindow.getAllWindows()[0]!
      return { kiosk: main.isKiosk(), fullScreen: main.isFullScreen(), menu: Menu.getApplicationMenu() !== null }
    })
  await expect.poll(state).toEqual({ kiosk: true, fullScreen: true, menu: false })
  await expect(window.locator('.app-footer')).toContainText(en.app.footerKiosk)
  await window.keyboard.press('Control+=')
  await expect(window.locator('html')).toHaveAttribute('data-text-size', '125')
})
