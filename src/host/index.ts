/**
 * The renderer's one door to the outside world. In Electron the preload script
 * provides `window.api`; anywhere else the browser host stands in for it. The browser
 * host is small and part of the start-up script (a separate chunk cost a round trip
 * before the first screen); its validators and storage engines load on first use. The
 * bridge to `window.api` (IPC channel names, error codes) is a chunk of its own: only the
 * desktop app, which reads it from its own disk, needs it.
 */
import type { HostApi } from '../shared/host-contract'
import { parseIdleSeconds } from '../shared/kiosk'
import { createBrowserHost, defaultExtras, kioskSettingOn } from './browser-host'

let host: HostApi | undefined

/** Picks the host once, before the app mounts. */
export async function initHost(): Promise<HostApi> {
  if (host) return host
  if (window.api) return (host = (await import('./bridge-host')).hostFromBridge(window.api))
  // In a browser, `?kiosk` (and optionally `&idle=SECONDS`) in the address forces kiosk mode;
  // counselors can also turn it on as a setting.
  const query = new URLSearchParams(window.location.search)
  const storage = window.localStorage
  const kiosk = query.has('kiosk') || (await kioskSettingOn(storage))
  host = createBrowserHost(
    storage,
    {
      name: 'Health IT Role Finder',
      version: __APP_VERSION__,
      kiosk,
      ...(kiosk ? { kioskIdleSeconds: parseIdleSeconds(query.get('idle')) } : {}),
    },
    defaultExtras(storage, query.has('kiosk')),
  )
  return host
}

export function useHost(): HostApi {
  if (!host) throw new Error('The host is used before initHost() has run')
  return host
}

/** Tests swap in their own host. */
export function setHost(replacement: HostApi | undefined): void {
  host = replacement
}
