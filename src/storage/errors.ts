/**
 * The only kind of error counselor storage throws. Every message is written for the
 * counselor who will read it: plain words, no stack trace, no SQL, and it says what
 * still works (for example that the open session can be exported after a failed save).
 */

export type StorageErrorCode =
  /** A caller passed something malformed; `field` names it. */
  | 'invalid-input'
  /** An imported session file failed validation; `field` names the bad field. */
  | 'invalid-import'
  | 'wrong-passcode'
  /** Too many wrong passcodes; `retryAfterMs` says how long to wait. */
  | 'locked'
  | 'not-found'
  /** The change would overwrite something that already exists. */
  | 'conflict'
  /** The disk refused a write (full, read-only, no permission). The data in memory is intact. */
  | 'write-failed'
  /** The saved data could not be read at all (permission, missing drive). Nothing was changed. */
  | 'read-failed'
  /**
   * The saved data is damaged, so it cannot open. Nothing was replaced or deleted: `where` says
   * where the damaged data is, `passcodeChecked` whether the passcode could still be checked.
   * Starting afresh is a separate choice (it keeps the damaged files).
   */
  | 'damaged'
  /** Counselor data is open in another window (or tab); it can open here once that one locks or closes. */
  | 'open-elsewhere'
  /** There is no counselor data here yet (nothing to open). */
  | 'no-data'
  /** A session file is over the one size limit (SESSION_FILE_MAX_BYTES in src/shared/limits.ts). */
  | 'too-large'
  /** A session's answers do not fit this app's questions (unknown question, option, duplicate, wrong type). */
  | 'answers-mismatch'
  /** A session's stored result is not what scoring gives for its answers. */
  | 'result-mismatch'
  /** The saved data was written by a newer version of the app. Nothing was changed. */
  | 'newer-version'
  /** The database engine (WebAssembly) could not be loaded. */
  | 'unavailable'
  | 'closed'
  /** A bug, not the user's doing. The message stays plain; `cause` keeps the detail for logs. */
  | 'unexpected'

export interface StorageErrorDetails {
  field?: string
  retryAfterMs?: number
  /** With `damaged`: where the damaged data is (a folder or file names, or the browser's storage). */
  where?: string
  /** With `damaged`: whether the passcode was checked against a key check that could still be read. */
  passcodeChecked?: boolean
  cause?: unknown
}

export class StorageError extends Error {
  override readonly name = 'StorageError'
  readonly code: StorageErrorCode
  readonly field: string | undefined
  readonly retryAfterMs: number | undefined
  readonly where: string | undefined
  readonly passcodeChecked: boolean | undefined

  constructor(code: StorageErrorCode, message: string, details: StorageErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.code = code
    this.field = details.field
    this.retryAfterMs = details.retryAfterMs
    this.where = details.where
    this.passcodeChecked = details.passcodeChecked
  }
}

export function isStorageError(value: unknown): value is StorageError {
  return value instanceof StorageError
}

/** What may cross IPC or reach the UI: code and plain words, never a stack or a cause. */
export interface PlainStorageError {
  code: StorageErrorCode
  message: string
  field?: string
  retryAfterMs?: number
  where?: string
  passcodeChecked?: boolean
}

export function toPlainStorageError(error: unknown): PlainStorageError {
  const typed = isStorageError(error) ? error : unexpected(error)
  const plain: PlainStorageError = { code: typed.code, message: typed.message }
  if (typed.field !== undefined) plain.field = typed.field
  if (typed.retryAfterMs !== undefined) plain.retryAfterMs = typed.retryAfterMs
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
 * plain words. Read by property, so this file needs neither Node nor DOM types.
 */
export function writeFailed(
  cause: unknown,
  whatFailed = 'The change could not be saved',
  afterwards = 'Everything in the open session is still here: export it if you need to, then try again.',
): StorageError {
  const code = readStringProperty(cause, 'code')
  const name = readStringProperty(cause, 'name')
  let reason: string
  if (code === 'ENOSPC' || code === 'EDQUOT' || name === 'QuotaExceededError') {
    reason = 'because the disk is full'
  } else if (code === 'EROFS') {
    reason = 'because the disk is read-only'
  } else if (code === 'EACCES' || code === 'EPERM' || name === 'NotAllowedError') {
    reason = 'because this computer account is not allowed to write to the counselor data folder'
  } else if (code === 'EIO') {
    reason = 'because the disk reported an error'
  } else {
    reason = 'because the disk refused the write'
  }
  return new StorageError('write-failed', `${whatFailed} ${reason}. ${afterwards}`, { cause })
}

export function readFailed(cause: unknown): StorageError {
  return new StorageError(
    'read-failed',
    'The saved counselor data could not be read (the folder may be missing or not allowed). Nothing was changed.',
    { cause },
  )
}

function readStringProperty(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const property = (value as Record<string, unknown>)[key]
  return typeof property === 'string' ? property : undefined
}
