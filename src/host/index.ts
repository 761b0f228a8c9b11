/**
 * The renderer's one door to the outside world. In Electron the preload script
 * provides `window.api`; anywhere else the browser host stands in for it.
 */
import type { HostApi } from '../shared/host-contract'
import { createBrowserHost } from './browser-host'

let host: HostApi | undefined

export function useHost(): HostApi {
  host ??= window.api ?? createBrowserHost(window.localStorage, { name: 'Health IT Role Finder', version: __APP_VERSION__ })
  return host
}

/** Tests swap in their own host. */
export function setHost(replacement: HostApi | undefined): void {
  host = replacement
}
