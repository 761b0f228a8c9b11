import path from 'node:path'
import { fileURLToPath } from 'node:url'
import initSqlJs from 'sql.js'
import { createCounselorService, type CounselorServiceOptions } from '../../../src/counselor/service'
import type { CounselorApi } from '../../../src/shared/counselor-contract'
import { createDatabaseFileAdapter } from './database-file'
import { SQL_WASM_FILE } from './sql-wasm'

/** Counselor data for the desktop app: userData/counselor/counselor-data.db, encrypted. */
export function createMainCounselorService(
  userData: string,
  wasmFolder = path.dirname(fileURLToPath(import.meta.url)),
  onStoreChange?: CounselorServiceOptions['onStoreChange'],
): CounselorApi {
  return createCounselorService({
    adapter: createDatabaseFileAdapter(path.join(userData, 'counselor', 'counselor-data.db')),
    loadSqlJs: () => initSqlJs({ locateFile: () => path.join(wasmFolder, SQL_WASM_FILE) }),
    ...(onStoreChange ? { onStoreChange } : {}),
  })
}
