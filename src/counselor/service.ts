/**
 * Counselor mode's one service: unlock, clients, sessions, export and import, over
 * the encrypted store in src/storage. Platform-free: Electron's main process runs it
 * with the file adapter, the browser host with IndexedDB. Each method is one intent,
 * matching the CounselorApi part of the host contract.
 *
 * One writer at a time: opening takes the writer lock (a Web Lock in the browser, a
 * lock within the process on the desktop) and holds it until the area locks, so a
 * second window is refused in plain words and can open once the first lets go. Within
 * the service, opening, starting afresh, locking, erasing and passcode checks run one
 * at a time: a second open waits for the first and then checks its own passcode
 * against the store that is open.
 */
import type { SqlJsStatic } from 'sql.js'
import {
  checkCounselorPasscode,
  createProcessWriterLock,
  eraseAllCounselorData,
  getCounselorStorageStatus,
  isStorageError,
  openCounselorStore,
  startCounselorStoreAfresh,
  StorageError,
  type CounselorStore,
  type OpenedCounselorStore,
  type PersistenceAdapter,
  type ReleaseLock,
  type WriterLock,
} from '../storage'
import { createSerialQueue } from '../storage/serial-queue'
import type { CounselorApi, CounselorOpenResult, CounselorRefusal, ExportFile } from '../shared/counselor-contract'
import { sessionFileName } from '../shared/session-file'

export interface CounselorServiceOptions {
  adapter: PersistenceAdapter
  loadSqlJs: () => Promise<SqlJsStatic>
  now?: () => number
  /** Tests only: a low key-derivation cost keeps them fast. */
  kdfIterations?: number
  /** One writer at a time for this data (see src/storage/writer-lock.ts). Default: a lock of this service alone. */
  writerLock?: WriterLock
  /** Told when counselor data opens (the store) or closes (null); center mode syncs through it. */
  onStoreChange?: (store: CounselorStore | null) => void
}

/** The passcode check for leaving a kiosk. */
export type PasscodeCheck =
  { ok: true; noData: boolean } | { ok: false; reason: CounselorRefusal; message: string; waitSeconds: number }

export interface CounselorService extends CounselorApi {
  /**
   * Checks the passcode without opening anything, throttled like any try: against the open
   * store, the snapshot's key check or, after damage, any copy of it that still reads.
   * `noData`: nothing is stored, so there is no passcode to check.
   */
  checkPasscode(passcode: string): Promise<PasscodeCheck>
}

const OPEN_ELSEWHERE =
  'The counselor area is open in another window. Lock it or close that window, then try again here.'

/** Expected refusals come back as values; anything else is thrown as it is. */
const REFUSALS: readonly CounselorRefusal[] = [
  'wrong-passcode',
  'locked',
  'invalid-input',
  'open-elsewhere',
  'damaged',
  'conflict',
]

export function createCounselorService(options: CounselorServiceOptions): CounselorService {
  const now = options.now ?? Date.now
  const writerLock =
    options.writerLock ?? createProcessWriterLock(`counselor-service-${globalThis.crypto.randomUUID()}`)
  const settings = {
    adapter: options.adapter,
    loadSqlJs: options.loadSqlJs,
    now,
    ...(options.kdfIterations ? { kdfIterations: options.kdfIterations } : {}),
  }
  const oneAtATime = createSerialQueue()
  let store: CounselorStore | null = null
  /** Held from opening until the area locks. */
  let heldLock: ReleaseLock | null = null

  function unlocked(): CounselorStore {
    if (!store) throw new StorageError('closed', 'Counselor data is locked. Enter the passcode to open it.')
    return store
  }

  function stamp(): string {
    return new Date(now()).toISOString().slice(0, 10)
  }

  /** The writer lock for one task: the one already held, or taken now and let go after (unless `keep` says otherwise). */
  async function withWriterLock<T>(task: () => Promise<T>, keep: (result: T) => boolean = () => false): Promise<T> {
    if (heldLock) return task()
    const release = await writerLock.tryAcquire()
    if (!release) throw new StorageError('open-elsewhere', OPEN_ELSEWHERE)
    let result: T
    try {
      result = await task()
    } catch (error) {
      await release()
      throw error
    }
    if (keep(result)) heldLock = release
    else await release()
    return result
  }

  async function closeStore(): Promise<void> {
    const open = store
    store = null
    if (open) options.onStoreChange?.(null)
    try {
      await open?.close()
    } finally {
      const release = heldLock
      heldLock = null
      await release?.()
    }
  }

  function opened(result: OpenedCounselorStore): CounselorOpenResult {
    store = result.store
    options.onStoreChange?.(store)
    return {
      ok: true,
      status: result.status,
      message: result.message,
      ...(result.keptAt !== undefined ? { keptAt: result.keptAt } : {}),
    }
  }

  return {
    async counselorStatus() {
      const status = await getCounselorStorageStatus({ adapter: options.adapter, now })
      return {
        hasData: status.exists,
        damaged: status.damaged,
        unlocked: store !== null,
        waitSeconds: Math.ceil(status.waitBeforeNextAttemptMs / 1000),
      }
    },

    counselorOpen({ passcode }) {
      return asRefusal(() =>
        oneAtATime.run(async () => {
          if (store) {
            // Already open (a second window's request, or a second click): its own passcode still counts.
            await store.verifyPasscode(passcode)
            return { ok: true, status: 'opened', message: 'Counselor data is open.' }
          }
          return withWriterLock(
            async () => opened(await openCounselorStore({ ...settings, passcode })),
            () => true,
          )
        }),
      )
    },

    counselorStartAfresh({ passcode, confirmPasscode, currentPasscode }) {
      return asRefusal(() =>
        oneAtATime.run(async () => {
          if (store) {
            throw new StorageError('conflict', 'Counselor data is open and not damaged, so nothing was replaced.')
          }
          return withWriterLock(
            async () =>
              opened(
                await startCounselorStoreAfresh({
                  ...settings,
                  passcode,
                  confirmPasscode,
                  ...(currentPasscode !== undefined ? { currentPasscode } : {}),
                }),
              ),
            () => true,
          )
        }),
      )
    },

    counselorLock: () => oneAtATime.run(closeStore),

    async counselorChangePasscode({ current, next }) {
      await unlocked().changePasscode(current, next)
    },

    counselorEraseAll: () =>
      oneAtATime.run(async () => {
        if (store) {
          // This window holds the lock: keep it until everything is gone.
          const open = store
          store = null
          options.onStoreChange?.(null)
          await open.close().catch(() => undefined)
        }
        try {
          await withWriterLock(() => eraseAllCounselorData({ adapter: options.adapter }))
        } finally {
          const release = heldLock
          heldLock = null
          await release?.()
        }
      }),

    async checkPasscode(passcode) {
      try {
        return await oneAtATime.run(async () => {
          if (store) {
            await store.verifyPasscode(passcode)
            return { ok: true as const, noData: false }
          }
          const outcome = await withWriterLock(() =>
            checkCounselorPasscode({ adapter: options.adapter, now, passcode }),
          )
          return { ok: true as const, noData: outcome === 'no-data' }
        })
      } catch (error) {
        const refusal = refusalOf(error)
        if (refusal) return refusal
        throw error
      }
    },

    listClients: async ({ query }) => (query.trim() ? unlocked().searchClients(query) : unlocked().listClients()),
    createClient: async (input) => unlocked().createClient(input),
    updateClient: async (input) => unlocked().updateClient(input),
    async getClient({ clientId }) {
      const open = unlocked()
      return { client: await open.getClient(clientId), sessions: await open.listSessions(clientId) }
    },
    deleteClient: async ({ clientId }) => unlocked().deleteClient(clientId),
    saveSession: async (input) => unlocked().saveSession(input),
    getSession: async ({ sessionId }) => unlocked().getSession(sessionId),

    async exportSession({ sessionId }): Promise<ExportFile> {
      const text = await unlocked().exportSessionJson(sessionId)
      return { fileName: sessionFileName(sessionId, new Date(now()).toISOString()), mimeType: 'application/json', text }
    },

    async exportSessionsCsv(range): Promise<ExportFile> {
      const text = await unlocked().exportSessionsCsv(range)
      return { fileName: `role-finder-sessions-${stamp()}.csv`, mimeType: 'text/csv', text }
    },

    countSessions: async (range) => unlocked().countSessions(range),
    summarizeSessions: async (range) => unlocked().summarizeSessions(range),

    importSession: async ({ text, clientId }) => unlocked().importSessionJson(text, clientId ? { clientId } : {}),
  }
}

async function asRefusal(work: () => Promise<CounselorOpenResult>): Promise<CounselorOpenResult> {
  try {
    return await work()
  } catch (error) {
    const refusal = refusalOf(error)
    if (refusal) return refusal
    throw error
  }
}

/** A wrong or throttled passcode, damage, or another window: expected answers, not failures. */
function refusalOf(error: unknown) {
  if (!isStorageError(error) || !(REFUSALS as readonly string[]).includes(error.code)) return null
  return {
    ok: false as const,
    reason: error.code as CounselorRefusal,
    message: error.message,
    waitSeconds: Math.ceil((error.retryAfterMs ?? 0) / 1000),
    ...(error.code === 'damaged'
      ? { damage: { where: error.where ?? '', passcodeChecked: error.passcodeChecked ?? false } }
      : {}),
  }
}
