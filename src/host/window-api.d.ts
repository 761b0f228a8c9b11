import type { BridgeApi } from '../shared/host-contract'

declare global {
  interface Window {
    /** Set by the Electron preload (replies as plain data); absent in a plain browser, where the browser host is used. */
    api?: BridgeApi
  }
}

export {}
