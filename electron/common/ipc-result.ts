/**
 * What every IPC handler sends back. Main never lets an exception cross the bridge:
 * a failure becomes a plain `{ ok: false }` value with a short, human message, so the
 * renderer never sees a main-process stack trace or file layout.
 */
export type IpcErrorCode = 'untrusted-sender' | 'invalid-payload' | 'refused-in-kiosk' | 'failed'

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorCode; message: string }

/** Turns a reply from main back into a value, or into a rejection the renderer can show as is. */
export function unwrapIpcResult(reply: unknown): unknown {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new Error('The app sent an unexpected reply.')
  }
  if (reply.ok === true) return 'value' in reply ? reply.value : undefined
  const message = 'message' in reply && typeof reply.message === 'string' ? reply.message : 'Something went wrong.'
  const error = new Error(message)
  if ('error' in reply && typeof reply.error === 'string') error.name = reply.error
  throw error
}
