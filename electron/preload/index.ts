/**
 * Sandboxed preload: it may only `require('electron')`, so the build bundles everything
 * else (the contract, the result helper) into this one CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { buildHostApi } from './host-api'

contextBridge.exposeInMainWorld(
  'api',
  buildHostApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
)
