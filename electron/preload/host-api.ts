import { CHANNELS } from '../../src/shared/channels'
import type { HostApi } from '../../src/shared/host-contract'
import { unwrapIpcResult } from '../common/ipc-result'

/** The one thing the preload needs from Electron: send a request on a channel, get a reply. */
export type Invoke = (channel: string, payload: unknown) => Promise<unknown>

/**
 * Builds `window.api` from CHANNELS: one function per user intent, each sending at most
 * one argument. Nothing Electron-shaped (ipcRenderer, events, channel names) is handed
 * to the page, so a new channel in the contract becomes a new function here by itself.
 */
export function buildHostApi(invoke: Invoke): HostApi {
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {}
  for (const [name, channel] of Object.entries(CHANNELS)) {
    api[name] = async (payload?: unknown) => unwrapIpcResult(await invoke(channel, payload))
  }
  return Object.freeze(api) as unknown as HostApi
}
