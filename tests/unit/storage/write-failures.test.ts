import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it as vitestIt } from 'vitest'
import type { DatabaseFileSystem } from '../../../electron/main/services/database-file'
import { StorageError } from '../../../src/storage'
import { DB_NAME, fileAdapter, makeTempFolder, openInFolder, rawFiles, removeFolder, sampleSession } from './helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

/** Every test here drives the real encrypted store: STORE_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, STORE_TEST_TIMEOUT)

type Failure = 'ENOSPC' | 'EROFS' | null

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code })
}

/**
 * The real file system, except that writes fail on demand: EROFS refuses to open a
 * file for writing; ENOSPC lets half of the bytes land and then fails, as a full
 * disk does. Tests run as root here, so permissions alone cannot make a folder read-only.
 */
function flakyFileSystem() {
  const state: { failure: Failure } = { failure: null }
  const real = fs.promises
  const io: DatabaseFileSystem = {
    readFile: real.readFile,
    readdir: real.readdir,
    rm: real.rm,
    rename: async (from, to) => {
      if (state.failure === 'EROFS') throw errno('EROFS')
      return real.rename(from, to)
    },
    mkdir: real.mkdir,
    open: (async (file: fs.PathLike, flags?: string | number, mode?: fs.Mode) => {
      const writing = flags !== undefined && flags !== 'r'
      if (writing && state.failure === 'EROFS') throw errno('EROFS')
      const handle = await real.open(file, flags, mode)
      if (!writing || state.failure !== 'ENOSPC') return handle
      return new Proxy(handle, {
        get(target, property) {
          if (property === 'writeFile') {
            return async (data: Uint8Array) => {
              await target.write(data.subarray(0, Math.floor(data.length / 2)))
              throw errno('ENOSPC')
            }
          }
          const value = Reflect.get(target, property)
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
    }) as DatabaseFileSystem['open'],
  }
  return { io, state }
}

let folder: string
beforeEach(async () => {
  folder = await makeTempFolder()
})
afterEach(async () => {
  await removeFolder(folder)
})

async function expectWriteFailed(promise: Promise<unknown>, words: string): Promise<StorageError> {
  const error = await promise.catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(StorageError)
  expect(error).toMatchObject({ code: 'write-failed' })
  const { message } = error as StorageError
  expect(message).toContain(words)
  expect(message).toContain('export it')
  expect(message).not.toMatch(/ENOSPC|EROFS|simulated|\n\s+at /)
  return error as StorageError
}

describe('a full disk', () => {
  it('fails the save with a plain typed error, keeps it in memory for export, and saves it once space is back', async () => {
    const { io, state } = flakyFileSystem()
    const { store } = await openInFolder(folder, { adapter: fileAdapter(folder, io) })
    const client = await store.createClient({ displayName: 'Disk Full' })
    const kept = await store.saveSession(sampleSession(client.id))
    const snapshotBefore = fs.readFileSync(path.join(folder, DB_NAME))

    state.failure = 'ENOSPC'
    const input = sampleSession(client.id, { startedAt: '2026-05-05T10:00:00Z' })
    await expectWriteFailed(store.saveSession(input), 'because the disk is full')
    const [unsaved] = (await store.listSessions(client.id)).filter((session) => session.id !== kept.id)
    expect(unsaved, 'the session is still in memory').toBeDefined()
    const exported = JSON.parse(await store.exportSessionJson(unsaved!.id))
    expect(exported.session.startedAt).toBe('2026-05-05T10:00:00.000Z')
    expect(await store.exportSessionsCsv()).toContain(unsaved!.id)

    // The next save cannot append after the half-written frame, so it rewrites: that fails too.
    await expectWriteFailed(store.createClient({ displayName: 'Second Try' }), 'because the disk is full')
    expect(fs.readFileSync(path.join(folder, DB_NAME)).equals(snapshotBefore), 'snapshot untouched').toBe(true)
    expect(
      fs.readdirSync(folder).filter((name) => name.endsWith('.tmp')),
      'no temp files left',
    ).toEqual([])

    state.failure = null
    await store.updateClient({ id: client.id, notes: 'space is back' })
    await store.close()
    const reopened = await openInFolder(folder)
    expect(reopened.status).toBe('opened')
    expect((await reopened.store.listSessions(client.id)).map((session) => session.id).sort()).toEqual(
      [kept.id, unsaved!.id].sort(),
    )
    expect(await reopened.store.searchClients('second try')).toHaveLength(1)
    expect((await reopened.store.getClient(client.id)).notes).toBe('space is back')
    await reopened.store.close()
  })

  it('after a failed append and a crash, opens with every save that had succeeded', async () => {
    const { io, state } = flakyFileSystem()
    const { store } = await openInFolder(folder, { adapter: fileAdapter(folder, io) })
    const client = await store.createClient({ displayName: 'Crash After Full Disk' })
    const kept = await store.saveSession(sampleSession(client.id))
    state.failure = 'ENOSPC'
    await store.saveSession(sampleSession(client.id)).catch(() => undefined)
    // No close: the app dies here. A fresh open reads the torn journal.
    const reopened = await openInFolder(folder)
    expect(reopened.status).toBe('opened')
    expect((await reopened.store.listSessions(client.id)).map((session) => session.id)).toEqual([kept.id])
    await reopened.store.close()
  })
})

describe('a read-only disk', () => {
  it('still opens existing data for reading and export, and refuses changes in plain words', async () => {
    const first = await openInFolder(folder)
    const client = await first.store.createClient({ displayName: 'Read Only' })
    const session = await first.store.saveSession(sampleSession(client.id))
    await first.store.close()
    const before = await rawFiles(folder)

    const { io, state } = flakyFileSystem()
    state.failure = 'EROFS'
    const opened = await openInFolder(folder, { adapter: fileAdapter(folder, io) })
    expect(opened.status).toBe('opened')
    expect(await opened.store.getSession(session.id)).toEqual(session)
    expect(await opened.store.exportSessionJson(session.id)).toContain(session.id)
    await expectWriteFailed(opened.store.updateClient({ id: client.id, notes: 'x' }), 'because the disk is read-only')
    await opened.store.close()
    const after = await rawFiles(folder)
    expect(after.get(DB_NAME)?.equals(before.get(DB_NAME)!)).toBe(true)
    expect(after.get(`${DB_NAME}.journal`)?.equals(before.get(`${DB_NAME}.journal`)!)).toBe(true)
  })

  it('cannot create a new store, and says so', async () => {
    const { io, state } = flakyFileSystem()
    state.failure = 'EROFS'
    const error = await openInFolder(folder, { adapter: fileAdapter(folder, io) }).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(StorageError)
    expect(error).toMatchObject({
      code: 'write-failed',
      message:
        'Counselor data could not be created because the disk is read-only. Try again once the disk has space and can be written to.',
    })
  })
})
