/**
 * An error whose message is written for the person using the app ("the folder is
 * read-only"). IPC passes only these messages to the renderer; any other error is
 * logged and replaced by a generic sentence, so internals never reach the page.
 */
export class UserFacingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'UserFacingError'
  }
}
