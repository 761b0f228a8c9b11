/**
 * The small unencrypted metadata record kept next to the database: the wrong-passcode
 * counter, and a copy of the snapshot header's key check (salt, iterations and a known
 * text sealed under the key; never client data, and nothing the header does not show
 * already). The copy lets a passcode be checked when the snapshot's header is damaged
 * or the snapshot is missing, so damage is reported to the right person and a kiosk
 * cannot be left with any passcode at all.
 *
 * Read piece by piece: a damaged counter does not lose the key check, and the reverse.
 * Every update is a read-modify-write, one at a time per adapter, so concurrent
 * attempts never overwrite each other's count.
 */
import { z } from '../shared/zod'
import { fromHex, fromUtf8, toHex, utf8 } from './bytes'
import { IV_LENGTH, MAX_KDF_ITERATIONS, type KdfParams, type Sealed } from './passcode-crypto'
import type { PersistenceAdapter } from './persistence-adapter'
import { createSerialQueue, type SerialQueue } from './serial-queue'

/** What checks a passcode without opening anything: the KDF settings and the sealed known text. */
export interface KeyCheck {
  kdf: KdfParams
  keyCheck: Sealed
}

export interface MetaRecord {
  failedAttempts: number
  lastFailureAt: number | null
  /** Usually one; two while a passcode change is being written (either may be the one on disk). */
  keyChecks: KeyCheck[]
  /**
   * A repair that dropped unreadable data, not yet reported by an open: written before the
   * repair's rewrite, so a crash during the repair cannot hide it (the next open reports it).
   */
  pendingReport: PendingReport | null
}

export interface PendingReport {
  /** Where the copy of what could not be read is; null when there was nothing to copy. */
  keptAt: string | null
}

export const EMPTY_META: MetaRecord = { failedAttempts: 0, lastFailureAt: null, keyChecks: [], pendingReport: null }
const MAX_KEY_CHECKS = 2

const counterSchema = z.object({
  failedAttempts: z.number().int().min(0).max(1_000_000),
  lastFailureAt: z.number().int().min(0).nullable(),
})
const hex = (pattern: string) => z.string().regex(new RegExp(`^(?:[0-9a-f]{2})${pattern}$`))
const pendingReportSchema = z.object({ keptAt: z.string().max(4096).nullable() }).strict()
const keyCheckSchema = z
  .object({
    iterations: z.number().int().min(1).max(MAX_KDF_ITERATIONS),
    salt: hex('{16}'),
    iv: hex(`{${IV_LENGTH}}`),
    ciphertext: hex('{1,256}'),
  })
  .strict()

/** Never throws: a missing or damaged record (or parts of it) reads as empty. */
export async function readMetaRecord(adapter: PersistenceAdapter): Promise<MetaRecord> {
  let json: unknown
  try {
    const bytes = await adapter.readMeta()
    if (bytes === null) return EMPTY_META
    json = JSON.parse(fromUtf8(bytes))
  } catch {
    // Only someone with access to the files can damage it, and they can copy the database anyway.
    return EMPTY_META
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== 1) return EMPTY_META
  const record = json as Record<string, unknown>
  const counter = counterSchema.safeParse({
    failedAttempts: record.failedAttempts,
    lastFailureAt: record.lastFailureAt,
  })
  const keyChecks = Array.isArray(record.keyChecks) ? record.keyChecks.slice(0, MAX_KEY_CHECKS) : []
  const report = pendingReportSchema.safeParse(record.pendingReport)
  return {
    ...(counter.success ? counter.data : { failedAttempts: 0, lastFailureAt: null }),
    // A damaged record still reports: better said twice than never.
    pendingReport:
      record.pendingReport === undefined || record.pendingReport === null
        ? null
        : report.success
          ? report.data
          : { keptAt: null },
    keyChecks: keyChecks.flatMap((entry) => {
      const parsed = keyCheckSchema.safeParse(entry)
      if (!parsed.success) return []
      const { iterations, salt, iv, ciphertext } = parsed.data
      return [
        { kdf: { iterations, salt: fromHex(salt) }, keyCheck: { iv: fromHex(iv), ciphertext: fromHex(ciphertext) } },
      ]
    }),
  }
}

function encodeMetaRecord(record: MetaRecord): Uint8Array {
  return utf8(
    JSON.stringify({
      format: 1,
      failedAttempts: record.failedAttempts,
      lastFailureAt: record.lastFailureAt,
      keyChecks: record.keyChecks.slice(0, MAX_KEY_CHECKS).map(({ kdf, keyCheck }) => ({
        iterations: kdf.iterations,
        salt: toHex(kdf.salt),
        iv: toHex(keyCheck.iv),
        ciphertext: toHex(keyCheck.ciphertext),
      })),
      ...(record.pendingReport ? { pendingReport: record.pendingReport } : {}),
    }),
  )
}

/** By where the data is kept, so two adapter objects for the same files still take turns. */
const metaQueues = new Map<string, SerialQueue>()

/** Runs `task` alone among everything in this process that uses the record kept where this adapter keeps it. */
export function oneAtATime<T>(adapter: PersistenceAdapter, task: () => Promise<T>): Promise<T> {
  const where = adapter.location()
  let queue = metaQueues.get(where)
  if (!queue) {
    queue = createSerialQueue()
    metaQueues.set(where, queue)
  }
  return queue.run(task)
}

/**
 * Reads, changes and writes the record; call it inside `oneAtATime`. Best effort: on a full or read-only disk the
 * record cannot be kept, and refusing to open would keep the counselor from exporting
 * their own data; the passcode itself (PBKDF2) is the real protection. Resolves to the
 * record as changed (whether or not it reached the disk).
 */
export async function updateMetaRecord(
  adapter: PersistenceAdapter,
  change: (record: MetaRecord) => MetaRecord,
): Promise<MetaRecord> {
  const next = change(await readMetaRecord(adapter))
  try {
    await adapter.writeMeta(encodeMetaRecord(next))
  } catch {
    // see above
  }
  return next
}

export function sameKeyCheck(a: KeyCheck, b: KeyCheck): boolean {
  return (
    a.kdf.iterations === b.kdf.iterations &&
    toHex(a.kdf.salt) === toHex(b.kdf.salt) &&
    toHex(a.keyCheck.iv) === toHex(b.keyCheck.iv) &&
    toHex(a.keyCheck.ciphertext) === toHex(b.keyCheck.ciphertext)
  )
}

/**
 * Makes `keyChecks` the record's copies, unless they already are (no write then). Never
 * call it from inside `oneAtATime` for the same adapter: it queues there itself.
 */
export function rememberKeyChecks(adapter: PersistenceAdapter, keyChecks: KeyCheck[]): Promise<void> {
  return oneAtATime(adapter, async () => {
    const current = await readMetaRecord(adapter)
    const same =
      current.keyChecks.length === keyChecks.length &&
      current.keyChecks.every((check, index) => sameKeyCheck(check, keyChecks[index]!))
    if (!same) await updateMetaRecord(adapter, (record) => ({ ...record, keyChecks: keyChecks.map(copyOf) }))
  })
}

function copyOf({ kdf, keyCheck }: KeyCheck): KeyCheck {
  return { kdf, keyCheck }
}

/** Records a repair's report before the repair rewrites anything (see MetaRecord.pendingReport). */
export function rememberReport(adapter: PersistenceAdapter, report: PendingReport): Promise<void> {
  return oneAtATime(adapter, async () => {
    await updateMetaRecord(adapter, (record) => ({ ...record, pendingReport: report }))
  })
}

/**
 * Clears the report once the store that gave it closes: an open that is killed before its
 * caller could show the report leaves it for the next open (said twice rather than never).
 */
export function clearReport(adapter: PersistenceAdapter): Promise<void> {
  return oneAtATime(adapter, async () => {
    if ((await readMetaRecord(adapter)).pendingReport) {
      await updateMetaRecord(adapter, (record) => ({ ...record, pendingReport: null }))
    }
  })
}
