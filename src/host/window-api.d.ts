import type { HostApi } from '../shared/host-contract'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser, where the browser host is used. */
    api?: HostApi
  }
}

export {}
