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
import type { HostApi, Preferences, RendererError, SavedProgress } from '../../src/shared/host-contract'
import { memoryAdapter } from '../fixtures/memory-adapter'
import { createUnavailableCenter } from '../../src/host/browser-center'
import { useKioskStore } from '../../src/stores/kiosk'
import { usePreferencesStore } from '../../src/stores/preferences'
import { CONDITION_WAIT } from '../fixtures/waiting'

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
    languages: [] as string[],
    pageErrors: [] as RendererError[],
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
    setInterfaceLanguage: async (language) => void state.languages.push(language),
    logError: async (report) => void state.pageErrors.push(report),
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

/**
 * The app's own asynchronous work that tests wait for: host calls (the counselor ones
 * run real sql.js and WebCrypto, whose time depends on the machine) and navigations
 * (pages load on demand). Counted for the app mounted last; see `appIsIdle`.
 */
interface InFlight {
  hostCalls: number
  navigations: number
}
let inFlight: InFlight = { hostCalls: 0, navigations: 0 }

/** True when no host call and no navigation started by the last mounted app is still running. */
export function appIsIdle(): boolean {
  return inFlight.hostCalls === 0 && inFlight.navigations === 0
}

function counted<T>(tracker: InFlight, kind: keyof InFlight, start: () => T): T {
  tracker[kind]++
  const done = () => void tracker[kind]--
  let result: T
  try {
    result = start()
  } catch (error) {
    done()
    throw error
  }
  Promise.resolve(result).then(done, done)
  return result
}

/** The same host, with every call counted while it runs. */
function countingHost(host: HostApi, tracker: InFlight): HostApi {
  const wrapped: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(host)) {
    wrapped[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => counted(tracker, 'hostCalls', () => value.apply(host, args))
        : value
  }
  return wrapped as unknown as HostApi
}

/** Mounts the whole app with a real Pinia store and router at `path`. */
export async function mountApp(path = '/', host: HostApi = memoryHost().host) {
  const tracker: InFlight = (inFlight = { hostCalls: 0, navigations: 0 })
  host = countingHost(host, tracker)
  setHost(host)
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter()
  for (const method of ['push', 'replace'] as const) {
    const navigate = router[method].bind(router)
    router[method] = (to) => counted(tracker, 'navigations', () => navigate(to))
  }
  await router.push(path)
  await router.isReady()
  const i18n = createAppI18n()
  await usePreferencesStore(pinia).bindI18n(i18n)
  useKioskStore(pinia).configure(await host.getAppInfo())
  const wrapper = mount(App, { attachTo: document.body, global: { plugins: [pinia, router, i18n] } })
  await flushPromises()
  // A kiosk's walk-away timer is loaded on demand (App.vue): tests count idle time from when it runs.
  if (useKioskStore(pinia).enabled)
    await vi.waitFor(() => expect(wrapper.findComponent({ name: 'KioskIdle' }).exists()).toBe(true), CONDITION_WAIT)
  return { wrapper, router, pinia }
}

/**
 * Presses the language button and waits for the other language to show: its words
 * load on demand, as in the app, which can take more than one tick under Vitest.
 */
export async function switchLanguage(wrapper: VueWrapper): Promise<void> {
  const target = wrapper.get('.language-switch').attributes('lang')
  await wrapper.get('.language-switch').trigger('click')
  await vi.waitFor(() => expect(document.documentElement.getAttribute('lang')).toBe(target), CONDITION_WAIT)
  await flushPromises()
}
