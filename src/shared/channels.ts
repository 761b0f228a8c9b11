/**
 * IPC channel names, one per HostApi function. Part of the host contract
 * (host-contract.ts re-exports it); kept in its own file with no imports so the
 * sandboxed preload bundles a few lines, not the validators.
 */
export const CHANNELS = {
  getAppInfo: 'app:get-info',
  loadProgress: 'progress:load',
  saveProgress: 'progress:save',
  clearProgress: 'progress:clear',
  loadPreferences: 'preferences:load',
  savePreferences: 'preferences:save',
} as const

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS]
