import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { IpcResult } from '../../../src/shared/ipc-result'
import { StorageError } from '../../../src/storage/errors'
import { realHostHandlers } from './fixtures/host-handlers'
import { registerIpcHandlers, type IpcSender } from '../../../electron/main/ipc'
import { isTrustedSender } from '../../../electron/main/security'
import { PROGRESS_FILE_NAME } from '../../../electron/main/services/progress-store'
import { UserFacingError } from '../../../electron/main/services/user-facing-error'
import { CHANNELS, type HostApi, type SavedProgress } from '../../../src/shared/host-contract'

const ownPage: IpcSender = { senderFrame: { url: 'app://bundle/index.html#/question/2' } }

const goodProgress: SavedProgress = {
  schema: 1,
  savedAt: '2026-11-25T08:00:00.000Z',
  answers: { license_held: 'none', interests: ['teaching', 'fixing_things'] },
  route: '/question/3',
}

type Listener = (event: IpcSender, payload: unknown) => Promise<unknown>

/** Registers the real handlers on a plain map standing in for ipcMain. */
function register(handlers: HostApi, logError = vi.fn()) {
  const listeners = new Map<string, Listener>()
  registerIpcHandlers(
    {
      handle: (channel, listener) => {
        if (listeners.has(channel)) throw new Error(`second handler for ${channel}`)
        listeners.set(channel, listener)
      },
    },
    handlers,
    { isTrustedSender, logError },
  )
  const call = (channel: string, event: IpcSender, payload?: unknown) =>
    listeners.get(channel)!(event, payload) as Promise<IpcResult<unknown>>
  return { listeners, call, logError }
}

let folder: string
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ipc-'))
})
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }))

function realHandlers(kiosk = false) {
  return realHostHandlers(folder, { kiosk }).handlers
}

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per channel in the contract', () => {
    const { listeners } = register(realHandlers())
    expect([...listeners.keys()].sort()).toEqual(Object.values(CHANNELS).sort())
  })

  it.each([
    ['another file', { senderFrame: { url: 'file:///tmp/evil.html' } }],
    ['the old file: page', { senderFrame: { url: 'file:///app/dist/index.html' } }],
    ['another host of our scheme', { senderFrame: { url: 'app://evil/index.html' } }],
    ['a web page', { senderFrame: { url: 'https://example.org/' } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('rejects a request from %s and touches nothing', async (_label, event) => {
    const { call } = register(realHandlers())
    const result = await call(CHANNELS.saveProgress, event as IpcSender, goodProgress)
    expect(result).toEqual({ ok: false, code: 'untrusted-sender', message: expect.any(String) })
    expect(fs.readdirSync(folder)).toEqual([])
  })

  it.each([
    ['nothing', undefined],
    ['a string', 'progress'],
    ['the wrong schema version', { ...goodProgress, schema: 2 }],
    ['an extra field', { ...goodProgress, name: 'Ada' }],
    ['a path-like answer id', { ...goodProgress, answers: { '../../etc/passwd': 'x' } }],
    ['a route that is a URL', { ...goodProgress, route: 'https://example.org' }],
    [
      'too many answers',
      { ...goodProgress, answers: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`q${i}`, 'a'])) },
    ],
  ])('rejects a save with %s and writes nothing', async (_label, payload) => {
    const { call } = register(realHandlers())
    const result = await call(CHANNELS.saveProgress, ownPage, payload)
    expect(result).toEqual({ ok: false, code: 'invalid-payload', message: expect.any(String) })
    expect(fs.readdirSync(folder)).toEqual([])
  })

  it('rejects a payload on a channel that takes none', async () => {
    const { call } = register(realHandlers())
    expect(await call(CHANNELS.clearProgress, ownPage, { everything: true })).toMatchObject({
      ok: false,
      code: 'invalid-payload',
    })
  })

  it('passes a valid save to the store, and a load returns it', async () => {
    const { call } = register(realHandlers())
    expect(await call(CHANNELS.saveProgress, ownPage, goodProgress)).toEqual({ ok: true, value: undefined })
    expect(JSON.parse(fs.readFileSync(path.join(folder, PROGRESS_FILE_NAME), 'utf8'))).toEqual(goodProgress)
    expect(await call(CHANNELS.loadProgress, ownPage)).toEqual({ ok: true, value: goodProgress })
    expect(await call(CHANNELS.clearProgress, ownPage)).toEqual({ ok: true, value: undefined })
    expect(await call(CHANNELS.loadProgress, ownPage)).toEqual({ ok: true, value: null })
  })

  it('answers app info as the Electron host', async () => {
    const { call } = register(realHandlers())
    expect(await call(CHANNELS.getAppInfo, ownPage)).toEqual({
      ok: true,
      value: { name: 'Health IT Role Finder', version: '0.1.0', host: 'electron', kiosk: false },
    })
  })

  it('passes a user-facing failure on with its code, and hides any other error', async () => {
    const handlers = realHandlers()
    handlers.saveProgress = async () => {
      throw new UserFacingError('Your progress could not be saved (the disk is full).', {
        code: 'write-failed',
        cause: Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
      })
    }
    handlers.loadProgress = async () => {
      throw new Error('EBADF at /home/ada/.config/secret/path')
    }
    const { call, logError } = register(handlers)
    expect(await call(CHANNELS.saveProgress, ownPage, goodProgress)).toEqual({
      ok: false,
      code: 'write-failed',
      disk: 'full',
      message: 'Your progress could not be saved (the disk is full).',
    })
    const hidden = await call(CHANNELS.loadProgress, ownPage)
    expect(hidden).toEqual({ ok: false, code: 'unexpected', message: 'Something went wrong. Please try again.' })
    expect(JSON.stringify(hidden)).not.toContain('/home/ada')
    expect(logError).toHaveBeenCalledWith(CHANNELS.loadProgress, expect.any(Error))
  })

  it("passes a storage error's code and plain details on, never its cause", async () => {
    const handlers = realHandlers()
    handlers.counselorChangePasscode = async () => {
      throw new StorageError('locked', 'Too many wrong passcodes. Wait 15 minutes and try again.', {
        retryAfterMs: 900_000,
        cause: new Error('SQLITE_BUSY at /home/ada/db'),
      })
    }
    const { call, logError } = register(handlers)
    const reply = await call(CHANNELS.counselorChangePasscode, ownPage, { current: 'a', next: 'b' })
    expect(reply).toEqual({
      ok: false,
      code: 'locked',
      retryAfterMs: 900_000,
      message: 'Too many wrong passcodes. Wait 15 minutes and try again.',
    })
    expect(JSON.stringify(reply)).not.toContain('SQLITE')
    expect(logError).not.toHaveBeenCalled()
  })
})

describe('preferences and kiosk mode over IPC', () => {
  it('remembers the language in a settings file', async () => {
    const { call } = register(realHandlers())
    expect(await call(CHANNELS.savePreferences, ownPage, { schema: 1, locale: 'es' })).toEqual({
      ok: true,
      value: undefined,
    })
    expect(await call(CHANNELS.loadPreferences, ownPage)).toEqual({ ok: true, value: { schema: 1, locale: 'es' } })
    expect((await call(CHANNELS.savePreferences, ownPage, { schema: 1, locale: 'fr' })).ok).toBe(false)
  })

  it('writes nothing at all in kiosk mode, even when asked', async () => {
    const { call } = register(realHandlers(true))
    expect(await call(CHANNELS.getAppInfo, ownPage)).toMatchObject({ ok: true, value: { kiosk: true } })
    expect((await call(CHANNELS.saveProgress, ownPage, goodProgress)).ok).toBe(true)
    expect((await call(CHANNELS.savePreferences, ownPage, { schema: 1, locale: 'es' })).ok).toBe(true)
    expect(fs.readdirSync(folder)).toEqual([])
    expect(await call(CHANNELS.loadProgress, ownPage)).toEqual({ ok: true, value: null })
  })
})
