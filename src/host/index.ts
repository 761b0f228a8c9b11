/**
 * The renderer's one door to the outside world. In Electron the preload script
 * provides `window.api`; anywhere else the browser host stands in for it.
 */
import { parseIdleSeconds, type HostApi } from '../shared/host-contract'
import { createBrowserHost } from './browser-host'

let host: HostApi | undefined

export function useHost(): HostApi {
  host ??= window.api ?? browserHostFromAddress()
  return host
}

/** In a browser, `?kiosk` (and optionally `&idle=SECONDS`) in the address turns on kiosk mode. */
function browserHostFromAddress(): HostApi {
  const query = new URLSearchParams(window.location.search)
  const kiosk = query.has('kiosk')
  return createBrowserHost(window.localStorage, {
    name: 'Health IT Role Finder',
    version: __APP_VERSION__,
    kiosk,
    ...(kiosk ? { kioskIdleSeconds: parseIdleSeconds(query.get('idle')) } : {}),
  })
}

/** Tests swap in their own host. */
export function setHost(replacement: HostApi | undefined): void {
  host = replacement
}
