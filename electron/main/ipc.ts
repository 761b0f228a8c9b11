import { CHANNELS, PAYLOADS, type Channel, type HostApi } from '../../src/shared/host-contract'
import type { IpcResult } from '../../src/shared/ipc-result'
import { sessionTextTooLarge } from '../../src/shared/limits'
import { isStorageError, toPlainStorageError } from '../../src/storage/errors'
import { sessionFileTooLarge } from '../../src/storage/session-file'
import { REFUSED_IN_KIOSK_MESSAGE, refusedInKiosk } from './kiosk-channels'
import { UserFacingError } from './services/user-facing-error'

/** The part of an IPC event a handler looks at: which frame sent it. */
export interface IpcSender {
  senderFrame: { url: string } | null
}

/** The part of `ipcMain` used here, so tests can pass a plain map instead. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcSender, payload: unknown) => Promise<unknown>): void
}

export interface IpcGuards {
  isTrustedSender(frameUrl: string | undefined): boolean
  /** Records errors the person does not need to read (they get a plain sentence instead). */
  logError(channel: Channel, error: unknown): void
  /** A kiosk: counselor and file channels are refused here, whatever the page shows (kiosk-channels.ts). */
  kiosk?: boolean
}

const GENERIC_FAILURE = 'Something went wrong. Please try again.'

/**
 * One request handler: sender check, kiosk refusal, payload validation, then the service
 * call. Nothing is thrown back to the renderer; every outcome is an IpcResult.
 */
export function createChannelHandler(
  channel: Channel,
  serve: (payload: unknown) => Promise<unknown>,
  guards: IpcGuards,
): (event: IpcSender, payload: unknown) => Promise<IpcResult<unknown>> {
  return async (event, payload) => {
    if (!guards.isTrustedSender(event.senderFrame?.url)) {
      return { ok: false, code: 'untrusted-sender', message: 'This request is not allowed.' }
    }
    if (guards.kiosk && refusedInKiosk(channel, payload)) {
      return { ok: false, code: 'refused-in-kiosk', message: REFUSED_IN_KIOSK_MESSAGE }
    }
    if (channel === CHANNELS.importSession && isOversizeImport(payload)) {
      // The one size limit, named in plain words, rather than "data it cannot use".
      return { ok: false, ...toPlainStorageError(sessionFileTooLarge()) }
    }
    const parsed = PAYLOADS[channel].safeParse(payload)
    if (!parsed.success) {
      return { ok: false, code: 'invalid-payload', message: 'The app sent data it cannot use.' }
    }
    try {
      return { ok: true, value: await serve(parsed.data) }
    } catch (error) {
      // Storage and user-facing errors carry a code and plain details; the page words them.
      if (isStorageError(error)) return { ok: false, ...toPlainStorageError(error) }
      if (error instanceof UserFacingError) return { ok: false, ...error.toPlain() }
      guards.logError(channel, error)
      return { ok: false, code: 'unexpected', message: GENERIC_FAILURE }
    }
  }
}

function isOversizeImport(payload: unknown): boolean {
  const text = (payload as { text?: unknown } | null | undefined)?.text
  return typeof text === 'string' && sessionTextTooLarge(text)
}

/**
 * Registers one handler per channel in CHANNELS. `handlers` is the main-side HostApi,
 * so a channel added to the contract fails to compile until it has a handler here.
 */
export function registerIpcHandlers(ipc: IpcRegistrar, handlers: HostApi, guards: IpcGuards): void {
  for (const name of Object.keys(CHANNELS) as (keyof HostApi)[]) {
    const channel = CHANNELS[name]
    // The payload was validated against PAYLOADS[channel], which matches this method's parameter.
    const serve = handlers[name].bind(handlers) as (payload: unknown) => Promise<unknown>
    ipc.handle(channel, createChannelHandler(channel, serve, guards))
  }
}
