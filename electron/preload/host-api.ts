import { CHANNELS } from '../../src/shared/channels'
import type { BridgeApi } from '../../src/shared/host-contract'

/** The one thing the preload needs from Electron: send a request on a channel, get a reply. */
export type Invoke = (channel: string, payload: unknown) => Promise<unknown>

/**
 * Builds `window.api` from CHANNELS: one function per user intent, each sending at most
 * one argument. Nothing Electron-shaped (ipcRenderer, events, channel names) is handed
 * to the page, so a new channel in the contract becomes a new function here by itself.
 * Replies go to the page as they came, plain data: the page's host unwraps them
 * (src/host/bridge-host.ts), because an Error thrown across the context bridge loses
 * everything but its message, the error's code included.
 */
export function buildHostApi(invoke: Invoke): BridgeApi {
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {}
  for (const [name, channel] of Object.entries(CHANNELS)) {
    api[name] = (payload?: unknown) => invoke(channel, payload)
  }
  return Object.freeze(api) as unknown as BridgeApi
}
