import { defineConfig } from '@playwright/test'
import { LAUNCH_OPTIONS } from './tests/e2e/support/browser-options'

/**
 * Real-browser journeys, accessibility and offline checks against the production
 * build in dist/ (`npm run test:e2e` builds it first). The global setup serves dist/
 * on 127.0.0.1 with scripts/serve-static.mjs on a free port.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/support/global-setup.ts',
  outputDir: 'test-results/e2e-artifacts',
  reporter: [['list'], ['html', { outputFolder: 'test-results/e2e-report', open: 'never' }]],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    launchOptions: LAUNCH_OPTIONS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    serviceWorkers: 'block',
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
})
