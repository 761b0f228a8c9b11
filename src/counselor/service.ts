/**
 * Counselor mode's one service: unlock, clients, sessions, export and import, over
 * the encrypted store in src/storage. Platform-free: Electron's main process runs it
 * with the file adapter, the browser host with IndexedDB. Each method is one intent,
 * matching the CounselorApi part of the host contract.
 */
import type { SqlJsStatic } from 'sql.js'
import {
  eraseAllCounselorData,
  getCounselorStorageStatus,
  isStorageError,
  openCounselorStore,
  StorageError,
  type CounselorStore,
  type PersistenceAdapter,
} from '../storage'
import type { CounselorApi, CounselorOpenResult, ExportFile } from '../shared/counselor-contract'

export interface CounselorServiceOptions {
  adapter: PersistenceAdapter
  loadSqlJs: () => Promise<SqlJsStatic>
  now?: () => number
  /** Tests only: a low key-derivation cost keeps them fast. */
  kdfIterations?: number
  /** Told when counselor data opens (the store) or closes (null); center mode syncs through it. */
  onStoreChange?: (store: CounselorStore | null) => void
}

export function createCounselorService(options: CounselorServiceOptions): CounselorApi {
  const now = options.now ?? Date.now
  let store: CounselorStore | null = null

  function unlocked(): CounselorStore {
    if (!store) throw new StorageError('closed', 'Counselor data is locked. Enter the passcode to open it.')
    return store
  }

  function stamp(): string {
    return new Date(now()).toISOString().slice(0, 10)
  }

  return {
    async counselorStatus() {
      const status = await getCounselorStorageStatus({ adapter: options.adapter, now })
      return {
        hasData: status.exists,
        unlocked: store !== null,
        waitSeconds: Math.ceil(status.waitBeforeNextAttemptMs / 1000),
      }
    },

    async counselorOpen({ passcode }): Promise<CounselorOpenResult> {
      if (store) return { ok: true, status: 'opened', message: 'Counselor data is open.' }
      try {
        const opened = await openCounselorStore({
          adapter: options.adapter,
          loadSqlJs: options.loadSqlJs,
          passcode,
          now,
          ...(options.kdfIterations ? { kdfIterations: options.kdfIterations } : {}),
        })
        store = opened.store
        options.onStoreChange?.(store)
        return { ok: true, status: opened.status, message: opened.message }
      } catch (error) {
        // A wrong or throttled passcode is an expected answer, not a failure.
        if (
          isStorageError(error) &&
          (error.code === 'wrong-passcode' || error.code === 'locked' || error.code === 'invalid-input')
        ) {
          return {
            ok: false,
            reason: error.code,
            message: error.message,
            waitSeconds: Math.ceil((error.retryAfterMs ?? 0) / 1000),
          }
        }
        throw error
      }
    },

    async counselorLock() {
      const open = store
      store = null
      options.onStoreChange?.(null)
      await open?.close()
    },

    async counselorChangePasscode({ current, next }) {
      await unlocked().changePasscode(current, next)
    },

    async counselorEraseAll() {
      const open = store
      store = null
      options.onStoreChange?.(null)
      await open?.close().catch(() => undefined)
      await eraseAllCounselorData({ adapter: options.adapter })
    },

    listClients: ({ query }) => (query.trim() ? unlocked().searchClients(query) : unlocked().listClients()),
    createClient: (input) => unlocked().createClient(input),
    updateClient: (input) => unlocked().updateClient(input),
    async getClient({ clientId }) {
      const open = unlocked()
      return { client: await open.getClient(clientId), sessions: await open.listSessions(clientId) }
    },
    deleteClient: ({ clientId }) => unlocked().deleteClient(clientId),
    saveSession: (input) => unlocked().saveSession(input),
    getSession: ({ sessionId }) => unlocked().getSession(sessionId),

    async exportSession({ sessionId }): Promise<ExportFile> {
      const text = await unlocked().exportSessionJson(sessionId)
      return { fileName: `session-${stamp()}-${sessionId.slice(0, 8)}.json`, mimeType: 'application/json', text }
    },

    async exportSessionsCsv(range): Promise<ExportFile> {
      const text = await unlocked().exportSessionsCsv(range)
      return { fileName: `role-finder-sessions-${stamp()}.csv`, mimeType: 'text/csv', text }
    },

    importSession: ({ text, clientId }) => unlocked().importSessionJson(text, clientId ? { clientId } : {}),
  }
}
