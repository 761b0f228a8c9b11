import { describe, expect, it, vi } from 'vitest'
import { buildHostApi } from '../../../electron/preload/host-api'
import { CHANNELS } from '../../../src/shared/host-contract'

// The bridge is faked only here, at the edge, to see exactly what the page receives.
const exposed = vi.hoisted(() => ({ calls: [] as Array<[string, unknown]>, invoke: vi.fn() }))
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.calls.push([key, api]) },
  ipcRenderer: { invoke: exposed.invoke },
}))

describe('buildHostApi', () => {
  it('has one function per contract channel and nothing else', () => {
    const api = buildHostApi(vi.fn())
    expect(Object.keys(api).sort()).toEqual(Object.keys(CHANNELS).sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('sends each call on its channel with only the first argument', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: undefined }))
    const api = buildHostApi(invoke)
    const progress = { schema: 1, savedAt: 'now', answers: {}, route: '/' } as const
    await (api.saveProgress as (...args: unknown[]) => Promise<void>)(progress, 'smuggled')
    expect(invoke).toHaveBeenCalledWith(CHANNELS.saveProgress, progress)
    await api.loadProgress()
    expect(invoke).toHaveBeenLastCalledWith(CHANNELS.loadProgress, undefined)
  })

  it('returns the value of a successful reply', async () => {
    const info = { name: 'Health IT Role Finder', version: '0.1.0', host: 'electron' }
    const api = buildHostApi(async () => ({ ok: true, value: info }))
    await expect(api.getAppInfo()).resolves.toEqual(info)
  })

  it('rejects with the plain message of a failed reply', async () => {
    const api = buildHostApi(async () => ({ ok: false, error: 'failed', message: 'The disk is full.' }))
    await expect(api.clearProgress()).rejects.toThrow('The disk is full.')
  })

  it('rejects an unexpected reply instead of passing it on', async () => {
    const api = buildHostApi(async () => 'not a result')
    await expect(api.loadProgress()).rejects.toThrow('unexpected reply')
  })
})

describe('preload entry', () => {
  it('exposes only `api` on the page, made of intent functions, never ipcRenderer', async () => {
    exposed.invoke.mockResolvedValue({ ok: true, value: null })
    await import('../../../electron/preload/index')
    expect(exposed.calls.map(([key]) => key)).toEqual(['api'])
    const api = exposed.calls[0]![1] as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual(Object.keys(CHANNELS).sort())
    expect(Object.values(api)).not.toContain(exposed.invoke)
    await (api.loadProgress as () => Promise<unknown>)()
    expect(exposed.invoke).toHaveBeenCalledWith(CHANNELS.loadProgress, undefined)
  })
})
