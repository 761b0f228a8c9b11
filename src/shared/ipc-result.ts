/**
 * What every IPC handler sends back. Main never lets an exception cross the bridge:
 * a failure becomes a plain `{ ok: false }` value with a stable code, English words
 * for logs and plain details, so the page never sees a main-process stack trace or
 * file layout.
 *
 * The preload passes replies on untouched, and the page's own host unwraps them
 * (src/host/bridge-host.ts): Electron's context bridge copies a thrown Error with its
 * message only ("any custom properties on the Error object will be lost"), so the
 * code must cross as data and be thrown on the page's side.
 */
import { DISK_PROBLEMS, HostError, type DiskProblem, type PlainHostError } from './errors'

export type IpcResult<T> = { ok: true; value: T } | ({ ok: false } & PlainHostError)

/** Turns a reply from main into its value, or throws a HostError with the reply's code and details. */
export function unwrapIpcResult(reply: unknown): unknown {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new HostError('unexpected', 'The app sent an unexpected reply.')
  }
  if (reply.ok === true) return 'value' in reply ? reply.value : undefined
  const failure = reply as Partial<Record<keyof PlainHostError, unknown>>
  const message = typeof failure.message === 'string' ? failure.message : 'Something went wrong.'
  const code = typeof failure.code === 'string' ? failure.code : 'unexpected'
  throw new HostError(code, message, {
    ...(typeof failure.field === 'string' ? { field: failure.field } : {}),
    ...(typeof failure.retryAfterMs === 'number' ? { retryAfterMs: failure.retryAfterMs } : {}),
    ...((DISK_PROBLEMS as readonly unknown[]).includes(failure.disk) ? { disk: failure.disk as DiskProblem } : {}),
  })
}
