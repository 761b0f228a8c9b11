/**
 * The host used when the app runs in a plain browser (and in tests): the same
 * HostApi as Electron's preload bridge, kept in the browser's own storage.
 * A kiosk (address ending in ?kiosk) keeps everything in memory, as Electron's does.
 */
import type { AppInfo, HostApi, Preferences, SavedProgress } from '../shared/host-contract'
import type { CounselorApi, FileApi, KioskApi } from '../shared/counselor-contract'
import type { CounselorService } from '../counselor/service'
import { createUnavailableCenter } from './browser-center'

export const PROGRESS_KEY = 'health-it-role-finder.progress'
export const PREFERENCES_KEY = 'health-it-role-finder.preferences'
export const KIOSK_KEY = 'health-it-role-finder.kiosk'

// The validators are loaded only when there is something to check, so a first visit
// paints without them; they load on the first save, after the first question shows.
const contract = () => import('../shared/host-contract')
const counselorContract = () => import('../shared/counselor-contract')

type Schema<T> = { safeParse(data: unknown): { success: true; data: T } | { success: false } }

/** Reads and checks a stored record; an unreadable one is dropped, as a damaged file would be set aside. */
async function readChecked<T>(storage: Storage, key: string, schema: () => Promise<Schema<T>>): Promise<T | null> {
  const raw = storage.getItem(key)
  if (raw === null) return null
  try {
    const parsed = (await schema()).safeParse(JSON.parse(raw))
    if (parsed.success) return parsed.data
  } catch {
    // Not JSON: dropped below.
  }
  storage.removeItem(key)
  return null
}

/** Whether counselors turned kiosk mode on in this browser (a setting, not about any person). */
export async function kioskSettingOn(storage: Storage): Promise<boolean> {
  const setting = await readChecked(storage, KIOSK_KEY, async () => (await counselorContract()).kioskSettingSchema)
  return setting?.enabled === true
}

type Lazy<T> = () => Promise<T>

/**
 * `counselor` and `files` are loaded on first use (see browser-counselor.ts); tests pass their own.
 */
export function createBrowserHost(
  storage: Storage,
  info: Omit<AppInfo, 'host'>,
  extras: { counselor: Lazy<CounselorApi>; files: Lazy<FileApi>; kioskSwitch: Lazy<KioskApi> } = defaultExtras(
    storage,
    false,
  ),
): HostApi {
  const counselor = <K extends keyof CounselorApi>(name: K) =>
    (async (payload?: unknown) => {
      const api = await extras.counselor()
      return (api[name] as (payload?: unknown) => Promise<unknown>)(payload)
    }) as CounselorApi[K]

  return {
    async getAppInfo() {
      return { ...info, host: 'browser' }
    },
    async loadProgress() {
      return info.kiosk ? null : readChecked(storage, PROGRESS_KEY, async () => (await contract()).savedProgressSchema)
    },
    async saveProgress(progress: SavedProgress) {
      if (!info.kiosk)
        storage.setItem(PROGRESS_KEY, JSON.stringify((await contract()).savedProgressSchema.parse(progress)))
    },
    async clearProgress() {
      storage.removeItem(PROGRESS_KEY)
    },
    async loadPreferences() {
      return info.kiosk ? null : readChecked(storage, PREFERENCES_KEY, async () => (await contract()).preferencesSchema)
    },
    async savePreferences(preferences: Preferences) {
      if (!info.kiosk)
        storage.setItem(PREFERENCES_KEY, JSON.stringify((await contract()).preferencesSchema.parse(preferences)))
    },
    // A browser has no menus of its own to translate.
    async setInterfaceLanguage() {},
    // A browser keeps no log file: the console is its error log.
    async logError(report) {
      console.error(`[${report.kind}] ${report.message}${report.stack ? `\n${report.stack}` : ''}`)
    },
    counselorStatus: counselor('counselorStatus'),
    counselorOpen: counselor('counselorOpen'),
    counselorStartAfresh: counselor('counselorStartAfresh'),
    counselorLock: counselor('counselorLock'),
    counselorChangePasscode: counselor('counselorChangePasscode'),
    counselorEraseAll: counselor('counselorEraseAll'),
    listClients: counselor('listClients'),
    createClient: counselor('createClient'),
    updateClient: counselor('updateClient'),
    getClient: counselor('getClient'),
    deleteClient: counselor('deleteClient'),
    saveSession: counselor('saveSession'),
    getSession: counselor('getSession'),
    exportSession: counselor('exportSession'),
    exportSessionsCsv: counselor('exportSessionsCsv'),
    countSessions: counselor('countSessions'),
    summarizeSessions: counselor('summarizeSessions'),
    importSession: counselor('importSession'),
    saveFile: async (file) => (await extras.files()).saveFile(file),
    printToPdf: async (request) => (await extras.files()).printToPdf(request),
    setKioskMode: async (request) => (await extras.kioskSwitch()).setKioskMode(request),
    // No center mode in a browser: every center request gets a plain "not available" refusal.
    ...createUnavailableCenter(),
  }
}

/** Counselor storage, files and the kiosk switch, loaded on first use. `?kiosk` in the address forces kiosk mode. */
export function defaultExtras(storage: Storage, kioskForcedByAddress: boolean) {
  let loaded: Promise<typeof import('./browser-counselor')> | undefined
  const load = () => (loaded ??= import('./browser-counselor'))
  let service: Promise<CounselorService> | undefined
  const counselor = () => (service ??= load().then((module) => module.createBrowserCounselor()))
  return {
    counselor,
    files: async () => (await load()).browserFiles,
    kioskSwitch: async () => {
      const [{ createKioskSwitch }, { kioskSettingSchema }] = await Promise.all([
        import('../counselor/kiosk-switch'),
        counselorContract(),
      ])
      return createKioskSwitch({
        counselor: await counselor(),
        saveSetting: async (setting) => storage.setItem(KIOSK_KEY, JSON.stringify(kioskSettingSchema.parse(setting))),
        forcedByLaunch: kioskForcedByAddress,
        restart: () => window.location.reload(),
      })
    },
  }
}
