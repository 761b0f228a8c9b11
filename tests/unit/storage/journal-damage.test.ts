/**
 * Issue 12, finding 5: a damaged journal never drops confirmed saves without a word.
 * Before a rewrite drops anything, a copy of the journal is kept; the open result says
 * that recent changes may be missing and where the copy is; a header whose generation
 * was damaged is read under the snapshot's generation before being called stale.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StorageError } from '../../../src/storage'
import type { PersistenceAdapter } from '../../../src/storage/persistence-adapter'
import {
  DB_NAME,
  PASSCODE,
  fileAdapter,
  makeTempFolder,
  openInFolder,
  rawFiles,
  removeFolder,
  journalFrameBounds,
  storeWithFourSaves,
} from './helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

// Every test here drives the real encrypted store (sql.js, WebCrypto, flushed writes):
// STORE_TEST_TIMEOUT in tests/fixtures/waiting.ts says why Vitest's 5 s is not enough.

let folder: string
let journalFile: string
beforeEach(async () => {
  folder = await makeTempFolder()
  journalFile = path.join(folder, `${DB_NAME}.journal`)
})
afterEach(async () => {
  await removeFolder(folder)
})

const clock = () => Date.parse('2026-06-15T08:30:00.000Z')
const STAMP = '2026-06-15T08-30-00-000Z'

const fourConfirmedSaves = () => storeWithFourSaves(folder, 'Four Saves')

async function expectToldWithCopy(damaged: Buffer) {
  const opened = await openInFolder(folder, { now: clock })
  expect(opened.status).toBe('recovered')
  expect(opened.message).toContain('some of the most recent changes may be missing')
  expect(opened.message).toContain(`${journalFile}.damaged-${STAMP}`)
  expect(opened.keptAt).toBe(`${journalFile}.damaged-${STAMP}`)
  expect(
    (await fs.readFile(`${journalFile}.damaged-${STAMP}`)).equals(damaged),
    'the copy is the journal as found',
  ).toBe(true)
  return opened
}

describe('a damaged journal', { timeout: STORE_TEST_TIMEOUT }, () => {
  it('with one bit flipped in its last frame: the counselor is told, and a copy is kept', async () => {
    const { sessions } = await fourConfirmedSaves()
    const journal = await fs.readFile(journalFile)
    journal[journal.length - 3]! ^= 0x01
    await fs.writeFile(journalFile, journal)
    const opened = await expectToldWithCopy(journal)
    expect(await opened.store.getSession(sessions[1]!.id)).toEqual(sessions[1])
    await opened.store.close()
    const again = await openInFolder(folder)
    expect(again.status, 'told once; the repaired store then opens normally').toBe('opened')
    await again.store.close()
  })

  it('is told again when the app stops before the store that told it is closed', async () => {
    await fourConfirmedSaves()
    const journal = await fs.readFile(journalFile)
    journal[journal.length - 3]! ^= 0x01
    await fs.writeFile(journalFile, journal)
    const first = await openInFolder(folder, { now: clock })
    expect(first.status).toBe('recovered')
    // No close: the app died before its page could show the message. The repair itself is done.
    const second = await openInFolder(folder, { now: clock })
    expect(second.status).toBe('recovered')
    expect(second.keptAt).toBe(first.keptAt)
    await second.store.close()
    const third = await openInFolder(folder)
    expect(third.status, 'once a store that told it closes, it is said').toBe('opened')
    await third.store.close()
    await first.store.close().catch(() => undefined)
  })

  it('cut inside frame 2 of 4: the counselor is told, and a copy is kept', async () => {
    const { client } = await fourConfirmedSaves()
    const journal = await fs.readFile(journalFile)
    const frames = journalFrameBounds(journal)
    expect(frames).toHaveLength(4)
    const cut = journal.subarray(0, frames[1]!.start + 30)
    await fs.writeFile(journalFile, cut)
    const opened = await expectToldWithCopy(cut)
    expect(await opened.store.getClient(client.id)).toMatchObject({ displayName: 'Four Saves' })
    await opened.store.close()
  })

  it('with its generation bytes flipped still gives all four saves back: tried under the snapshot first', async () => {
    const { client, sessions } = await fourConfirmedSaves()
    const journal = await fs.readFile(journalFile)
    for (let at = 8; at < 24; at++) journal[at]! ^= 0xff
    await fs.writeFile(journalFile, journal)
    const opened = await openInFolder(folder, { now: clock })
    expect(opened.status, 'nothing was lost, so nothing is reported').toBe('opened')
    expect((await opened.store.listSessions(client.id)).map((session) => session.id).sort()).toEqual(
      sessions.map((session) => session.id).sort(),
    )
    await opened.store.close()
    const again = await openInFolder(folder)
    expect((await again.store.listSessions(client.id)).length, 'rewritten with a good header').toBe(3)
    await again.store.close()
  })

  it('with its magic damaged still gives all four saves back', async () => {
    const { client } = await fourConfirmedSaves()
    const journal = await fs.readFile(journalFile)
    journal.write('XXXX', 0, 'latin1')
    await fs.writeFile(journalFile, journal)
    const opened = await openInFolder(folder)
    expect(opened.status).toBe('opened')
    expect(await opened.store.listSessions(client.id)).toHaveLength(3)
    await opened.store.close()
  })

  it('that is missing: the counselor is told that changes since the last full save may be missing', async () => {
    await fourConfirmedSaves()
    await fs.rm(journalFile)
    const opened = await openInFolder(folder)
    expect(opened.status).toBe('recovered')
    expect(opened.keptAt).toBeNull()
    expect(opened.message).toContain('changes made since the last full save may be missing')
    await opened.store.close()
  })

  it('with frames that read under no generation at all is reported, not called stale', async () => {
    await fourConfirmedSaves()
    const journal = await fs.readFile(journalFile)
    for (let at = 8; at < 24; at++) journal[at]! ^= 0xff
    journal[journalFrameBounds(journal)[0]!.start + 30]! ^= 0x01 // and the first frame is damaged too
    await fs.writeFile(journalFile, journal)
    await expectToldWithCopy(journal).then((opened) => opened.store.close())
  })

  it('left under the old key by a passcode change cut short is known stale: nothing reported, no copy', async () => {
    const { client, sessions } = await fourConfirmedSaves()
    // The new snapshot lands, then the journal reset does not (a crash between the two writes).
    let failJournalReset = true
    const adapter: PersistenceAdapter = {
      ...fileAdapter(folder),
      writeJournal: async (bytes) => {
        if (failJournalReset) throw Object.assign(new Error('killed'), { code: 'EIO' })
        return fileAdapter(folder).writeJournal(bytes)
      },
    }
    const { store } = await openInFolder(folder, { adapter })
    await store.changePasscode(PASSCODE, 'the new passcode')
    failJournalReset = false
    await store.close()
    const opened = await openInFolder(folder, { passcode: 'the new passcode' })
    expect(opened.status).toBe('opened')
    expect((await opened.store.listSessions(client.id)).map((session) => session.id).sort()).toEqual(
      sessions.map((session) => session.id).sort(),
    )
    await opened.store.close()
    expect((await fs.readdir(folder)).filter((name) => name.includes('.damaged-'))).toEqual([])
  })

  it('is left exactly as it is when no copy can be kept first', async () => {
    await fourConfirmedSaves()
    const journal = await fs.readFile(journalFile)
    journal[journal.length - 3]! ^= 0x01
    await fs.writeFile(journalFile, journal)
    const before = await rawFiles(folder)
    const adapter: PersistenceAdapter = {
      ...fileAdapter(folder),
      keepCopy: () => Promise.reject(Object.assign(new Error('read-only'), { code: 'EROFS' })),
    }
    const error = await openInFolder(folder, { adapter }).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(StorageError)
    expect(error).toMatchObject({ code: 'damaged', message: expect.stringContaining('left exactly as it is') })
    const after = await rawFiles(folder)
    expect(after.get(DB_NAME)).toEqual(before.get(DB_NAME))
    expect(after.get(`${DB_NAME}.journal`)).toEqual(before.get(`${DB_NAME}.journal`))
  })
})
