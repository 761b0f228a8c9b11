/**
 * Counselor-mode storage: encrypted SQLite (sql.js) that runs unchanged in Electron's
 * main process and in a browser. Platform code stays outside: pass a
 * PersistenceAdapter (electron/main/services/database-file.ts or ./indexeddb-adapter)
 * and a function that loads sql.js. Record types and schemas are part of the contract:
 * src/shared/records.ts.
 */
export { checkCounselorPasscode, openCounselorStore, startCounselorStoreAfresh } from './open-counselor-store'
export type {
  CheckPasscodeOptions,
  OpenCounselorStoreOptions,
  OpenStatus,
  OpenedCounselorStore,
  StartAfreshOptions,
} from './open-counselor-store'
// A type only: stores come from openCounselorStore, never from `new`.
export type { CounselorStore, ImportTarget } from './counselor-store'
export { eraseAllCounselorData, getCounselorStorageStatus } from './storage-maintenance'
export type { CounselorStorageStatus } from './storage-maintenance'
export { StorageError, isStorageError, toPlainStorageError } from './errors'
export type { StorageErrorCode } from './errors'
export type { KeptCopy, PersistenceAdapter } from './persistence-adapter'
export { createProcessWriterLock, createWebWriterLock } from './writer-lock'
export type { LockManagerLike, ReleaseLock, WriterLock } from './writer-lock'
export { DEFAULT_KDF_ITERATIONS } from './passcode-crypto'
export { CSV_COLUMNS } from './sessions-csv'
