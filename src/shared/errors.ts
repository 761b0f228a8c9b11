/**
 * Why a request to the host failed, as stable codes that cross the bridge. The page
 * turns a code into words in the person's language (src/i18n: `hostErrors`); the
 * English message that travels with it is for the error log and for developers.
 *
 * Adding a code: one line in HOST_ERROR_CODES, and one entry per language in
 * src/i18n/en.ts and es.ts (a test checks both). A code the page does not know
 * shows a plain, general sentence.
 */
export const HOST_ERROR_CODES = [
  /** A caller passed something malformed; `field` names it. */
  'invalid-input',
  /** An imported session file failed validation; `field` names the bad field. */
  'invalid-import',
  'wrong-passcode',
  /** Too many wrong passcodes; `retryAfterMs` says how long to wait. */
  'locked',
  'not-found',
  /** The change would overwrite something that already exists. */
  'conflict',
  /** The disk refused a write (full, read-only, no permission); `disk` says why. The data in memory is intact. */
  'write-failed',
  /** The saved data could not be read at all (permission, missing drive). Nothing was changed. */
  'read-failed',
  /**
   * The saved data is damaged, so it cannot open. Nothing was replaced or deleted: `where` says
   * where the damaged data is, `passcodeChecked` whether the passcode could still be checked.
   * Starting afresh is a separate choice (it keeps the damaged files).
   */
  'damaged',
  /** Counselor data is open in another window (or tab); it can open here once that one locks or closes. */
  'open-elsewhere',
  /** There is no counselor data here yet (nothing to open). */
  'no-data',
  /** A session file is over the one size limit (SESSION_FILE_MAX_BYTES in src/shared/limits.ts). */
  'too-large',
  /** A session's answers do not fit this app's questions (unknown question, option, duplicate, wrong type). */
  'answers-mismatch',
  /** A session's stored result is not what scoring gives for its answers. */
  'result-mismatch',
  /** The saved data was written by a newer version of the app. Nothing was changed. */
  'newer-version',
  /** The database engine (WebAssembly) could not be loaded. */
  'unavailable',
  /** Counselor data is locked: the passcode is needed first. */
  'closed',
  /** A bug, not the person's doing. The message stays plain; the detail goes to the log. */
  'unexpected',
  /** The bridge refused a request from a page that is not the app's own. */
  'untrusted-sender',
  /** The bridge refused a request whose data does not match the contract. */
  'invalid-payload',
  /** Main refused a request the kiosk does not allow (counselor data, files). */
  'refused-in-kiosk',
] as const
export type HostErrorCode = (typeof HOST_ERROR_CODES)[number]

/** Why a disk write failed, as far as the system said. */
export const DISK_PROBLEMS = ['full', 'read-only', 'not-allowed', 'failing', 'refused'] as const
export type DiskProblem = (typeof DISK_PROBLEMS)[number]

/** Plain details that may cross with a code. Never a stack or a cause; a path only in `where`. */
export interface HostErrorDetails {
  /** Which input was refused (`invalid-input`, `invalid-import`), for developers. */
  field?: string
  /** How long to wait before the next passcode try (`locked`, `wrong-passcode`). */
  retryAfterMs?: number
  /** Why a write failed (`write-failed`). */
  disk?: DiskProblem
  /** Where the damaged data was kept (`damaged`), to show the counselor. */
  where?: string
  /** Whether the passcode could still be checked against the damaged data (`damaged`). */
  passcodeChecked?: boolean
}

/** A failure as it crosses the bridge: the code, the English words for logs, and plain details. */
export interface PlainHostError extends HostErrorDetails {
  code: HostErrorCode
  message: string
}

/**
 * A failure as the page sees it, from either host. The code is a string, not a
 * HostErrorCode: a host from a newer or older copy of the app may send one this page
 * does not know, and the page must still say something plain.
 */
export interface HostErrorInfo extends HostErrorDetails {
  code: string
  message: string
}

/** What the page's host throws when a request failed. */
export class HostError extends Error {
  override readonly name = 'HostError'
  readonly code: string
  readonly field: string | undefined
  readonly retryAfterMs: number | undefined
  readonly disk: DiskProblem | undefined
  readonly where: string | undefined
  readonly passcodeChecked: boolean | undefined

  constructor(code: string, message: string, details: HostErrorDetails = {}) {
    super(message)
    this.code = code
    this.field = details.field
    this.retryAfterMs = details.retryAfterMs
    this.disk = details.disk
    this.where = details.where
    this.passcodeChecked = details.passcodeChecked
  }
}

/**
 * The code and details of anything a host threw: a HostError, a StorageError (the
 * browser host runs storage in the page) or any error with a string `code`. Anything
 * else is `unexpected`.
 */
export function hostErrorOf(error: unknown): HostErrorInfo {
  const message = error instanceof Error ? error.message : String(error)
  const code = readProperty(error, 'code', 'string')
  if (code === undefined) return { code: 'unexpected', message }
  const info: HostErrorInfo = { code, message }
  const field = readProperty(error, 'field', 'string')
  const retryAfterMs = readProperty(error, 'retryAfterMs', 'number')
  const disk = readProperty(error, 'disk', 'string')
  if (field !== undefined) info.field = field
  if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs
  if (disk !== undefined && (DISK_PROBLEMS as readonly string[]).includes(disk)) info.disk = disk as DiskProblem
  const where = readProperty(error, 'where', 'string')
  if (where !== undefined) info.where = where
  const passcodeChecked = readBoolean(error, 'passcodeChecked')
  if (passcodeChecked !== undefined) info.passcodeChecked = passcodeChecked
  return info
}

/**
 * Reads why a disk write failed from a Node error (`code`, e.g. ENOSPC) or a browser
 * storage error (DOMException `name`). Read by property, so no Node or DOM types.
 */
export function diskProblemOf(cause: unknown): DiskProblem {
  const code = readProperty(cause, 'code', 'string')
  const name = readProperty(cause, 'name', 'string')
  if (code === 'ENOSPC' || code === 'EDQUOT' || name === 'QuotaExceededError') return 'full'
  if (code === 'EROFS') return 'read-only'
  if (code === 'EACCES' || code === 'EPERM' || name === 'NotAllowedError') return 'not-allowed'
  if (code === 'EIO') return 'failing'
  return 'refused'
}

function readProperty<T extends 'string' | 'number'>(
  value: unknown,
  key: string,
  type: T,
): (T extends 'string' ? string : number) | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const property = (value as Record<string, unknown>)[key]
  return typeof property === type ? (property as T extends 'string' ? string : number) : undefined
}

function readBoolean(value: unknown, key: string): boolean | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const property = (value as Record<string, unknown>)[key]
  return typeof property === 'boolean' ? property : undefined
}
