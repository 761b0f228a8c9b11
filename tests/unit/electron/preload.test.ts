import { describe, expect, it, vi } from 'vitest'
import { buildHostApi } from '../../../electron/preload/host-api'
import { hostFromBridge } from '../../../src/host/bridge-host'
import { HostError } from '../../../src/shared/errors'
import { CHANNELS } from '../../../src/shared/host-contract'

// The bridge is faked only here, at the edge, to see exactly what the page receives.
const exposed = vi.hoisted(() => ({ calls: [] as Array<[string, unknown]>, invoke: vi.fn() }))
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.calls.push([key, api]) },
  ipcRenderer: { invoke: exposed.invoke },
}))

/** The page's host over the preload's api, as src/host builds it in Electron. */
const pageHost = (invoke: Parameters<typeof buildHostApi>[0]) => hostFromBridge(buildHostApi(invoke))

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
    await (api.saveProgress as (...args: unknown[]) => Promise<unknown>)(progress, 'smuggled')
    expect(invoke).toHaveBeenCalledWith(CHANNELS.saveProgress, progress)
    await api.loadProgress()
    expect(invoke).toHaveBeenLastCalledWith(CHANNELS.loadProgress, undefined)
  })

  it('hands a failed reply to the page as plain data, never as a thrown Error', async () => {
    // Electron's context bridge copies a thrown Error with its message only; plain data is copied whole.
    const reply = { ok: false, code: 'write-failed', disk: 'full', message: 'The disk is full.' }
    const api = buildHostApi(async () => reply)
    const received = await api.clearProgress()
    expect(structuredClone(received)).toEqual(reply)
  })
})

describe('the page host over the bridge', () => {
  it('returns the value of a successful reply', async () => {
    const info = { name: 'Health IT Role Finder', version: '0.1.0', host: 'electron' }
    const api = pageHost(async () => ({ ok: true, value: info }))
    await expect(api.getAppInfo()).resolves.toEqual(info)
  })

  it('rejects with the plain message of a failed reply', async () => {
    const api = pageHost(async () => ({ ok: false, code: 'write-failed', message: 'The disk is full.' }))
    await expect(api.clearProgress()).rejects.toThrow('The disk is full.')
  })

  it("rejects with a HostError that keeps the reply's code and details", async () => {
    const api = pageHost(async () => ({
      ok: false,
      code: 'locked',
      message: 'Too many wrong passcodes.',
      retryAfterMs: 60_000,
      field: 'passcode',
    }))
    const error = await api.counselorChangePasscode({ current: 'a', next: 'b' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HostError)
    expect(error).toMatchObject({ code: 'locked', retryAfterMs: 60_000, field: 'passcode' })
  })

  it('rejects an unexpected reply instead of passing it on', async () => {
    const api = pageHost(async () => 'not a result')
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
