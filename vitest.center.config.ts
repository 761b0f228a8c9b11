import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * `npm run test:center`: integration tests against a real PostgreSQL server. Each file
 * starts its own from Debian's packages (tests/center/support/pg-server.ts) and stops it
 * by pid in its teardown, unless CENTER_TEST_URL names one to use. Files run one at a
 * time: a few stop and start their server on purpose.
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    name: 'center',
    environment: 'node',
    include: ['tests/center/**/*.test.ts'],
    fileParallelism: false,
    pool: 'forks',
  },
})
