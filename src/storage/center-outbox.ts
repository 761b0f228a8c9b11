/**
 * Center mode's part of the counselor database: the connection details (encrypted with
 * everything else), the outbox of changes waiting to be sent, and the center's version
 * of each record this computer holds. Every change here is a journaled Change (see
 * changes.ts), so it is durable and replays exactly like client and session saves.
 *
 * An outbox entry names a record and carries its own change id; the record itself is
 * read when it is sent. Entries are never merged: each local save adds one, and they are
 * sent in order, so a resent entry is recognised by its id and applied once.
 */
import type { Database } from 'sql.js'
import { z } from '../shared/zod'
import { centerConnectionSchema, type CenterConnection } from '../shared/center-contract'
import { findClient, putClient } from './client-table'
import { clientSchema, recordIdSchema, sessionSchema, type Client, type Session } from '../shared/records'
import { findSession, putSession } from './session-table'
import { selectRows, text } from './sql-helpers'

const recordKindSchema = z.enum(['client', 'session'])
export type RecordKind = z.infer<typeof recordKindSchema>
const changeIdSchema = z.string().regex(/^[A-Za-z0-9_:-]{8,100}$/)
const versionSchema = z.number().int().min(1).max(2_147_483_647)
const stampSchema = z.iso.datetime({ offset: true })

const recordVersionSchema = z
  .object({ kind: recordKindSchema, recordId: recordIdSchema, clientId: recordIdSchema, version: versionSchema })
  .strict()
export type RecordVersion = z.output<typeof recordVersionSchema>

export const CENTER_CHANGE_SCHEMAS = [
  /** One local save to send. */
  z
    .object({
      kind: z.literal('outbox-add'),
      changeId: changeIdSchema,
      recordKind: recordKindSchema,
      recordId: recordIdSchema,
      clientId: recordIdSchema,
      queuedAt: stampSchema,
    })
    .strict(),
  /** Every record the center has not seen and no entry names yet (on joining a center). */
  z.object({ kind: z.literal('outbox-add-all'), prefix: changeIdSchema, queuedAt: stampSchema }).strict(),
  /** The center answered these entries: remove them, and note the version it holds. */
  z
    .object({
      kind: z.literal('outbox-done'),
      done: z
        .array(
          z
            .object({
              changeId: changeIdSchema,
              /** Null when the change met a newer copy (a conflict): the known version stays. */
              version: recordVersionSchema.nullable(),
            })
            .strict(),
        )
        .min(1)
        .max(1000),
    })
    .strict(),
  /** Copies received from the center, with their versions; never queued to be sent back. */
  z
    .object({
      kind: z.literal('center-copy'),
      client: clientSchema.nullable(),
      sessions: z.array(sessionSchema).max(5000),
      versions: z.array(recordVersionSchema).max(5001),
    })
    .strict(),
  z
    .object({ kind: z.literal('center-link'), settings: centerConnectionSchema.nullable(), linkedAt: stampSchema })
    .strict(),
] as const

export type CenterChange = z.output<(typeof CENTER_CHANGE_SCHEMAS)[number]>
type RecordChange = { kind: 'client'; client: Client } | { kind: 'session'; session: Session }

function putVersion(db: Database, version: RecordVersion): void {
  db.run(
    `INSERT INTO center_versions (kind, record_id, client_id, version) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version`,
    [version.kind, version.recordId, version.clientId, version.version],
  )
}

/** Applies one center change; called by applyChanges inside its transaction, on save and on replay. */
export function applyCenterChange(db: Database, change: CenterChange): void {
  switch (change.kind) {
    case 'outbox-add':
      db.run(
        `INSERT INTO center_outbox (change_id, kind, record_id, client_id, queued_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (change_id) DO NOTHING`,
        [change.changeId, change.recordKind, change.recordId, change.clientId, change.queuedAt],
      )
      return
    case 'outbox-add-all':
      // Clients first, then sessions: the center needs a session's client before the session.
      for (const [kind, table, clientColumn] of [
        ['client', 'clients', 'id'],
        ['session', 'sessions', 'client_id'],
      ] as const) {
        db.run(
          `INSERT OR IGNORE INTO center_outbox (change_id, kind, record_id, client_id, queued_at)
           SELECT ? || ':' || '${kind}' || ':' || r.id, '${kind}', r.id, r.${clientColumn}, ?
           FROM ${table} r
           WHERE NOT EXISTS (SELECT 1 FROM center_versions v WHERE v.kind = '${kind}' AND v.record_id = r.id)
             AND NOT EXISTS (SELECT 1 FROM center_outbox o WHERE o.kind = '${kind}' AND o.record_id = r.id)
           ORDER BY r.rowid`,
          [change.prefix, change.queuedAt],
        )
      }
      return
    case 'outbox-done':
      for (const done of change.done) {
        db.run('DELETE FROM center_outbox WHERE change_id = ?', [done.changeId])
        // The record may have been deleted here meanwhile; its version is then of no use.
        if (done.version && recordExists(db, done.version.kind, done.version.recordId)) putVersion(db, done.version)
      }
      return
    case 'center-copy':
      if (change.client) putClient(db, change.client)
      for (const session of change.sessions) putSession(db, session)
      for (const version of change.versions) putVersion(db, version)
      return
    case 'center-link':
      if (change.settings === null) db.run('DELETE FROM center_link')
      else
        db.run(
          `INSERT INTO center_link (id, settings_json, linked_at) VALUES (1, ?, ?)
           ON CONFLICT (id) DO UPDATE SET settings_json = excluded.settings_json, linked_at = excluded.linked_at`,
          [JSON.stringify(change.settings), change.linkedAt],
        )
      return
  }
}

function recordExists(db: Database, kind: RecordKind, id: string): boolean {
  return kind === 'client' ? findClient(db, id) !== null : findSession(db, id) !== null
}

export function readCenterLink(db: Database): CenterConnection | null {
  const row = selectRows(db, 'SELECT settings_json FROM center_link WHERE id = 1')[0]
  if (!row) return null
  const parsed = centerConnectionSchema.safeParse(JSON.parse(text(row[0])))
  return parsed.success ? parsed.data : null
}

/** The outbox entries a save adds when this computer is linked to a center (none otherwise). */
export function outboxEntriesFor(db: Database, changes: readonly RecordChange[], queuedAt: string): CenterChange[] {
  if (selectRows(db, 'SELECT 1 FROM center_link WHERE id = 1').length === 0) return []
  return changes.map((change) =>
    change.kind === 'client'
      ? {
          kind: 'outbox-add',
          changeId: newChangeId(),
          recordKind: 'client',
          recordId: change.client.id,
          clientId: change.client.id,
          queuedAt,
        }
      : {
          kind: 'outbox-add',
          changeId: newChangeId(),
          recordKind: 'session',
          recordId: change.session.id,
          clientId: change.session.clientId,
          queuedAt,
        },
  )
}

export function newChangeId(): string {
  return globalThis.crypto.randomUUID()
}

export interface OutboxItem {
  changeId: string
  kind: RecordKind
  recordId: string
  clientId: string
  /** The center's version this computer last saw; null for a record the center has not seen. */
  baseVersion: number | null
  /** The record as it is now, or null if it was deleted here since. */
  record: Client | Session | null
}

export function readOutbox(db: Database, limit: number): OutboxItem[] {
  const rows = selectRows(
    db,
    `SELECT o.change_id, o.kind, o.record_id, o.client_id, v.version
     FROM center_outbox o LEFT JOIN center_versions v ON v.kind = o.kind AND v.record_id = o.record_id
     ORDER BY o.seq LIMIT ?`,
    [limit],
  )
  return rows.map((row) => {
    const kind = text(row[1]) as RecordKind
    const recordId = text(row[2])
    return {
      changeId: text(row[0]),
      kind,
      recordId,
      clientId: text(row[3]),
      baseVersion: typeof row[4] === 'number' ? row[4] : null,
      record: kind === 'client' ? findClient(db, recordId) : findSession(db, recordId),
    }
  })
}

export function countOutbox(db: Database): number {
  return Number(selectRows(db, 'SELECT COUNT(*) FROM center_outbox')[0]?.[0] ?? 0)
}

export function readVersions(db: Database): RecordVersion[] {
  return selectRows(db, 'SELECT kind, record_id, client_id, version FROM center_versions ORDER BY kind, record_id').map(
    (row) => ({
      kind: text(row[0]) as RecordKind,
      recordId: text(row[1]),
      clientId: text(row[2]),
      version: Number(row[3]),
    }),
  )
}

/** Whether any change to this client or one of its sessions waits to be sent. */
export function clientHasWaitingChanges(db: Database, clientId: string): boolean {
  return selectRows(db, 'SELECT 1 FROM center_outbox WHERE client_id = ? LIMIT 1', [clientId]).length > 0
}
