/// <reference types="node" />
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { expect, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import App from '../../src/App.vue'
import { setHost } from '../../src/host'
import { createAppI18n } from '../../src/i18n'
import { createAppRouter } from '../../src/router'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import initSqlJs from 'sql.js'
import { createCounselorService } from '../../src/counselor/service'
import type { ExportFile } from '../../src/shared/counselor-contract'
import type { HostApi, Preferences, SavedProgress } from '../../src/shared/host-contract'
import { memoryAdapter } from '../fixtures/memory-adapter'
import { createUnavailableCenter } from '../../src/host/browser-center'
import { useKioskStore } from '../../src/stores/kiosk'
import { usePreferencesStore } from '../../src/stores/preferences'

// jsdom looks like a browser to sql.js, so hand it the WebAssembly bytes instead of a URL to fetch.
const wasmBinary = new Uint8Array(readFileSync(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm')))
  .buffer
export const loadSqlJsForTests = () => initSqlJs({ wasmBinary })

/** An in-memory host that records what the app saves. */
export function memoryHost(
  initial: SavedProgress | null = null,
  options: { kiosk?: boolean; kioskIdleSeconds?: number } = {},
) {
  const state = {
    saved: initial,
    saves: 0,
    clears: 0,
    preferences: null as Preferences | null,
    counselorData: memoryAdapter(),
    files: [] as ExportFile[],
    printed: 0,
    kioskRequests: [] as { enabled: boolean; passcode?: string }[],
  }
  const host: HostApi = {
    getAppInfo: async () => ({
      name: 'test',
      version: '0',
      host: 'browser',
      kiosk: options.kiosk ?? false,
      kioskIdleSeconds: options.kioskIdleSeconds,
    }),
    loadProgress: async () => state.saved,
    saveProgress: async (p) => {
      state.saved = p
      state.saves++
    },
    clearProgress: async () => {
      state.saved = null
      state.clears++
    },
    loadPreferences: async () => state.preferences,
    savePreferences: async (p) => {
      state.preferences = p
    },
    ...createCounselorService({ adapter: state.counselorData, loadSqlJs: loadSqlJsForTests, kdfIterations: 1_000 }),
    saveFile: async (file) => {
      state.files.push(file)
      return { saved: true }
    },
    printToPdf: async () => {
      state.printed++
      return { saved: true }
    },
    setKioskMode: async (request) => {
      state.kioskRequests.push(request)
      return request.enabled || request.passcode === 'center passcode'
        ? { ok: true, restarting: true }
        : { ok: false, reason: 'wrong-passcode', message: 'The passcode is not right.' }
    },
    ...createUnavailableCenter(),
  }
  return { host, state }
}

/** Mounts the whole app with a real Pinia store and router at `path`. */
export async function mountApp(path = '/', host: HostApi = memoryHost().host) {
  setHost(host)
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter()
  await router.push(path)
  await router.isReady()
  const i18n = createAppI18n()
  await usePreferencesStore(pinia).bindI18n(i18n)
  useKioskStore(pinia).configure(await host.getAppInfo())
  const wrapper = mount(App, { attachTo: document.body, global: { plugins: [pinia, router, i18n] } })
  await flushPromises()
  return { wrapper, router, pinia }
}

/**
 * Presses the language button and waits for the other language to show: its words
 * load on demand, as in the app, which can take more than one tick under Vitest.
 */
export async function switchLanguage(wrapper: VueWrapper): Promise<void> {
  const target = wrapper.get('.language-switch').attributes('lang')
  await wrapper.get('.language-switch').trigger('click')
  await vi.waitFor(() => expect(document.documentElement.getAttribute('lang')).toBe(target))
  await flushPromises()
}
