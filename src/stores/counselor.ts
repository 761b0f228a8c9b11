/**
 * Counselor mode in the renderer: whether the counselor area is open, the client
 * list, and the client or session on screen. Orchestrates only: the encrypted
 * records live behind the host (src/counselor/service.ts), whose errors carry a code
 * that the pages word in the counselor's language.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import { initHost, useHost } from '../host'
import type { CounselorOpenResult, CounselorStatus } from '../shared/counselor-contract'
import { hostErrorOf, type HostErrorInfo } from '../shared/errors'
import type {
  Client,
  ClientSummary,
  ClientUpdateInput,
  NewClientInput,
  Session,
  SessionSummary,
} from '../shared/records'
import { sessionFileName, sessionToJson } from '../shared/session-file'
import { content } from '../content'
import { compareResults, type FitChange, type ResultView } from '../domain/report'
import { usePreferencesStore } from './preferences'
import { presentIn } from './result-view'
import { useAssessmentStore } from './assessment'
import { useKioskStore } from './kiosk'

/** A short message for the next page, e.g. "Client added" after the form. Kept as a key so the language can change. */
export interface Flash {
  key: string
  params?: Record<string, string | number>
}

/** How many data rows a CSV file from exportSessionsCsv has (quoted fields may hold commas, quotes and line breaks). */
export function countCsvRows(text: string): number {
  let rows = 0
  let inQuotes = false
  let rowHasContent = false
  const body = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < body.length; i++) {
    const char = body[i]
    if (inQuotes) {
      if (char === '"') {
        if (body[i + 1] === '"') i++
        else inQuotes = false
      }
      continue
    }
    if (char === '"') {
      inQuotes = true
      rowHasContent = true
    } else if (char === '\n') {
      if (rowHasContent) rows++
      rowHasContent = false
    } else if (char !== '\r') {
      rowHasContent = true
    }
  }
  if (rowHasContent) rows++
  // The first row names the columns.
  return Math.max(0, rows - 1)
}

/** Two finished sessions side by side, both worked out with today's questions. */
export interface SessionComparison {
  then: { startedAt: string; best: ResultView['bestFit'] }
  now: { startedAt: string; best: ResultView['bestFit'] }
  rows: FitChange[]
}

export const useCounselorStore = defineStore('counselor', () => {
  const status = ref<CounselorStatus | null>(null)
  const clients = ref<ClientSummary[]>([])
  const query = ref('')
  /** The client on screen, with their sessions newest first. */
  const client = ref<Client | null>(null)
  const sessions = ref<SessionSummary[]>([])
  /** The session on screen (session page). */
  const session = ref<Session | null>(null)
  /** Why the record for the page could not be opened (e.g. it was deleted): the host's code, for the page to word. */
  const loadError = ref<HostErrorInfo | null>(null)
  const flash = ref<Flash | null>(null)

  /** A stored session's result as the results page shows it, worked out again with today's content. */
  function presentSession(stored: Session): ResultView {
    return presentIn(usePreferencesStore().locale, stored.answers)
  }
  /** The open session's result, once it is finished. */
  const sessionView = computed(() => (session.value?.result ? presentSession(session.value) : null))
  /** The content version the open session was scored with, when it is not today's. */
  const olderVersion = computed(() => {
    const version = session.value?.result?.contentVersion
    return version && version !== content.version ? version : null
  })

  function compareSessions(then: Session, now: Session): SessionComparison {
    const [before, after] = [presentSession(then), presentSession(now)]
    return {
      then: { startedAt: then.startedAt, best: before.bestFit },
      now: { startedAt: now.startedAt, best: after.bestFit },
      rows: compareResults(content, before, after),
    }
  }

  async function refreshStatus(): Promise<CounselorStatus> {
    status.value = await useHost().counselorStatus()
    return status.value
  }

  /** Opens the counselor area (creating it on first use). Expected refusals come back as `ok: false`. */
  async function open(passcode: string): Promise<CounselorOpenResult> {
    const result = await useHost().counselorOpen({ passcode })
    await refreshStatus().catch(() => undefined)
    return result
  }

  function forget(): void {
    clients.value = []
    query.value = ''
    client.value = null
    sessions.value = []
    session.value = null
    loadError.value = null
  }

  /** Ends a guided session first (its last answers are saved), then closes the records. */
  async function lock(): Promise<void> {
    const assessment = useAssessmentStore()
    if (assessment.guided) await assessment.endGuided()
    await useHost().counselorLock()
    forget()
    await refreshStatus().catch(() => undefined)
  }

  async function changePasscode(current: string, next: string): Promise<void> {
    await useHost().counselorChangePasscode({ current, next })
  }

  /** The reset for a forgotten passcode: every client, session and note is erased for good. */
  async function eraseAll(): Promise<void> {
    const assessment = useAssessmentStore()
    if (assessment.guided) await assessment.endGuided()
    await useHost().counselorEraseAll()
    forget()
    await refreshStatus().catch(() => undefined)
  }

  async function search(text: string): Promise<ClientSummary[]> {
    query.value = text
    const found = await useHost().listClients({ query: text.trim() })
    // A slower, older search must not replace a newer one.
    if (query.value === text) clients.value = found
    return found
  }

  async function addClient(input: NewClientInput): Promise<Client> {
    return useHost().createClient(input)
  }

  async function updateClient(input: ClientUpdateInput): Promise<Client> {
    const updated = await useHost().updateClient(input)
    if (client.value?.id === updated.id) client.value = updated
    return updated
  }

  async function loadClient(clientId: string): Promise<void> {
    const found = await useHost().getClient({ clientId })
    client.value = found.client
    sessions.value = found.sessions
  }

  async function loadSession(sessionId: string): Promise<Session> {
    const found = await useHost().getSession({ sessionId })
    session.value = found
    if (client.value?.id !== found.clientId) await loadClient(found.clientId)
    return found
  }

  function getSession(sessionId: string): Promise<Session> {
    return useHost().getSession({ sessionId })
  }

  async function deleteClient(clientId: string): Promise<void> {
    await useHost().deleteClient({ clientId })
    if (client.value?.id === clientId) {
      client.value = null
      sessions.value = []
      session.value = null
    }
    clients.value = clients.value.filter((c) => c.id !== clientId)
  }

  /** Saves one session as a JSON file; resolves with the file name, or null when the person cancelled. */
  async function exportSession(sessionId: string): Promise<string | null> {
    const file = await useHost().exportSession({ sessionId })
    const { saved } = await useHost().saveFile(file)
    return saved ? file.fileName : null
  }

  async function importSession(text: string, clientId?: string): Promise<Session> {
    const imported = await useHost().importSession({ text, ...(clientId ? { clientId } : {}) })
    if (client.value && client.value.id === imported.clientId) await loadClient(imported.clientId)
    return imported
  }

  /**
   * The guided session as it is on screen, as a session file, for when saving it to
   * the record failed: the same format exportSession makes, so it can be imported later.
   */
  async function exportGuided(): Promise<string | null> {
    const assessment = useAssessmentStore()
    const guided = assessment.guided
    if (!guided) return null
    const now = new Date().toISOString()
    const scored = assessment.result
    const sessionId = guided.sessionId ?? globalThis.crypto.randomUUID()
    const unsaved: Session = {
      id: sessionId,
      clientId: guided.clientId,
      startedAt: guided.startedAt,
      completedAt: scored ? now : null,
      locale: usePreferencesStore().locale,
      answers: JSON.parse(JSON.stringify(assessment.givenAnswers)) as Session['answers'],
      counselorNotes: { ...guided.notes },
      result: scored
        ? {
            fits: Object.fromEntries(scored.ranking.map((s) => [s.roleId, s.shownFit])) as NonNullable<
              Session['result']
            >['fits'],
            bestFit: scored.bestFit,
            contentVersion: scored.contentVersion,
          }
        : null,
    }
    // Only the id and name are written to the file; the rest is what a Client needs to be one.
    const owner: Client = {
      id: guided.clientId,
      displayName: guided.clientName,
      contact: null,
      notes: '',
      createdAt: now,
      updatedAt: now,
    }
    const file = {
      fileName: sessionFileName(sessionId, now),
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
  async function countSessions(range: { from?: string; to?: string }): Promise<number> {
    const file = await useHost().exportSessionsCsv(range)
    return countCsvRows(file.text)
  }

  /** Saves the sessions in the range as a CSV file, unless there are none. */
  async function exportCsv(range: {
    from?: string
    to?: string
  }): Promise<{ fileName: string; count: number; saved: boolean }> {
    const file = await useHost().exportSessionsCsv(range)
    const count = countCsvRows(file.text)
    // A file of column names only helps nobody: the page says there is nothing to export instead.
    if (count === 0) return { fileName: file.fileName, count, saved: false }
    const { saved } = await useHost().saveFile(file)
    return { fileName: file.fileName, count, saved }
  }

  function say(key: string, params?: Record<string, string | number>): void {
    flash.value = params ? { key, params } : { key }
  }

  /** Hands over the message for the page just opened, once. */
  function takeFlash(): Flash | null {
    const message = flash.value
    flash.value = null
    return message
  }

  /**
   * The router's check before any counselor page: never in a kiosk; the passcode
   * first; and the client or session the page shows, loaded before it opens so the
   * page's heading is right when focus lands on it.
   */
  async function guard(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
    // The first navigation can run before main.ts has picked the host.
    const host = await initHost()
    if (useKioskStore().enabled || (await host.getAppInfo()).kiosk) return { path: '/' }
    let current: CounselorStatus
    try {
      current = await refreshStatus()
    } catch (error) {
      // Counselor storage could not even be checked: the gate explains.
      status.value = null
      loadError.value = hostErrorOf(error)
      return to.meta.counselorPublic ? true : { name: 'counselor-gate' }
    }
    if (to.meta.counselorPublic) {
      return to.name === 'counselor-gate' && current.unlocked ? { name: 'counselor-clients' } : true
    }
    if (!current.unlocked) return { name: 'counselor-gate', query: { next: to.fullPath } }
    loadError.value = null
    try {
      if (typeof to.params.clientId === 'string') {
        session.value = null
        await loadClient(to.params.clientId)
      }
      if (typeof to.params.sessionId === 'string') await loadSession(to.params.sessionId)
    } catch (error) {
      loadError.value = hostErrorOf(error)
      client.value = null
      sessions.value = []
      session.value = null
    }
    return true
  }

  return {
    status,
    clients,
    query,
    client,
    sessions,
    session,
    sessionView,
    olderVersion,
    compareSessions,
    loadError,
    flash,
    refreshStatus,
    open,
    lock,
    changePasscode,
    eraseAll,
    search,
    addClient,
    updateClient,
    loadClient,
    loadSession,
    getSession,
    deleteClient,
    exportSession,
    exportGuided,
    printPage,
    importSession,
    countSessions,
    exportCsv,
    say,
    takeFlash,
    guard,
  }
})
