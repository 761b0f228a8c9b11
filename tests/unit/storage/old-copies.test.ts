/**
 * Issue 12, finding 6: after a client is deleted or the passcode is changed, no copy the
 * app made (kept copies of damaged data, in a folder or in the browser's storage) can
 * still be read, with the old passcode or the current one.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCounselorStore } from '../../../src/storage'
import { asBytes } from '../../../src/storage/bytes'
import { type IdbFactory, createIndexedDbAdapter } from '../../../src/storage/indexeddb-adapter'
import { deriveKey } from '../../../src/storage/passcode-crypto'
import type { PersistenceAdapter } from '../../../src/storage/persistence-adapter'
import { decryptSnapshotBody, parseSnapshot } from '../../../src/storage/snapshot-format'
import {
  DB_NAME,
  PASSCODE,
  TEST_KDF_ITERATIONS,
  containsText,
  loadSqlJs,
  makeTempFolder,
  openInFolder,
  removeFolder,
  sampleSession,
} from './helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

// Every test here drives the real encrypted store (sql.js, WebCrypto, flushed writes):
// STORE_TEST_TIMEOUT in tests/fixtures/waiting.ts says why Vitest's 5 s is not enough.

let folder: string
beforeEach(async () => {
  folder = await makeTempFolder()
})
afterEach(async () => {
  await removeFolder(folder)
})

const GONE = 'Ottoline Vasquez-Hart'

/** A store whose journal's last frame is damaged, opened once so that a copy of the journal is kept. */
async function storeWithKeptCopy(
  open: (passcode?: string) => ReturnType<typeof openInFolder>,
  damage: () => Promise<void>,
) {
  const { store } = await open()
  const gone = await store.createClient({ displayName: GONE })
  await store.saveSession(sampleSession(gone.id))
  const kept = await store.createClient({ displayName: 'Stays' })
  await store.updateClient({ id: kept.id, notes: 'the last frame, soon damaged' })
  await store.close()
  await damage()
  const opened = await open()
  expect(opened.status).toBe('recovered')
  return { store: opened.store, gone, kept }
}

/** Whether any bytes in `files` open with `passcode` and hold `text`: snapshots and journal frames alike. */
async function readableWith(files: Uint8Array[], passcode: string, text: string): Promise<boolean> {
  for (const bytes of files) {
    if (containsText(bytes, text)) return true
    const start = Buffer.from(bytes).indexOf('HITRFCDB')
    if (start < 0) continue
    try {
      const parsed = await parseSnapshot(asBytes(bytes.slice(start)))
      const image = await decryptSnapshotBody(parsed, await deriveKey(passcode, parsed.header.kdf))
      if (containsText(image, text)) return true
    } catch {
      // not readable with this passcode
    }
  }
  return false
}

describe('kept copies in a folder', { timeout: STORE_TEST_TIMEOUT }, () => {
  const damageLastFrame = async () => {
    const journalFile = path.join(folder, `${DB_NAME}.journal`)
    const journal = await fs.readFile(journalFile)
    journal[journal.length - 3]! ^= 0x01
    await fs.writeFile(journalFile, journal)
  }
  const open = (passcode = PASSCODE) => openInFolder(folder, { passcode })
  const allFiles = async () =>
    Promise.all(
      (await fs.readdir(folder)).map(async (name) => new Uint8Array(await fs.readFile(path.join(folder, name)))),
    )

  it('are removed when a client is deleted, with any an older version moved aside', async () => {
    const { store, gone } = await storeWithKeptCopy(open, damageLastFrame)
    // An older version moved whole snapshots aside: one of them holds the client too.
    await fs.copyFile(path.join(folder, DB_NAME), path.join(folder, `${DB_NAME}.damaged-2025-01-01T00-00-00-000Z`))
    expect((await fs.readdir(folder)).filter((name) => name.includes('.damaged-'))).toHaveLength(2)
    expect(await readableWith(await allFiles(), PASSCODE, GONE), 'precondition').toBe(true)

    await store.deleteClient(gone.id)
    await store.close()
    expect((await fs.readdir(folder)).filter((name) => name.includes('.damaged-'))).toEqual([])
    expect(await readableWith(await allFiles(), PASSCODE, GONE)).toBe(false)
  })

  it('are removed when the passcode changes: the old passcode then opens nothing', async () => {
    const { store } = await storeWithKeptCopy(open, damageLastFrame)
    await fs.copyFile(path.join(folder, DB_NAME), path.join(folder, `${DB_NAME}.damaged-2025-01-01T00-00-00-000Z`))
    expect(await readableWith(await allFiles(), PASSCODE, 'Stays'), 'precondition').toBe(true)

    await store.changePasscode(PASSCODE, 'a brand new passcode')
    await store.close()
    expect((await fs.readdir(folder)).filter((name) => name.includes('.damaged-'))).toEqual([])
    expect(await readableWith(await allFiles(), PASSCODE, 'Stays')).toBe(false)
    expect(await readableWith(await allFiles(), 'a brand new passcode', 'Stays')).toBe(true)
  })
})

describe('kept copies in the browser', { timeout: STORE_TEST_TIMEOUT }, () => {
  function aside(browser: InstanceType<typeof IDBFactory>): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const request = browser.open('health-it-role-finder-counselor')
      request.onerror = () => reject(request.error)
      request.onsuccess = () => {
        const db = request.result
        const all = db.transaction('aside', 'readonly').objectStore('aside').getAll()
        all.onsuccess = () => {
          db.close()
          resolve(all.result)
        }
      }
    })
  }

  it('are removed from IndexedDB when a client is deleted or the passcode changes', async () => {
    const browser = new IDBFactory()
    const adapter: PersistenceAdapter = createIndexedDbAdapter({ factory: browser as unknown as IdbFactory })
    const open = (passcode = PASSCODE) =>
      openCounselorStore({ adapter, loadSqlJs, passcode, kdfIterations: TEST_KDF_ITERATIONS })
    const damageLastFrame = async () => {
      const journal = (await adapter.readJournal())!
      const damaged = journal.slice()
      damaged[damaged.length - 3]! ^= 0x01
      await adapter.writeJournal(damaged)
    }
    const { store, gone, kept } = await storeWithKeptCopy(open, damageLastFrame)
    expect(await aside(browser)).toHaveLength(1)
    await store.deleteClient(gone.id)
    expect(await aside(browser), 'gone after the delete').toEqual([])

    await store.updateClient({ id: kept.id, notes: 'a new last frame, to damage again' })
    await store.close()
    await damageLastFrame()
    const again = await open()
    expect(await aside(browser)).toHaveLength(1)
    await again.store.changePasscode(PASSCODE, 'a brand new passcode')
    expect(await aside(browser), 'gone after the passcode change').toEqual([])
    await again.store.close()
  })
})
