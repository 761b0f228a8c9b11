import fs from 'node:fs/promises'
import path from 'node:path'
import initSqlJs from 'sql.js'
import { afterEach, beforeEach, describe, expect, it as vitestIt } from 'vitest'
import { StorageError } from '../../../src/storage'
import { asBytes } from '../../../src/storage/bytes'
import { LATEST_SCHEMA_VERSION } from '../../../src/storage/migrations'
import { deriveKey, sealKeyCheck } from '../../../src/storage/passcode-crypto'
import { decryptSnapshotBody, encodeSnapshot, parseSnapshot } from '../../../src/storage/snapshot-format'
import {
  DB_NAME,
  PASSCODE,
  journalFrameBounds,
  makeTempFolder,
  openInFolder,
  rawFiles,
  removeFolder,
  sampleSession,
  storeWithFourSaves,
} from './helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

/** Every test here drives the real encrypted store: STORE_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, STORE_TEST_TIMEOUT)

let folder: string
let dbFile: string
let journalFile: string
beforeEach(async () => {
  folder = await makeTempFolder()
  dbFile = path.join(folder, DB_NAME)
  journalFile = `${dbFile}.journal`
})
afterEach(async () => {
  await removeFolder(folder)
})

const clock = () => Date.parse('2026-06-15T08:30:00.000Z')
const STAMP = '2026-06-15T08-30-00-000Z'

const storeWithHistory = () => storeWithFourSaves(folder, 'Journal Person')

/** Damage is reported as damage: nothing is created, replaced, moved or deleted. */
async function expectDamageReportedAndKept(passcodeChecked: boolean) {
  const before = await rawFiles(folder)
  const error = await openInFolder(folder, { now: clock }).catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(StorageError)
  expect(error).toMatchObject({ code: 'damaged', passcodeChecked, where: folder })
  expect((error as StorageError).message).toContain('Nothing was changed or deleted')
  const after = await rawFiles(folder)
  for (const name of [DB_NAME, `${DB_NAME}.journal`]) {
    expect(after.get(name), `${name} is left exactly as it was`).toEqual(before.get(name))
  }
  expect([...after.keys()].filter((name) => name.includes('.damaged-'))).toEqual([])
}

describe('a damaged database file', () => {
  it('that is truncated is reported as damaged and left as it is', async () => {
    await storeWithHistory()
    const whole = await fs.readFile(dbFile)
    await fs.writeFile(dbFile, whole.subarray(0, Math.floor(whole.length / 2)))
    await expectDamageReportedAndKept(true)
  })

  it('made of random bytes is reported; with no key check left, the passcode cannot be checked', async () => {
    const random = Buffer.from(crypto.getRandomValues(new Uint8Array(50_000)))
    await fs.writeFile(dbFile, random)
    await expectDamageReportedAndKept(false)
  })

  it('with the wrong magic (another program’s file) is reported', async () => {
    await storeWithHistory()
    const other = await fs.readFile(dbFile)
    other.write('SQLite f', 0, 'latin1')
    await fs.writeFile(dbFile, other)
    await expectDamageReportedAndKept(true)
  })

  it('with one flipped byte in the encrypted body is reported after the passcode is checked', async () => {
    await storeWithHistory()
    const flipped = await fs.readFile(dbFile)
    flipped[flipped.length - 100]! ^= 0xff
    await fs.writeFile(dbFile, flipped)
    await expectDamageReportedAndKept(true)
    await expect(openInFolder(folder, { passcode: 'not the passcode' })).rejects.toMatchObject({
      code: 'wrong-passcode',
    })
  })

  it('that is empty (0 bytes) is reported', async () => {
    await fs.writeFile(dbFile, Buffer.alloc(0))
    await expectDamageReportedAndKept(false)
  })
})

describe('the journal', () => {
  it('with a torn last frame opens with every earlier save, and says the last change may be missing', async () => {
    const { sessions } = await storeWithHistory()
    const journal = await fs.readFile(journalFile)
    expect(journalFrameBounds(journal).at(-1)?.end).toBe(journal.length)
    await fs.writeFile(journalFile, journal.subarray(0, journal.length - 7))
    const opened = await openInFolder(folder, { now: clock })
    // A crash cannot cut one frame's write short, so this may have been a confirmed save.
    expect(opened.status).toBe('recovered')
    expect(opened.keptAt).toBe(`${journalFile}.damaged-${STAMP}`)
    const stored = await Promise.all(sessions.slice(0, 2).map((session) => opened.store.getSession(session.id)))
    expect(stored).toEqual(sessions.slice(0, 2))
    await expect(opened.store.getSession(sessions[2]!.id)).rejects.toMatchObject({ code: 'not-found' })
    // It was rewritten cleanly: new saves append and survive.
    const later = await opened.store.saveSession(sampleSession(stored[0]!.clientId))
    await opened.store.close()
    const again = await openInFolder(folder)
    expect(await again.store.getSession(later.id)).toEqual(later)
    await again.store.close()
  })

  it('damaged in the middle keeps what came before, keeps a copy of the journal and says so', async () => {
    const { client, sessions } = await storeWithHistory()
    const journal = await fs.readFile(journalFile)
    const frames = journalFrameBounds(journal)
    expect(frames).toHaveLength(4)
    const damaged = Buffer.from(journal)
    damaged[frames[2]!.start + 40]! ^= 0x01 // inside the second session's ciphertext
    await fs.writeFile(journalFile, damaged)
    const opened = await openInFolder(folder, { now: clock })
    expect(opened.status).toBe('recovered')
    expect(opened.message).toContain('most recent changes may be missing')
    expect(opened.keptAt).toBe(`${journalFile}.damaged-${STAMP}`)
    expect(await opened.store.getClient(client.id)).toEqual(client)
    expect(await opened.store.getSession(sessions[0]!.id)).toEqual(sessions[0])
    for (const lost of sessions.slice(1))
      await expect(opened.store.getSession(lost.id)).rejects.toMatchObject({ code: 'not-found' })
    await opened.store.close()
    expect((await fs.readFile(`${journalFile}.damaged-${STAMP}`)).equals(damaged)).toBe(true)
    const again = await openInFolder(folder)
    expect(again.status).toBe('opened')
    expect(await again.store.getSession(sessions[0]!.id)).toEqual(sessions[0])
    await again.store.close()
  })

  it('left from before the last snapshot (crash between the two writes) is ignored, not replayed twice', async () => {
    const { store } = await openInFolder(folder)
    const client = await store.createClient({ displayName: 'Stale Journal' })
    const oldJournal = await fs.readFile(journalFile)
    await store.close()
    // A 1-byte journal limit makes the next save rewrite the snapshot (closing waits for it).
    const reopened = await openInFolder(folder, { journalLimitBytes: 1 })
    await reopened.store.updateClient({ id: client.id, displayName: 'Renamed Later' })
    await reopened.store.close()
    await fs.writeFile(journalFile, oldJournal)
    const opened = await openInFolder(folder)
    expect(opened.status).toBe('opened')
    expect((await opened.store.getClient(client.id)).displayName).toBe('Renamed Later')
    await opened.store.close()
  })

  it('without its database file is reported as damaged, never taken for first use', async () => {
    await storeWithHistory()
    await fs.rm(dbFile)
    await expectDamageReportedAndKept(true)
  })
})

it('refuses a database written by a newer release, changing nothing', async () => {
  await storeWithHistory()
  const raw = new Uint8Array(await fs.readFile(dbFile))
  const parsed = await parseSnapshot(asBytes(raw))
  const key = await deriveKey(PASSCODE, parsed.header.kdf)
  const SQL = await initSqlJs()
  const db = new SQL.Database(await decryptSnapshotBody(parsed, key))
  db.run('INSERT INTO schema_version VALUES (?, ?)', [LATEST_SCHEMA_VERSION + 1, '2030-01-01T00:00:00Z'])
  const keyring = { key, kdf: parsed.header.kdf, keyCheck: await sealKeyCheck(key, parsed.header.kdf) }
  await fs.writeFile(dbFile, await encodeSnapshot(keyring, parsed.header.generation, asBytes(db.export())))
  db.close()
  const before = await rawFiles(folder)

  const error = await openInFolder(folder).catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(StorageError)
  expect(error).toMatchObject({ code: 'newer-version' })
  const after = await rawFiles(folder)
  expect(after.get(DB_NAME)?.equals(before.get(DB_NAME)!)).toBe(true)
  expect(after.get(`${DB_NAME}.journal`)?.equals(before.get(`${DB_NAME}.journal`)!)).toBe(true)
})
