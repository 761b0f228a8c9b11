import type { ExportFile, FileApi } from '../../../src/shared/counselor-contract'
import { writeFileAtomic } from './atomic-file'
import { describeFileError } from './progress-store'
import { UserFacingError } from './user-facing-error'

export interface FileServiceDeps {
  /** Asks where to save; resolves to the chosen path, or undefined when cancelled. */
  chooseSavePath(defaultName: string, kind: 'json' | 'csv' | 'pdf'): Promise<string | undefined>
  /** The current page as a one-page PDF (webContents.printToPDF with the print stylesheet). */
  renderPdf(): Promise<Uint8Array>
  write?: (file: string, data: string | Uint8Array) => Promise<void>
}

/** UTF-8 with a byte-order mark, so spreadsheet programs read accents in CSV files correctly. */
const BOM = '\uFEFF'

/**
 * Exports and printouts on the desktop: a save dialog, then an atomic write, so a
 * crash never leaves half a file where the counselor expects a whole one.
 */
export function createFileService({ chooseSavePath, renderPdf, write = writeFileAtomic }: FileServiceDeps): FileApi {
  async function saveTo(target: string, data: string | Uint8Array): Promise<void> {
    try {
      await write(target, data)
    } catch (error) {
      throw new UserFacingError(`The file could not be saved (${describeFileError(error)}). Try another folder.`, {
        code: 'write-failed',
        cause: error,
      })
    }
  }

  return {
    async saveFile(file: ExportFile) {
      const target = await chooseSavePath(file.fileName, file.mimeType === 'text/csv' ? 'csv' : 'json')
      if (!target) return { saved: false }
      const text = file.mimeType === 'text/csv' && !file.text.startsWith(BOM) ? BOM + file.text : file.text
      await saveTo(target, text)
      return { saved: true }
    },
    async printToPdf({ fileName }) {
      const target = await chooseSavePath(fileName, 'pdf')
      if (!target) return { saved: false }
      await saveTo(target, await renderPdf())
      return { saved: true }
    },
  }
}
