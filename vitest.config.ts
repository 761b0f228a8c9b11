import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const define = { __APP_VERSION__: JSON.stringify('0.0.0-test') }
const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) }

/**
 * `npm test` runs the projects `unit` and `component`; `npm run test:slow` runs `slow`:
 * the full-strength property and fault-injection suites, whose cost grows with the
 * number of runs and the machine's speed (see README, "Tests and checks").
 */
export default defineConfig({
  test: {
    // Worker threads start faster than forked processes: the whole run is a few seconds shorter.
    pool: 'threads',
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        plugins: [vue()],
        define,
        resolve: { alias },
        test: { name: 'component', environment: 'jsdom', include: ['tests/component/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: { name: 'slow', environment: 'node', include: ['tests/slow/**/*.test.ts'] },
      },
    ],
  },
})
