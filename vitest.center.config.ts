import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * `npm run test:center`: integration tests against a real PostgreSQL server, which
 * tests/center/support/global-setup.ts starts once (or CENTER_TEST_URL names). Files run
 * one at a time: several stop and start the server on purpose.
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    name: 'center',
    environment: 'node',
    include: ['tests/center/**/*.test.ts'],
    globalSetup: ['tests/center/support/global-setup.ts'],
    fileParallelism: false,
    pool: 'forks',
  },
})
