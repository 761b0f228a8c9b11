/**
 * Runs before every file of the `unit` project, whose files share one module graph per
 * worker (isolate: false in vitest.config.ts): after each test, spies and fake timers
 * are put back so that nothing a test changed reaches the next file.
 */
import { afterEach, vi } from 'vitest'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})
