/**
 * IPC channel names, one per HostApi function. Part of the host contract
 * (host-contract.ts re-exports it); kept in its own file, importing only the equally
 * import-free center-channels.ts, so the sandboxed preload bundles a few lines, not the validators.
 */
import { CENTER_CHANNELS } from './center-channels'

export const CHANNELS = {
  getAppInfo: 'app:get-info',
  loadProgress: 'progress:load',
  saveProgress: 'progress:save',
  clearProgress: 'progress:clear',
  loadPreferences: 'preferences:load',
  savePreferences: 'preferences:save',
  counselorStatus: 'counselor:status',
  counselorOpen: 'counselor:open',
  counselorStartAfresh: 'counselor:start-afresh',
  counselorLock: 'counselor:lock',
  counselorChangePasscode: 'counselor:change-passcode',
  counselorEraseAll: 'counselor:erase-all',
  listClients: 'clients:list',
  createClient: 'clients:create',
  updateClient: 'clients:update',
  getClient: 'clients:get',
  deleteClient: 'clients:delete',
  saveSession: 'sessions:save',
  getSession: 'sessions:get',
  exportSession: 'sessions:export-json',
  exportSessionsCsv: 'sessions:export-csv',
  countSessions: 'sessions:count',
  summarizeSessions: 'sessions:summary',
  importSession: 'sessions:import-json',
  saveFile: 'files:save',
  printToPdf: 'files:print-pdf',
  setKioskMode: 'kiosk:set',
  setInterfaceLanguage: 'app:set-language',
  logError: 'app:log-error',
  ...CENTER_CHANNELS,
} as const

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS]
