/**
 * Starting the real desktop app (the built main, dist-electron/main/index.js, through
 * package.json's "main") with Playwright's Electron support, in a throwaway user-data
 * folder. Only for machines where Electron's binary is installed.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron, type ElectronApplication } from '@playwright/test'

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * The Electron executable, or null when its binary was never downloaded (.npmrc skips it).
 * Read as scripts/start.mjs does: requiring the package would try to download it.
 */
export function electronBinary(): string | null {
  try {
    const folder = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const relative = fs.readFileSync(path.join(folder, 'path.txt'), 'utf8').trim()
    const binary = path.join(folder, 'dist', relative)
    return fs.existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

export const NO_ELECTRON_MESSAGE =
  'Desktop smoke skipped: the Electron binary is not installed here (run `npm start` once where it can be downloaded).'

export interface DesktopHome {
  /** A fresh folder that stands in for the per-user application data folder. */
  folder: string
  remove(): void
}

/** A throwaway application-data folder: the app's userData lives inside it (Linux and Windows). */
export function makeDesktopHome(): DesktopHome {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'desktop-smoke-'))
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) }
}

/**
 * Launches the app. `XDG_CONFIG_HOME` (Linux) and `APPDATA` (Windows) move Electron's
 * appData, and so userData, into `home`; on macOS the real folder is used (CI runs this
 * smoke on Linux only).
 */
export async function launchDesktop(home: DesktopHome, args: string[] = []): Promise<ElectronApplication> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value
  delete env.ELECTRON_RUN_AS_NODE
  env.XDG_CONFIG_HOME = home.folder
  env.APPDATA = home.folder
  // Chromium will not start as root without this (CI containers); see scripts/start.mjs.
  const sandbox = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []
  const executablePath = electronBinary()
  if (!executablePath) throw new Error(NO_ELECTRON_MESSAGE)
  return _electron.launch({ executablePath, args: [PROJECT_ROOT, ...sandbox, ...args], cwd: PROJECT_ROOT, env })
}
