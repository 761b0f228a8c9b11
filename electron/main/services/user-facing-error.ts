/**
 * An error whose message is written for the person using the app ("the folder is
 * read-only"). IPC passes on its code and plain details, which the page words in the
 * person's language, and its English message for the log; any other error is logged
 * and replaced by a generic one, so internals never reach the page.
 */
import { diskProblemOf, type HostErrorCode, type PlainHostError } from '../../../src/shared/errors'

export class UserFacingError extends Error {
  readonly code: HostErrorCode

  constructor(message: string, options: { code: HostErrorCode; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'UserFacingError'
    this.code = options.code
  }

  /** What crosses the bridge: the code, the words, and why a write failed; never the cause itself. */
  toPlain(): PlainHostError {
    const plain: PlainHostError = { code: this.code, message: this.message }
    if (this.code === 'write-failed') plain.disk = diskProblemOf(this.cause)
    return plain
  }
}
