/**
 * The host in Electron: `window.api` from the preload, whose functions answer with
 * IpcResult replies (plain data), turned into the HostApi the stores use. A failed
 * reply is thrown here, on the page's side, as a HostError with its code and details.
 */
import { CHANNELS } from '../shared/channels'
import type { BridgeApi, HostApi } from '../shared/host-contract'
import { unwrapIpcResult } from '../shared/ipc-result'

export function hostFromBridge(bridge: BridgeApi): HostApi {
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {}
  for (const name of Object.keys(CHANNELS) as (keyof HostApi)[]) {
    const send = bridge[name] as (payload?: unknown) => Promise<unknown>
    api[name] = async (payload?: unknown) => unwrapIpcResult(await send(payload))
  }
  return api as unknown as HostApi
}
