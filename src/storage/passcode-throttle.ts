/**
 * Slows down passcode guessing at the shared computer: five free tries, then growing
 * waits, then 15-minute lockouts. The counter sits in the small unencrypted metadata
 * record (it must be readable before any key exists) and holds only two numbers.
 *
 * This guards the app's front door only. Someone who copies the file bypasses it,
 * and is then up against PBKDF2 with 600,000 iterations instead.
 */
import { z } from '../shared/zod'
import { fromUtf8, utf8 } from './bytes'
import { StorageError } from './errors'
import type { PersistenceAdapter } from './persistence-adapter'

export const FREE_ATTEMPTS = 5
/** Wait after the 5th, 6th, 7th and 8th wrong passcode in a row. */
const GROWING_DELAYS_MS = [30_000, 60_000, 120_000, 300_000] as const
export const LOCKOUT_MS = 15 * 60_000

const attemptRecordSchema = z
  .object({
    format: z.literal(1),
    failedAttempts: z.number().int().min(0).max(1_000_000),
    lastFailureAt: z.number().int().min(0).nullable(),
  })
  .strict()
export type AttemptRecord = z.output<typeof attemptRecordSchema>

const CLEAN_RECORD: AttemptRecord = { format: 1, failedAttempts: 0, lastFailureAt: null }

export function waitBeforeNextAttemptMs(record: AttemptRecord, now: number): number {
  if (record.failedAttempts < FREE_ATTEMPTS || record.lastFailureAt === null) return 0
  const delay = GROWING_DELAYS_MS[record.failedAttempts - FREE_ATTEMPTS] ?? LOCKOUT_MS
  return Math.max(0, record.lastFailureAt + delay - now)
}

export async function readAttemptRecord(adapter: PersistenceAdapter): Promise<AttemptRecord> {
  try {
    const bytes = await adapter.readMeta()
    if (bytes === null) return CLEAN_RECORD
    const parsed = attemptRecordSchema.safeParse(JSON.parse(fromUtf8(bytes)))
    return parsed.success ? parsed.data : CLEAN_RECORD
  } catch {
    // An unreadable or damaged record counts as clean: only someone with access to the
    // files can cause that, and they can copy the database anyway.
    return CLEAN_RECORD
  }
}

/**
 * Throws `locked` while a wait is running; otherwise records this attempt as failed
 * *before* the passcode is checked, so killing the app mid-check gives no free try.
 * `passcodeAccepted` then clears it.
 */
export async function countAttempt(adapter: PersistenceAdapter, now: number): Promise<void> {
  const record = await readAttemptRecord(adapter)
  const waitMs = waitBeforeNextAttemptMs(record, now)
  if (waitMs > 0) throw lockedError(waitMs)
  await writeAttemptRecord(adapter, { format: 1, failedAttempts: record.failedAttempts + 1, lastFailureAt: now })
}

export async function passcodeAccepted(adapter: PersistenceAdapter): Promise<void> {
  await writeAttemptRecord(adapter, CLEAN_RECORD)
}

export async function wrongPasscodeError(adapter: PersistenceAdapter, now: number): Promise<StorageError> {
  const waitMs = waitBeforeNextAttemptMs(await readAttemptRecord(adapter), now)
  const then = waitMs > 0 ? ` ${describeWait(waitMs)} before trying again.` : ''
  return new StorageError('wrong-passcode', `That passcode is not right.${then}`, {
    field: 'passcode',
    retryAfterMs: waitMs,
  })
}

export function lockedError(waitMs: number): StorageError {
  const message =
    waitMs > 5 * 60_000
      ? `Counselor data is locked after too many wrong passcodes. ${describeWait(waitMs)} and try again.`
      : `Too many wrong passcodes. ${describeWait(waitMs)} and try again.`
  return new StorageError('locked', message, { retryAfterMs: waitMs })
}

function describeWait(waitMs: number): string {
  if (waitMs < 60_000) {
    const seconds = Math.ceil(waitMs / 1000)
    return `Wait ${seconds} second${seconds === 1 ? '' : 's'}`
  }
  const minutes = Math.ceil(waitMs / 60_000)
  return `Wait ${minutes} minute${minutes === 1 ? '' : 's'}`
}

/**
 * Best effort: on a full or read-only disk the counter cannot be kept, and refusing
 * to open would also keep the counselor from exporting their own data. The passcode
 * itself (PBKDF2) is the real protection.
 */
async function writeAttemptRecord(adapter: PersistenceAdapter, record: AttemptRecord): Promise<void> {
  try {
    await adapter.writeMeta(utf8(JSON.stringify(record)))
  } catch {
    // see above
  }
}
