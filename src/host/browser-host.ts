/**
 * The host used when the app runs in a plain browser (and in tests): the same
 * HostApi as Electron's preload bridge, kept in the browser's own storage.
 */
import { savedProgressSchema, type AppInfo, type HostApi, type SavedProgress } from '../shared/host-contract'

export const PROGRESS_KEY = 'health-it-role-finder.progress'

export function createBrowserHost(storage: Storage, info: Omit<AppInfo, 'host'>): HostApi {
  return {
    async getAppInfo() {
      return { ...info, host: 'browser' }
    },
    async loadProgress() {
      const raw = storage.getItem(PROGRESS_KEY)
      if (raw === null) return null
      try {
        const parsed = savedProgressSchema.safeParse(JSON.parse(raw))
        if (parsed.success) return parsed.data
      } catch {
        // Unreadable: fall through and drop it, as a damaged file would be set aside.
      }
      storage.removeItem(PROGRESS_KEY)
      return null
    },
    async saveProgress(progress: SavedProgress) {
      storage.setItem(PROGRESS_KEY, JSON.stringify(savedProgressSchema.parse(progress)))
    },
    async clearProgress() {
      storage.removeItem(PROGRESS_KEY)
    },
  }
}
