/**
 * Slows down passcode guessing at the shared computer: five free tries, then growing
 * waits, then 15-minute lockouts. The counter sits in the small unencrypted metadata
 * record (meta-record.ts; it must be readable before any key exists).
 *
 * This guards the app's front door only. Someone who copies the file bypasses it,
 * and is then up against PBKDF2 with 600,000 iterations instead.
 */
import { StorageError } from './errors'
import { type MetaRecord, oneAtATime, readMetaRecord, updateMetaRecord } from './meta-record'
import type { PersistenceAdapter } from './persistence-adapter'

export const FREE_ATTEMPTS = 5
/** Wait after the 5th, 6th, 7th and 8th wrong passcode in a row. */
const GROWING_DELAYS_MS = [30_000, 60_000, 120_000, 300_000] as const
export const LOCKOUT_MS = 15 * 60_000

export type AttemptRecord = Pick<MetaRecord, 'failedAttempts' | 'lastFailureAt'>

export function waitBeforeNextAttemptMs(record: AttemptRecord, now: number): number {
  if (record.failedAttempts < FREE_ATTEMPTS || record.lastFailureAt === null) return 0
  const delay = GROWING_DELAYS_MS[record.failedAttempts - FREE_ATTEMPTS] ?? LOCKOUT_MS
  return Math.max(0, record.lastFailureAt + delay - now)
}

export function readAttemptRecord(adapter: PersistenceAdapter): Promise<AttemptRecord> {
  return readMetaRecord(adapter)
}

/**
 * One passcode attempt, alone: attempts on the same adapter in this process run one
 * after another (other windows are kept out by the writer lock), so 40 tries at once
 * count 40, never fewer. Throws `locked` while a wait is running; otherwise records the
 * attempt as failed *before* `check` runs, so killing the app mid-check gives no free
 * try. `check` resolves to what it found with the right passcode, or null for a wrong
 * one (then `wrong-passcode` is thrown); the count is cleared when it passes.
 */
export function passcodeAttempt<T>(
  adapter: PersistenceAdapter,
  now: () => number,
  check: () => Promise<T | null>,
): Promise<T> {
  return oneAtATime(adapter, async () => {
    const record = await readMetaRecord(adapter)
    const waitMs = waitBeforeNextAttemptMs(record, now())
    if (waitMs > 0) throw lockedError(waitMs)
    const counted = await updateMetaRecord(adapter, (current) => ({
      ...current,
      failedAttempts: current.failedAttempts + 1,
      lastFailureAt: now(),
    }))
    const found = await check()
    if (found === null) throw wrongPasscodeError(waitBeforeNextAttemptMs(counted, now()))
    await updateMetaRecord(adapter, (current) => ({ ...current, failedAttempts: 0, lastFailureAt: null }))
    return found
  })
}

/** Clears the count without an attempt (a new store was just made with this passcode). Never nest in oneAtATime. */
export function clearAttempts(adapter: PersistenceAdapter): Promise<void> {
  return oneAtATime(adapter, async () => {
    await updateMetaRecord(adapter, (current) => ({ ...current, failedAttempts: 0, lastFailureAt: null }))
  })
}

export function wrongPasscodeError(waitMs: number): StorageError {
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
