/**
 * Counselor storage and file export for the plain-browser host. Loaded on first use
 * only, so the self-guided app never downloads sql.js or its WebAssembly.
 */
import initSqlJs from 'sql.js'
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url'
import { createCounselorService } from '../counselor/service'
import type { CounselorApi, ExportFile, FileApi } from '../shared/counselor-contract'
import { createIndexedDbAdapter } from '../storage/indexeddb-adapter'

export function createBrowserCounselor(): CounselorApi {
  return createCounselorService({
    adapter: createIndexedDbAdapter(),
    loadSqlJs: () => initSqlJs({ locateFile: () => wasmUrl }),
  })
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
