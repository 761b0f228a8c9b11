import path from 'node:path'
import { fileURLToPath } from 'node:url'
import initSqlJs from 'sql.js'
import {
  createCounselorService,
  type CounselorService,
  type CounselorServiceOptions,
} from '../../../src/counselor/service'
import { createProcessWriterLock } from '../../../src/storage/writer-lock'
import { createDatabaseFileAdapter } from './database-file'
import { SQL_WASM_FILE } from './sql-wasm'

/**
 * Counselor data for the desktop app: userData/counselor/counselor-data.db, encrypted.
 * One writer: Electron's single-instance lock keeps a second process away, and the
 * writer lock (named after the file) keeps a second service in this process away, so
 * concurrent opens from windows share the one open store.
 */
export function createMainCounselorService(
  userData: string,
  wasmFolder = path.dirname(fileURLToPath(import.meta.url)),
  onStoreChange?: CounselorServiceOptions['onStoreChange'],
): CounselorService {
  const databasePath = path.join(userData, 'counselor', 'counselor-data.db')
  return createCounselorService({
    adapter: createDatabaseFileAdapter(databasePath),
    loadSqlJs: () => initSqlJs({ locateFile: () => path.join(wasmFolder, SQL_WASM_FILE) }),
    writerLock: createProcessWriterLock(path.resolve(databasePath)),
    ...(onStoreChange ? { onStoreChange } : {}),
  })
}
