import type { AppInfo, HostApi } from '../../src/shared/host-contract'
import type { ProgressStore } from './services/progress-store'

export interface HostServices {
  app: { getName(): string; getVersion(): string }
  progress: ProgressStore
}

/**
 * The main-process side of HostApi: what each channel does once IPC has checked the
 * sender and the payload. Adding a channel to the contract means adding one entry here.
 */
export function createHostHandlers({ app, progress }: HostServices): HostApi {
  return {
    async getAppInfo(): Promise<AppInfo> {
      return { name: app.getName(), version: app.getVersion(), host: 'electron' }
    },
    loadProgress: () => progress.load(),
    saveProgress: (saved) => progress.save(saved),
    clearProgress: () => progress.clear(),
  }
}
