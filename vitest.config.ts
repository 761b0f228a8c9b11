import { availableParallelism } from 'node:os'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const define = { __APP_VERSION__: JSON.stringify('0.0.0-test') }
const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) }

/** Unit test files that replace modules with vi.mock or vi.doMock. */
const MOCKS_MODULES = [
  'tests/unit/electron/main-lifecycle.test.ts',
  'tests/unit/electron/preload.test.ts',
  'tests/unit/electron/window.test.ts',
]

/**
 * `npm test` runs the projects `unit`, `unit-isolated` and `component`; `npm run test:slow` runs `slow`:
 * the full-strength property and fault-injection suites, whose cost grows with the
 * number of runs and the machine's speed (see README, "Tests and checks").
 */
export default defineConfig({
  test: {
    // Worker threads start faster than forked processes: the whole run is a few seconds shorter.
    pool: 'threads',
    // One worker more than cores: many tests wait on child processes, flushed writes and
    // WebCrypto, and a spare worker keeps both cores of a 2-core machine busy meanwhile
    // (npm test idle: 64 s with the default, 51 s with this).
    maxWorkers: availableParallelism() + 1,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          exclude: MOCKS_MODULES,
          // One module graph per worker, not per file: importing zod, sql.js and our modules
          // again for every file was half of this project's time. tests/unit/setup.ts puts
          // back spies and timers after each test.
          isolate: false,
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        resolve: { alias },
        // Files that replace modules (vi.mock, vi.doMock) keep a module graph of their own.
        test: { name: 'unit-isolated', environment: 'node', include: MOCKS_MODULES },
      },
      {
        plugins: [vue()],
        define,
        resolve: { alias },
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.ts'],
          // One jsdom and one module graph per worker, not per file: setting up jsdom and
          // importing the app again for every file was two thirds of this project's time.
          // tests/component/setup.ts puts back everything a file may leave behind.
          isolate: false,
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: { name: 'slow', environment: 'node', include: ['tests/slow/**/*.test.ts'] },
      },
    ],
  },
})
