import { defineConfig } from '@playwright/test'

/**
 * The real desktop app, started with Playwright's Electron support (`npm run test:desktop`).
 * Not part of `npm test` or `npm run test:e2e`: it needs Electron's binary, which this
 * project's build machines cannot download; without it every test is skipped with one line.
 * CI runs it on Linux under a virtual display (.github/workflows/ci.yml).
 */
export default defineConfig({
  testDir: 'tests/desktop',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/desktop/global-setup.ts',
  outputDir: 'test-results/desktop-artifacts',
  reporter: [['list']],
  // One app at a time: a second copy would hand over to the first (single-instance lock).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  use: { trace: process.env.DESKTOP_TRACE ? 'retain-on-failure' : 'off' },
})
