/**
 * Files from the counselor area: one session as JSON, the guided session on screen
 * when saving it to the record failed, the reporting CSV, and printing. A composable
 * over the host: it keeps no state of its own.
 */
import { useHost } from '../host'
import type { ProgramSummary } from '../shared/program-summary'
import type { DateRange, Session } from '../shared/records'
import { sessionFileName, sessionToJson } from '../shared/session-file'
import { useGuidedStore } from './guided'

export function useCounselorExports() {
  /** Saves one session as a JSON file; resolves with the file name, or null when the person cancelled. */
  async function exportSession(sessionId: string): Promise<string | null> {
    const file = await useHost().exportSession({ sessionId })
    const { saved } = await useHost().saveFile(file)
    return saved ? file.fileName : null
  }

  /**
   * The guided session as it is on screen, as a session file, for when saving it to
   * the record failed: the same format exportSession makes, so it can be imported later.
   */
  async function exportGuided(): Promise<string | null> {
    const guided = useGuidedStore()
    if (!guided.session) return null
    const now = new Date().toISOString()
    const unsaved: Session = {
      ...(await guided.record(guided.session, now)),
      id: guided.session.sessionId ?? globalThis.crypto.randomUUID(),
    }
    const owner = { id: guided.session.clientId, displayName: guided.session.clientName }
    const file = {
      fileName: sessionFileName(unsaved.id, now),
      mimeType: 'application/json' as const,
      text: sessionToJson(unsaved, owner, now),
    }
    const { saved } = await useHost().saveFile(file)
    return saved ? file.fileName : null
  }

  /** Prints the page on screen (Electron: to a PDF file; browser: the print dialog). Resolves whether a file was saved. */
  async function printPage(fileName: string): Promise<boolean> {
    return (await useHost().printToPdf({ fileName })).saved
  }

  /** How many sessions a reporting export with this range would hold. */
  function countSessions(range: DateRange): Promise<number> {
    return useHost().countSessions(range)
  }

  /** The program summary of the sessions a reporting export with this range would hold. */
  function summarizeSessions(range: DateRange): Promise<ProgramSummary> {
    return useHost().summarizeSessions(range)
  }

  /** Saves the sessions in the range as a CSV file; null when there are none (nothing is made). */
  async function exportCsv(range: DateRange): Promise<{ fileName: string; count: number; saved: boolean } | null> {
    const count = await countSessions(range)
    // A file of column names only helps nobody: the page says there is nothing to export instead.
    if (count === 0) return null
    const file = await useHost().exportSessionsCsv(range)
    const { saved } = await useHost().saveFile(file)
    return { fileName: file.fileName, count, saved }
  }

  return { exportSession, exportGuided, printPage, countSessions, summarizeSessions, exportCsv }
}
