/**
 * A counselor-guided session: whose it is, the counselor's notes, and saving the
 * answers to the client's encrypted record (through the host) instead of as
 * self-guided progress. The answers themselves stay in the assessment store.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { sessionResultOf } from '../domain/session-result'
import type { Answers } from '../domain/types'
import { useHost } from '../host'
import type { Session } from '../shared/records'
import { useAssessmentStore } from './assessment'
import { usePreferencesStore } from './preferences'

export interface GuidedSession {
  clientId: string
  clientName: string
  /** Set once the first save has created the session. */
  sessionId?: string
  startedAt: string
  /** The counselor's note per question id. */
  notes: Record<string, string>
}

/** A guided session as a stored record; without an id until the first save has made one. */
export type GuidedRecord = Omit<Session, 'id'> & { id?: string }

export const useGuidedStore = defineStore('guided', () => {
  const session = ref<GuidedSession | null>(null)
  /**
   * From the start of a guided session until the passcode is entered again or the area
   * locks: the client at the screen may answer the questions, but any other page needs
   * the passcode (src/router: guided-guard.ts). Outlives `end()` on purpose, so a page
   * that ends the session and then opens the record still asks for the passcode.
   */
  const shielded = ref(false)

  /**
   * The session as it is on screen, as a stored record: what saving sends, and what an
   * export writes when saving failed. Finished once every answer is in (scored then, with the
   * engine loaded if it was not yet: a finished session is never saved without its result).
   */
  async function record(guided: GuidedSession, now = new Date().toISOString()): Promise<GuidedRecord> {
    const assessment = useAssessmentStore()
    const scored = await assessment.scoredResult()
    return {
      ...(guided.sessionId ? { id: guided.sessionId } : {}),
      clientId: guided.clientId,
      startedAt: guided.startedAt,
      completedAt: scored ? now : null,
      locale: usePreferencesStore().locale,
      // Plain copies: reactive proxies cannot cross Electron's IPC.
      answers: JSON.parse(JSON.stringify(assessment.givenAnswers)) as Answers,
      counselorNotes: { ...guided.notes },
      result: scored ? sessionResultOf(scored) : null,
    }
  }

  /** Saves the answers to the client's record; the first save creates the session. Throws when it fails. */
  async function saveAnswers(): Promise<void> {
    const guided = session.value
    if (!guided) return
    const saved = await useHost().saveSession(await record(guided))
    guided.sessionId = saved.id
  }

  /** Starts a counselor-guided session for a client, with empty answers. */
  function start(client: { id: string; displayName: string }): void {
    session.value = {
      clientId: client.id,
      clientName: client.displayName,
      startedAt: new Date().toISOString(),
      notes: {},
    }
    shielded.value = true
    useAssessmentStore().replaceAnswers({})
  }

  /** Continues an unfinished guided session from the client's record. */
  function resume(
    client: { id: string; displayName: string },
    stored: { id: string; startedAt: string; answers: Answers; counselorNotes: Record<string, string> },
  ): void {
    session.value = {
      clientId: client.id,
      clientName: client.displayName,
      sessionId: stored.id,
      startedAt: stored.startedAt,
      notes: { ...stored.counselorNotes },
    }
    shielded.value = true
    useAssessmentStore().replaceAnswers({ ...stored.answers })
  }

  function setNote(questionId: string, text: string): void {
    if (!session.value) return
    const notes = { ...session.value.notes }
    if (text.trim()) notes[questionId] = text
    else delete notes[questionId]
    session.value.notes = notes
    void useAssessmentStore().save()
  }

  /** Ends the guided session: waits for the last save, then forgets the answers here. */
  async function end(): Promise<void> {
    const assessment = useAssessmentStore()
    await assessment.settled()
    session.value = null
    assessment.replaceAnswers({})
  }

  /** The passcode was entered again, or the area locked: other pages are open to the counselor again. */
  function unshield(): void {
    shielded.value = false
  }

  return { session, shielded, unshield, record, saveAnswers, start, resume, setNote, end }
})
