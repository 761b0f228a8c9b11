/**
 * Runs before every component test file. The component project shares one jsdom and
 * one module graph per worker (isolate: false in vitest.config.ts), so after each test
 * everything a test can leave behind is put back: mounted apps (with their listeners
 * and timers), the page, the address, storage, the host, fake timers and spies.
 */
import { disableAutoUnmount, enableAutoUnmount } from '@vue/test-utils'
import { afterEach, vi } from 'vitest'
import { setHost } from '../../src/host'

// Hooks after a test run last-registered first: unmount the apps, then clear what they left.
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  setHost(undefined)
  document.body.innerHTML = ''
  for (const name of document.documentElement.getAttributeNames()) document.documentElement.removeAttribute(name)
  document.title = ''
  window.localStorage.clear()
  window.sessionStorage.clear()
  window.history.replaceState(null, '', '/')
})
// The module is shared by the files of a worker: the previous file's hook is dropped first.
disableAutoUnmount()
enableAutoUnmount(afterEach)
