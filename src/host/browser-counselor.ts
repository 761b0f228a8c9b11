/**
 * Counselor storage and file export for the plain-browser host. Loaded on first use
 * only, so the self-guided app never downloads sql.js or its WebAssembly.
 */
import initSqlJs from 'sql.js'
import { StorageError } from '../storage/errors'
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url'
import { createCounselorService, type CounselorService } from '../counselor/service'
import type { ExportFile, FileApi } from '../shared/counselor-contract'
import { createIndexedDbAdapter } from '../storage/indexeddb-adapter'
import { type LockManagerLike, type WriterLock, createWebWriterLock } from '../storage/writer-lock'

const DATABASE_NAME = 'health-it-role-finder-counselor'

export function createBrowserCounselor(): CounselorService {
  return createCounselorService({
    adapter: createIndexedDbAdapter({ databaseName: DATABASE_NAME }),
    loadSqlJs: () => initSqlJs({ locateFile: () => wasmUrl }),
    writerLock: browserWriterLock(),
  })
}

/**
 * One tab or window at a time may open counselor data: a Web Lock held while it is open.
 * Every current browser has Web Locks on http://127.0.0.1 and file:// pages; without them
 * the counselor area refuses to open rather than risk two writers.
 */
function browserWriterLock(): WriterLock {
  const locks = (navigator as { locks?: LockManagerLike }).locks
  if (locks) return createWebWriterLock(locks, `${DATABASE_NAME}:writer`)
  return {
    async tryAcquire() {
      throw new StorageError(
        'unavailable',
        'This browser cannot keep two windows from changing counselor data at once, so the counselor area cannot ' +
          'open here. Use a current version of Chrome, Edge, Firefox or Safari.',
      )
    },
  }
}

/** Spreadsheet programs read accents in CSV files correctly only with a byte-order mark. */
const BOM = '\uFEFF'

export const browserFiles: FileApi = {
  async saveFile(file: ExportFile) {
    const text = file.mimeType === 'text/csv' && !file.text.startsWith(BOM) ? BOM + file.text : file.text
    const url = URL.createObjectURL(new Blob([text], { type: `${file.mimeType};charset=utf-8` }))
    const link = document.createElement('a')
    link.href = url
    link.download = file.fileName
    link.hidden = true
    document.body.append(link)
    link.click()
    link.remove()
    // Give the download a moment to start before the address is released.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return { saved: true }
  },
  async printToPdf() {
    // The browser's print dialog offers "Save as PDF"; whether the person saved is not known here.
    window.print()
    return { saved: false }
  },
}
