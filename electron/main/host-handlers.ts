import type { CounselorApi, FileApi, KioskApi } from '../../src/shared/counselor-contract'
import type { CenterApi } from '../../src/shared/center-contract'
import type { AppInfo, HostApi, InterfaceLanguage, Preferences, RendererError } from '../../src/shared/host-contract'
import type { ProgressStore, RecordStore } from './services/progress-store'

export interface HostServices {
  app: { getName(): string; getVersion(): string }
  progress: ProgressStore
  preferences: RecordStore<Preferences>
  /** Kiosk mode: nothing about the person, nor their language, is written to disk. */
  kiosk: boolean
  kioskIdleSeconds?: number
  counselor: CounselorApi
  files: FileApi
  kioskSwitch: KioskApi
  /** Main's menus and dialogs follow the page's language (main-texts.ts); nothing is saved. */
  interfaceLanguage: { set(language: InterfaceLanguage): void }
  /** The page's uncaught errors, into main's error log (error-reporting.ts). */
  rendererErrors: { record(report: RendererError): void }
  /** Center mode: a center's shared PostgreSQL database (electron/main/center). */
  center: CenterApi
}

/**
 * The main-process side of HostApi: what each channel does once IPC has checked the
 * sender and the payload. Adding a channel to the contract means adding one entry here.
 */
export function createHostHandlers({
  app,
  progress,
  preferences,
  kiosk,
  kioskIdleSeconds,
  counselor,
  files,
  kioskSwitch,
  interfaceLanguage,
  rendererErrors,
  center,
}: HostServices): HostApi {
  return {
    ...counselor,
    ...files,
    ...kioskSwitch,
    ...center,
    async getAppInfo(): Promise<AppInfo> {
      const info: AppInfo = { name: app.getName(), version: app.getVersion(), host: 'electron', kiosk }
      return kiosk ? { ...info, kioskIdleSeconds } : info
    },
    // In kiosk mode main refuses to persist even if asked: the renderer's promise is kept twice over.
    loadProgress: async () => (kiosk ? null : progress.load()),
    saveProgress: async (saved) => (kiosk ? undefined : progress.save(saved)),
    clearProgress: () => progress.clear(),
    loadPreferences: async () => (kiosk ? null : preferences.load()),
    savePreferences: async (chosen) => (kiosk ? undefined : preferences.save(chosen)),
    // Allowed in a kiosk too: it changes words on screen and writes nothing.
    setInterfaceLanguage: async (language) => interfaceLanguage.set(language),
    logError: async (report) => rendererErrors.record(report),
  }
}
