/**
 * How the e2e tests launch Chromium: the system build, with everything that would
 * reach the network at start-up switched off (Chromium otherwise calls Google).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export const LAUNCH_OPTIONS = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * The production build the tests run against. By default global-setup builds one
 * (same vite.config.ts as `npm run build:renderer`) into test-results/e2e-dist, so
 * a colleague rebuilding dist/ mid-run cannot pull files from under the tests.
 * Set E2E_DIST=dist to test an existing build instead.
 */
export const OWN_BUILD_DIR = path.join(PROJECT_ROOT, 'test-results', 'e2e-dist')
export const DIST_ENV = 'E2E_DIST'

/** Set by global-setup: the static server's address, e.g. http://127.0.0.1:40123/ */
export const BASE_URL_ENV = 'E2E_BASE_URL'

/** The folder with the build under test (absolute), as global-setup decided. */
export function distDir(): string {
  return path.resolve(PROJECT_ROOT, process.env[DIST_ENV] ?? OWN_BUILD_DIR)
}
