import type { CounselorApi, FileApi, KioskApi } from '../../src/shared/counselor-contract'
import type { CenterApi } from '../../src/shared/center-contract'
import type { AppInfo, HostApi, Preferences } from '../../src/shared/host-contract'
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
  }
}
