/**
 * What counselor mode can do with its stored clients and sessions. Obtained from
 * `openCounselorStore`. Every method validates its input at run time (callers may be
 * on the far side of IPC) and rejects only with StorageError. Reads are served from
 * memory; a change resolves once it is durable on disk.
 */
import { z } from '../shared/zod'
import type { CenterConnection } from '../shared/center-contract'
import { deleteClientRows, findClient, listClientSummaries } from './client-table'
import type { Change } from './changes'
import {
  type OutboxItem,
  type RecordVersion,
  clientHasWaitingChanges,
  countOutbox,
  newChangeId,
  outboxEntriesFor,
  readCenterLink,
  readOutbox,
  readVersions,
} from './center-outbox'
import type { EncryptedDatabase } from './encrypted-database'
import { StorageError, guarded, writeFailed } from './errors'
import { deriveKey, keyCheckPasses, newKdfParams, sealKeyCheck } from './passcode-crypto'
import { clearReport } from './meta-record'
import { passcodeAttempt } from './passcode-throttle'
import type { PersistenceAdapter } from './persistence-adapter'
import {
  type Client,
  type ClientSummary,
  type ClientUpdateInput,
  type DateRange,
  type NewClientInput,
  type Session,
  type SessionInput,
  type SessionSummary,
  clientUpdateInputSchema,
  dateRangeSchema,
  newClientInputSchema,
  recordIdSchema,
  searchQuerySchema,
  sessionInputSchema,
} from '../shared/records'
import { sessionToJson } from '../shared/session-file'
import { checkSessionAgainstContent } from './session-checks'
import { parseSessionJson } from './session-file'
import { countSessionsForExport, findSession, listSessionSummaries, listSessionsForExport } from './session-table'
import { sessionsToCsv } from './sessions-csv'
import { content } from '../content'
import { summarizeProgram } from '../domain/program-summary'
import type { ProgramSummary } from '../shared/program-summary'
import { inTransaction } from './sql-helpers'
import { parseOrThrow } from './validation'

export const currentPasscodeSchema = z.string().min(1).max(1024)
export const newPasscodeSchema = z.string().min(8, 'must be at least 8 characters').max(1024)

export interface StoreSettings {
  adapter: PersistenceAdapter
  now: () => number
  /** Iterations for keys made from now on (a changed passcode). */
  kdfIterations: number
}

const importTargetSchema = z
  .object({
    /** Attach the session to this client. Without it: the client named in the file, created if missing. */
    clientId: recordIdSchema.optional(),
  })
  .strict()
export type ImportTarget = z.input<typeof importTargetSchema>

export class CounselorStore {
  // TypeScript `private`, not `#private`: the security scan's parser cannot read class private
  // fields, and a bundle it cannot read fails `npm run security`.
  private isClosed = false
  private reportGiven = false

  constructor(
    private readonly database: EncryptedDatabase,
    private readonly settings: StoreSettings,
  ) {}

  createClient(input: NewClientInput): Promise<Client> {
    return this.operation(() => {
      const data = parseOrThrow(newClientInputSchema, input, { action: 'Could not add the client', what: 'client' })
      const stamp = this.timestamp()
      const client: Client = {
        id: newId(),
        displayName: data.displayName,
        contact: data.contact ?? null,
        notes: data.notes ?? '',
        createdAt: stamp,
        updatedAt: stamp,
      }
      return this.database.change(() => ({ changes: this.queued([{ kind: 'client', client }]), result: client }))
    })
  }

  /** Changes only the fields given; `contact: null` (or blank) removes the contact. */
  updateClient(input: ClientUpdateInput): Promise<Client> {
    return this.operation(() => {
      const data = parseOrThrow(clientUpdateInputSchema, input, {
        action: 'Could not update the client',
        what: 'client',
      })
      return this.database.change(() => {
        const existing = this.requireClient(data.id, 'id')
        const client: Client = {
          ...existing,
          displayName: data.displayName ?? existing.displayName,
          contact: data.contact === undefined ? existing.contact : data.contact,
          notes: data.notes ?? existing.notes,
          updatedAt: this.timestamp(),
        }
        return { changes: this.queued([{ kind: 'client', client }]), result: client }
      })
    })
  }

  /** Every client, ordered by name. */
  listClients(): Promise<ClientSummary[]> {
    return this.operation(() => listClientSummaries(this.database.db))
  }

  /** Clients whose name or contact contains `query`, ignoring case and accents. */
  searchClients(query: string): Promise<ClientSummary[]> {
    return this.operation(() => {
      const text = parseOrThrow(searchQuerySchema, query, { action: 'Could not search', what: 'query' })
      return listClientSummaries(this.database.db, text)
    })
  }

  getClient(clientId: string): Promise<Client> {
    return this.operation(() => this.requireClient(this.checkedId(clientId, 'clientId'), 'clientId'))
  }

  /** The client's sessions, newest first. */
  listSessions(clientId: string): Promise<SessionSummary[]> {
    return this.operation(() => {
      const id = this.requireClient(this.checkedId(clientId, 'clientId'), 'clientId').id
      return listSessionSummaries(this.database.db, id)
    })
  }

  /** Creates the session (no id, or an id not stored yet) or replaces the stored one. */
  saveSession(input: SessionInput): Promise<Session> {
    return this.operation(() => {
      const data = parseOrThrow(sessionInputSchema, input, { action: 'Could not save the session', what: 'session' })
      return this.database.change(() => {
        this.requireClient(data.clientId, 'clientId')
        const existing = data.id === undefined ? null : findSession(this.database.db, data.id)
        if (existing && existing.clientId !== data.clientId) {
          throw new StorageError(
            'invalid-input',
            'Could not save the session: "clientId" cannot change for a saved session.',
            { field: 'clientId' },
          )
        }
        const session: Session = {
          id: data.id ?? newId(),
          clientId: data.clientId,
          startedAt: data.startedAt,
          completedAt: data.completedAt ?? null,
          locale: data.locale,
          answers: data.answers,
          counselorNotes: data.counselorNotes ?? {},
          result: data.result ?? null,
        }
        // A session stored under older questions keeps its answers and result as they were
        // checked then; only changed answers or results are checked against today's questions.
        const unchanged =
          existing !== null &&
          JSON.stringify([existing.answers, existing.result]) === JSON.stringify([session.answers, session.result])
        if (!unchanged) checkSessionAgainstContent(session, 'Could not save the session')
        return { changes: this.queued([{ kind: 'session', session }]), result: session }
      })
    })
  }

  getSession(sessionId: string): Promise<Session> {
    return this.operation(() => this.requireSession(this.checkedId(sessionId, 'sessionId')))
  }

  /**
   * Erases the client, every session and every note for good: the rows are deleted,
   * the database is VACUUMed (secure_delete also zeroes freed pages) and the file is
   * rewritten with a fresh journal, so no copy remains in either file. Copies kept after
   * damage may hold the client too, so they are removed as well.
   */
  deleteClient(clientId: string): Promise<void> {
    return this.operation(() => {
      const id = this.checkedId(clientId, 'clientId')
      return this.database.exclusive(async () => {
        this.requireClient(id, 'clientId')
        const db = this.database.db
        inTransaction(db, () => deleteClientRows(db, id))
        db.run('VACUUM')
        // Until the rewrite succeeds the journal on disk still holds the client: never append to it again.
        this.database.abandonJournal()
        const outcome = await this.database.rewrite().catch((error: unknown) => {
          throw rephraseWriteFailure(
            error,
            'The client was removed here, but not yet from the disk',
            'It will be removed from the disk at the next save that succeeds.',
          )
        })
        if (outcome === 'journal-not-reset') {
          throw new StorageError(
            'write-failed',
            'The client was deleted, but an older copy of recent changes could not be cleared from the disk yet. ' +
              'It will be cleared at the next save; check that the disk has free space.',
          )
        }
        await this.removeKeptCopies('The client was deleted')
      })
    })
  }

  exportSessionJson(sessionId: string): Promise<string> {
    return this.operation(() => {
      const session = this.requireSession(this.checkedId(sessionId, 'sessionId'))
      const client = this.requireClient(session.clientId, 'clientId')
      return sessionToJson(session, client, this.timestamp())
    })
  }

  /**
   * Imports a file made by `exportSessionJson`. An already stored session is never
   * overwritten: importing it again is refused with `conflict`. Answers must fit the
   * question bank and the result must be what they score (session-checks.ts).
   */
  importSessionJson(json: string, target: ImportTarget = {}): Promise<Session> {
    return this.operation(() => {
      const file = parseSessionJson(json)
      checkSessionAgainstContent(file.session, 'This session was not imported')
      const targetClientId = parseOrThrow(importTargetSchema, target, {
        action: 'Could not import the session',
        what: 'target',
      }).clientId
      return this.database.change(() => {
        if (findSession(this.database.db, file.session.id)) {
          throw new StorageError('conflict', 'This session is already stored, so it was not imported again.', {
            field: 'session.id',
          })
        }
        const changes: Change[] = []
        let clientId = targetClientId ?? file.client.id
        if (targetClientId !== undefined) {
          this.requireClient(targetClientId, 'clientId')
        } else if (!findClient(this.database.db, file.client.id)) {
          const stamp = this.timestamp()
          const client: Client = {
            id: file.client.id,
            displayName: file.client.displayName,
            contact: null,
            notes: '',
            createdAt: stamp,
            updatedAt: stamp,
          }
          changes.push({ kind: 'client', client })
          clientId = client.id
        }
        const session: Session = { ...file.session, clientId }
        changes.push({ kind: 'session', session })
        return { changes: this.queued(changes), result: session }
      })
    })
  }

  /** All sessions, or those started in [from, to), oldest first. See sessions-csv.ts for the format. */
  exportSessionsCsv(range: DateRange = {}): Promise<string> {
    return this.operation(() => {
      const { from, to } = parseOrThrow(dateRangeSchema, range, { action: 'Could not export', what: 'range' })
      return sessionsToCsv(listSessionsForExport(this.database.db, from, to))
    })
  }

  /** The program summary of the sessions exportSessionsCsv would write for this range (src/domain/program-summary.ts). */
  summarizeSessions(range: DateRange = {}): Promise<ProgramSummary> {
    return this.operation(() => {
      const parsed = parseOrThrow(dateRangeSchema, range, { action: 'Could not summarize the sessions', what: 'range' })
      return summarizeProgram(content, listSessionsForExport(this.database.db, parsed.from, parsed.to), parsed)
    })
  }

  /** How many sessions exportSessionsCsv would write for this range. */
  countSessions(range: DateRange = {}): Promise<number> {
    return this.operation(() => {
      const { from, to } = parseOrThrow(dateRangeSchema, range, {
        action: 'Could not count the sessions',
        what: 'range',
      })
      return countSessionsForExport(this.database.db, from, to)
    })
  }

  /**
   * Re-encrypts everything under a key from the new passcode. Wrong `current` counts as a
   * wrong try. Kept copies of damaged data are under the old key and cannot be re-encrypted
   * (they could not be read), so they are removed: the old passcode then opens nothing.
   */
  changePasscode(current: string, next: string): Promise<void> {
    return this.operation(() => {
      const currentPasscode = parseOrThrow(currentPasscodeSchema, current, {
        action: 'Could not change the passcode',
        what: 'current',
      })
      const nextPasscode = parseOrThrow(newPasscodeSchema, next, {
        action: 'Could not change the passcode',
        what: 'next',
      })
      return this.database.exclusive(async () => {
        const keyring = this.database.currentKeyring
        await this.checkPasscode(currentPasscode)
        const kdf = newKdfParams(Math.max(this.settings.kdfIterations, keyring.kdf.iterations))
        const key = await deriveKey(nextPasscode, kdf)
        // The journal restarts under the new key even if its reset fails (the next save then rewrites).
        await this.database.rewrite({ key, kdf, keyCheck: await sealKeyCheck(key, kdf) }).catch((error: unknown) => {
          throw rephraseWriteFailure(error, 'The passcode could not be changed', 'The old passcode still works.')
        })
        await this.removeKeptCopies('The passcode was changed')
      })
    })
  }

  /** Checks a passcode against the open store's key, throttled like any try; throws wrong-passcode or locked. */
  verifyPasscode(passcode: string): Promise<void> {
    return this.operation(async () => {
      const checked = parseOrThrow(currentPasscodeSchema, passcode, { action: 'Could not check', what: 'passcode' })
      await this.checkPasscode(checked)
    })
  }

  // Center mode (center-outbox.ts). Saves above add outbox entries once a center is linked.

  /** The center connection kept in this database, or null when not in center mode. */
  centerLink(): Promise<CenterConnection | null> {
    return this.operation(() => readCenterLink(this.database.db))
  }

  /** Links (or, with null, unlinks) a center. Linking queues every record the center has not seen. */
  setCenterLink(settings: CenterConnection | null): Promise<void> {
    return this.operation(() =>
      this.database.change(() => {
        const linkedAt = this.timestamp()
        const changes: Change[] = [{ kind: 'center-link', settings, linkedAt }]
        if (settings) changes.push({ kind: 'outbox-add-all', prefix: newChangeId(), queuedAt: linkedAt })
        return { changes, result: undefined }
      }),
    )
  }

  /** The oldest changes waiting to be sent, each with its record as it is now. */
  centerOutbox(limit: number): Promise<OutboxItem[]> {
    return this.operation(() => readOutbox(this.database.db, limit))
  }

  centerWaitingCount(): Promise<number> {
    return this.operation(() => countOutbox(this.database.db))
  }

  /** The center answered these changes; a null version means a conflict (the known version stays). */
  centerChangesDone(done: { changeId: string; version: RecordVersion | null }[]): Promise<void> {
    if (done.length === 0) return Promise.resolve()
    return this.operation(() =>
      this.database.change(() => ({ changes: [{ kind: 'outbox-done', done }], result: undefined })),
    )
  }

  /** The center's version of every record held here that the center has seen. */
  centerVersions(): Promise<RecordVersion[]> {
    return this.operation(() => readVersions(this.database.db))
  }

  /**
   * Keeps copies received from the center, with their versions, without queuing them to be
   * sent back. Refused (returns false) while changes to the same client wait to be sent:
   * they would otherwise be overwritten unseen.
   */
  acceptCenterCopies(copy: {
    client: Client | null
    sessions: Session[]
    versions: RecordVersion[]
  }): Promise<boolean> {
    const clientId = copy.client?.id ?? copy.sessions[0]?.clientId ?? copy.versions[0]?.clientId
    return this.operation(async () => {
      try {
        await this.database.change(() => {
          if (clientId !== undefined && clientHasWaitingChanges(this.database.db, clientId)) {
            // Thrown inside the plan, so nothing is written.
            throw new StorageError('conflict', 'This client has changes waiting to be sent.')
          }
          return { changes: [{ kind: 'center-copy', ...copy }], result: undefined }
        })
        return true
      } catch (error) {
        if (error instanceof StorageError && error.code === 'conflict') return false
        throw error
      }
    })
  }

  /** Waits for pending writes, then frees memory. Later calls reject with `closed`. */
  close(): Promise<void> {
    return guarded(async () => {
      if (this.isClosed) return
      this.isClosed = true
      await this.database.close()
      // Best effort: if it stays, the next open says it again.
      if (this.reportGiven) await clearReport(this.settings.adapter).catch(() => undefined)
    })
  }

  /** The open that made this store reported damage: the report is cleared when the store closes. */
  clearReportOnClose(): void {
    this.reportGiven = true
  }

  private async checkPasscode(passcode: string): Promise<void> {
    const { adapter, now } = this.settings
    const { kdf, keyCheck } = this.database.currentKeyring
    await passcodeAttempt(adapter, now, async () =>
      (await keyCheckPasses(await deriveKey(passcode, kdf), kdf, keyCheck)) ? true : null,
    )
  }

  private async removeKeptCopies(whatWasDone: string): Promise<void> {
    try {
      await this.settings.adapter.removeCopies()
    } catch (error) {
      throw writeFailed(
        error,
        `${whatWasDone}, but older copies of damaged data could not be removed from the disk yet`,
        'They will be removed the next time a client is deleted or the passcode is changed.',
      )
    }
  }

  /** A save's changes, plus an outbox entry for each when this computer is linked to a center. */
  private queued(changes: Change[]): Change[] {
    const records = changes.filter(
      (change): change is Extract<Change, { kind: 'client' | 'session' }> =>
        change.kind === 'client' || change.kind === 'session',
    )
    return [...changes, ...outboxEntriesFor(this.database.db, records, this.timestamp())]
  }

  private operation<T>(work: () => Promise<T> | T): Promise<T> {
    return guarded(() => {
      if (this.isClosed) throw new StorageError('closed', 'Counselor data is closed. Open it again with the passcode.')
      return work()
    })
  }

  private checkedId(value: unknown, field: string): string {
    return parseOrThrow(recordIdSchema, value, { action: 'Could not find the record', what: field })
  }

  private requireClient(id: string, field: string): Client {
    const client = findClient(this.database.db, id)
    if (!client) throw new StorageError('not-found', 'That client is not stored (it may have been deleted).', { field })
    return client
  }

  private requireSession(id: string): Session {
    const session = findSession(this.database.db, id)
    if (!session) {
      throw new StorageError('not-found', 'That session is not stored (it may have been deleted).', {
        field: 'sessionId',
      })
    }
    return session
  }

  private timestamp(): string {
    return new Date(this.settings.now()).toISOString()
  }
}

/** The engine words write failures for a save; some operations need their own words. */
function rephraseWriteFailure(error: unknown, whatFailed: string, afterwards: string): unknown {
  return error instanceof StorageError && error.code === 'write-failed'
    ? writeFailed(error.cause, whatFailed, afterwards)
    : error
}

function newId(): string {
  return globalThis.crypto.randomUUID()
}
