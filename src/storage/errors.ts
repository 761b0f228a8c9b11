/**
 * The only kind of error counselor storage throws. Its code crosses to the page, which
 * words it in the counselor's language; the English message is for the error log and
 * developers: plain words, no stack trace, no SQL, and it says what still works (for
 * example that the open session can be exported after a failed save).
 */
import {
  diskProblemOf,
  type DiskProblem,
  type HostErrorCode,
  type HostErrorDetails,
  type PlainHostError,
} from '../shared/errors'

/**
 * Storage's codes are the host contract's (src/shared/errors.ts, where each is
 * described), less the three only the IPC bridge uses.
 */
export type StorageErrorCode = Exclude<HostErrorCode, 'untrusted-sender' | 'invalid-payload' | 'refused-in-kiosk'>

export interface StorageErrorDetails extends HostErrorDetails {
  cause?: unknown
}

export class StorageError extends Error {
  override readonly name = 'StorageError'
  readonly code: StorageErrorCode
  readonly field: string | undefined
  readonly retryAfterMs: number | undefined
  readonly disk: DiskProblem | undefined
  readonly where: string | undefined
  readonly passcodeChecked: boolean | undefined

  constructor(code: StorageErrorCode, message: string, details: StorageErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.code = code
    this.field = details.field
    this.retryAfterMs = details.retryAfterMs
    this.disk = details.disk
    this.where = details.where
    this.passcodeChecked = details.passcodeChecked
  }
}

export function isStorageError(value: unknown): value is StorageError {
  return value instanceof StorageError
}

/** What may cross IPC or reach the UI: code, English words and plain details, never a stack or a cause. */
export function toPlainStorageError(error: unknown): PlainHostError {
  const typed = isStorageError(error) ? error : unexpected(error)
  const plain: PlainHostError = { code: typed.code, message: typed.message }
  if (typed.field !== undefined) plain.field = typed.field
  if (typed.retryAfterMs !== undefined) plain.retryAfterMs = typed.retryAfterMs
  if (typed.disk !== undefined) plain.disk = typed.disk
  if (typed.where !== undefined) plain.where = typed.where
  if (typed.passcodeChecked !== undefined) plain.passcodeChecked = typed.passcodeChecked
  return plain
}

export function unexpected(cause: unknown): StorageError {
  return new StorageError('unexpected', 'Something unexpected went wrong in counselor storage.', { cause })
}

/** Converts anything thrown inside a public operation into a StorageError. */
export async function guarded<T>(operation: () => Promise<T> | T): Promise<T> {
  try {
    return await operation()
  } catch (error) {
    throw isStorageError(error) ? error : unexpected(error)
  }
}

/**
 * Turns a failed disk (Node errno) or browser-storage (DOMException name) write into
 * a `write-failed` error that says why (src/shared/errors.ts reads the reason).
 */
export function writeFailed(
  cause: unknown,
  whatFailed = 'The change could not be saved',
  afterwards = 'Everything in the open session is still here: export it if you need to, then try again.',
): StorageError {
  const disk = diskProblemOf(cause)
  const reason = DISK_REASONS[disk]
  return new StorageError('write-failed', `${whatFailed} ${reason}. ${afterwards}`, { cause, disk })
}

export function readFailed(cause: unknown): StorageError {
  return new StorageError(
    'read-failed',
    'The saved counselor data could not be read (the folder may be missing or not allowed). Nothing was changed.',
    { cause },
  )
}

const DISK_REASONS: Record<DiskProblem, string> = {
  full: 'because the disk is full',
  'read-only': 'because the disk is read-only',
  'not-allowed': 'because this computer account is not allowed to write to the counselor data folder',
  failing: 'because the disk reported an error',
  refused: 'because the disk refused the write',
}
