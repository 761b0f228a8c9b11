/**
 * Offline-first sync with a center, platform-free: it sees the local outbox and the
 * center only through the two interfaces below, so it runs the same against the real
 * encrypted store and PostgreSQL, or against fakes in unit tests.
 *
 * Exactly once: every local save is an outbox entry with its own id. Entries are sent in
 * the order they were made, in batches the center applies in one transaction and answers
 * entry by entry; an entry leaves the outbox only after its answer is kept here. If the
 * connection fails anywhere in between, the same entries are sent again, and the center
 * answers the ones it already applied from its record of change ids, without applying
 * them again.
 *
 * Never drop a side: each entry names the center version its record started from. If the
 * center holds a newer version, it keeps both copies as a conflict for a counselor to
 * settle, and this computer later receives the center's copy.
 */
import { z } from '../shared/zod'
import type { Client, Session } from '../shared/records'

export type RecordKind = 'client' | 'session'

export interface RecordVersion {
  kind: RecordKind
  recordId: string
  clientId: string
  version: number
}

export interface OutboxEntry {
  changeId: string
  kind: RecordKind
  recordId: string
  clientId: string
  baseVersion: number | null
  /** Null when the record was deleted here after the save: there is nothing left to send. */
  record: Client | Session | null
}

/** The local side: the counselor store's outbox (see src/storage/center-outbox.ts). */
export interface SyncOutbox {
  pending(limit: number): Promise<OutboxEntry[]>
  /** Removes answered entries; a version is kept for each applied one (null for a conflict). */
  done(done: { changeId: string; version: RecordVersion | null }[]): Promise<void>
  knownVersions(): Promise<RecordVersion[]>
  /** Keeps the center's copies; false when this client has changes still waiting (then nothing changes). */
  acceptCopies(copy: { client: Client | null; sessions: Session[]; versions: RecordVersion[] }): Promise<boolean>
}

export interface PushChange {
  changeId: string
  kind: RecordKind
  baseVersion: number | null
  record: Client | Session
}

export const pushOutcomeSchema = z
  .object({
    changeId: z.string(),
    outcome: z.enum(['applied', 'unchanged', 'conflict']),
    version: z.number().int().min(1),
    conflictId: z.number().int().nullable().optional(),
    repeated: z.boolean().optional(),
  })
  .loose()
export type PushOutcome = z.infer<typeof pushOutcomeSchema>

export interface CenterClientCopy {
  client: Client
  version: number
  sessions: { record: Session; version: number }[]
}

/** The center side, over one connection (see electron/main/center/center-gateway.ts). */
export interface SyncGateway {
  pushChanges(changes: PushChange[]): Promise<PushOutcome[]>
  currentVersions(
    known: { kind: RecordKind; id: string }[],
  ): Promise<{ kind: RecordKind; id: string; version: number | null }[]>
  getClient(clientId: string): Promise<CenterClientCopy>
}

export interface SyncCounts {
  /** Entries the center applied (or already had), in this run. */
  sent: number
  /** Entries that met a newer copy at the center. */
  conflicts: number
  /** Clients whose copy here was brought up to date. */
  refreshed: number
}

export interface SyncOptions {
  /** Entries per round trip (and per server transaction). */
  batchSize?: number
  /** Called after each batch is safely recorded here: for progress, and for tests that cut the line. */
  afterBatch?: (counts: SyncCounts) => Promise<void> | void
}

/** A reply that does not match what was sent is a fault, not a reason to drop anything. */
export class SyncProtocolError extends Error {
  override readonly name = 'SyncProtocolError'
}

/**
 * The next batch: oldest first, at most one entry per record (the next entry of the same
 * record must start from the version this one produces, so it waits for the next round).
 */
export function nextBatch(entries: readonly OutboxEntry[], size: number): OutboxEntry[] {
  const batch: OutboxEntry[] = []
  const seen = new Set<string>()
  for (const entry of entries) {
    const key = `${entry.kind}:${entry.recordId}`
    if (seen.has(key)) continue
    seen.add(key)
    batch.push(entry)
    if (batch.length >= size) break
  }
  return batch
}

/** Sends everything waiting, then refreshes copies the center holds newer versions of. */
export async function syncWithCenter(
  outbox: SyncOutbox,
  gateway: SyncGateway,
  options: SyncOptions = {},
): Promise<SyncCounts> {
  const counts = await pushAll(outbox, gateway, options)
  counts.refreshed = await refreshCopies(outbox, gateway)
  return counts
}

export async function pushAll(
  outbox: SyncOutbox,
  gateway: SyncGateway,
  options: SyncOptions = {},
): Promise<SyncCounts> {
  const size = options.batchSize ?? 100
  const counts: SyncCounts = { sent: 0, conflicts: 0, refreshed: 0 }
  for (;;) {
    const batch = nextBatch(await outbox.pending(size * 4), size)
    if (batch.length === 0) return counts
    const gone = batch.filter((entry) => entry.record === null)
    const sending = batch.filter((entry): entry is OutboxEntry & { record: Client | Session } => entry.record !== null)
    const outcomes = sending.length
      ? await gateway.pushChanges(
          sending.map((entry) => ({
            changeId: entry.changeId,
            kind: entry.kind,
            baseVersion: entry.baseVersion,
            record: entry.record,
          })),
        )
      : []
    if (
      outcomes.length !== sending.length ||
      outcomes.some((outcome, index) => outcome.changeId !== sending[index]!.changeId)
    ) {
      throw new SyncProtocolError('The center answered a different list of changes than was sent.')
    }
    const done = [
      ...gone.map((entry) => ({ changeId: entry.changeId, version: null })),
      ...outcomes.map((outcome, index) => {
        const entry = sending[index]!
        if (outcome.outcome === 'conflict') {
          counts.conflicts++
          return { changeId: entry.changeId, version: null }
        }
        counts.sent++
        return {
          changeId: entry.changeId,
          version: { kind: entry.kind, recordId: entry.recordId, clientId: entry.clientId, version: outcome.version },
        }
      }),
    ]
    await outbox.done(done)
    await options.afterBatch?.({ ...counts })
  }
}

/** Brings copies held here up to date where the center has a newer version (nothing waits to be sent for them). */
export async function refreshCopies(outbox: SyncOutbox, gateway: SyncGateway): Promise<number> {
  const known = await outbox.knownVersions()
  if (known.length === 0) return 0
  const stale = new Set<string>()
  const byKey = new Map(known.map((version) => [`${version.kind}:${version.recordId}`, version]))
  for (let start = 0; start < known.length; start += 5_000) {
    const slice = known.slice(start, start + 5_000)
    const current = await gateway.currentVersions(
      slice.map((version) => ({ kind: version.kind, id: version.recordId })),
    )
    for (const row of current) {
      const mine = byKey.get(`${row.kind}:${row.id}`)
      if (mine && row.version !== null && row.version > mine.version) stale.add(mine.clientId)
    }
  }
  let refreshed = 0
  for (const clientId of stale) {
    const copy = await gateway.getClient(clientId)
    const accepted = await outbox.acceptCopies({
      client: copy.client,
      sessions: copy.sessions.map((session) => session.record),
      versions: [
        { kind: 'client', recordId: copy.client.id, clientId: copy.client.id, version: copy.version },
        ...copy.sessions.map((session) => ({
          kind: 'session' as const,
          recordId: session.record.id,
          clientId: copy.client.id,
          version: session.version,
        })),
      ],
    })
    if (accepted) refreshed++
  }
  return refreshed
}
