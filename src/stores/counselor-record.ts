/**
 * The record on screen in the counselor area: one client with their sessions, or one
 * session with its result, loaded before the page opens (src/router/counselor-guard.ts);
 * and what changes a record: edit, delete, import.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { content, contentTexts } from '../content'
import { compareResults, type FitChange, type ResultView } from '../domain/report'
import { presentProgress, type RoleProgress } from '../domain/progress'
import { useHost } from '../host'
import { RENDERER_ERROR_LIMITS } from '../shared/error-report'
import { hostErrorOf, type HostErrorInfo } from '../shared/errors'
import type { Client, ClientUpdateInput, Session, SessionSummary } from '../shared/records'
import { useClientListStore } from './counselor-clients'
import { usePreferencesStore } from './preferences'
import { presentIn } from './result-view'

/** Two finished sessions side by side, both worked out with today's questions. */
export interface SessionComparison {
  then: { startedAt: string; best: ResultView['bestFit'] }
  now: { startedAt: string; best: ResultView['bestFit'] }
  rows: FitChange[]
  /** Each role's fit then and now with the answers that moved it, for the progress chart. */
  progress: RoleProgress[]
}

export const useCounselorRecordStore = defineStore('counselor-record', () => {
  /** The client on screen, with their sessions newest first. */
  const client = ref<Client | null>(null)
  const sessions = ref<SessionSummary[]>([])
  /** The session on screen (session page). */
  const session = ref<Session | null>(null)
  /** Why the record for the page could not be opened (e.g. it was deleted): the host's code, for the page to word. */
  const loadError = ref<HostErrorInfo | null>(null)

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
      progress: presentProgress(
        content,
        contentTexts[usePreferencesStore().locale] ?? contentTexts.en,
        then.answers,
        now.answers,
      ),
    }
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

  /**
   * Loads what a counselor page shows, from its route: the client, and the session when
   * there is one. When that fails (e.g. the record was deleted), the page says why.
   */
  async function open(params: { clientId?: string; sessionId?: string }): Promise<void> {
    loadError.value = null
    try {
      if (params.clientId !== undefined) {
        session.value = null
        await loadClient(params.clientId)
      }
      if (params.sessionId !== undefined) await loadSession(params.sessionId)
    } catch (error) {
      loadError.value = hostErrorOf(error)
      client.value = null
      sessions.value = []
      session.value = null
    }
  }

  /** A session without putting it on screen (to continue or compare it). */
  function getSession(sessionId: string): Promise<Session> {
    return useHost().getSession({ sessionId })
  }

  async function updateClient(input: ClientUpdateInput): Promise<Client> {
    const updated = await useHost().updateClient(input)
    if (client.value?.id === updated.id) client.value = updated
    return updated
  }

  async function deleteClient(clientId: string): Promise<void> {
    await useHost().deleteClient({ clientId })
    if (client.value?.id === clientId) forget()
    useClientListStore().drop(clientId)
  }

  /**
   * Imports a session file. A refusal's developer detail (which field, why) goes to the
   * error log for staff; the page shows only its code in plain words.
   */
  async function importSession(text: string, clientId?: string): Promise<Session> {
    let imported: Session
    try {
      imported = await useHost().importSession({ text, ...(clientId ? { clientId } : {}) })
    } catch (error) {
      const { code, message, field } = hostErrorOf(error)
      const detail = `Session import refused (${code}${field ? `, ${field}` : ''}): ${message}`
      await useHost()
        .logError({ kind: 'error', message: detail.slice(0, RENDERER_ERROR_LIMITS.message), where: 'counselor import' })
        .catch(() => undefined)
      throw error
    }
    if (client.value && client.value.id === imported.clientId) await loadClient(imported.clientId)
    return imported
  }

  function forget(): void {
    client.value = null
    sessions.value = []
    session.value = null
    loadError.value = null
  }

  return {
    client,
    sessions,
    session,
    loadError,
    sessionView,
    olderVersion,
    compareSessions,
    open,
    getSession,
    updateClient,
    deleteClient,
    importSession,
    forget,
  }
})
