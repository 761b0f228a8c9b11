import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, it as vitestIt } from 'vitest'
import { openCounselorStore } from '../../../src/storage'
import { type IdbFactory, createIndexedDbAdapter } from '../../../src/storage/indexeddb-adapter'
import type { PersistenceAdapter } from '../../../src/storage/persistence-adapter'
import { describeAdapterContract } from './adapter-contract'
import { PASSCODE, TEST_KDF_ITERATIONS, loadSqlJs, sampleSession } from './helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

/** Every test here drives the real encrypted store: STORE_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, STORE_TEST_TIMEOUT)

type FakeFactory = InstanceType<typeof IDBFactory>

/** fake-indexeddb implements the IndexedDB API in memory; each factory is a separate "browser". */
function newBrowser(): IdbFactory {
  return asFactory(new IDBFactory())
}
function asFactory(fake: FakeFactory): IdbFactory {
  return fake as unknown as IdbFactory
}

/** Reads the adapter's 'aside' object store directly, as a developer would in the browser's tools. */
function readAside(browser: FakeFactory, key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = browser.open('health-it-role-finder-counselor')
    request.onerror = () => reject(request.error)
    request.onsuccess = () => {
      const db = request.result
      const get = db.transaction('aside', 'readonly').objectStore('aside').get(key)
      get.onsuccess = () => {
        db.close()
        resolve(get.result)
      }
      get.onerror = () => reject(get.error)
    }
  })
}

describe('IndexedDB adapter', () => {
  describeAdapterContract(async () => createIndexedDbAdapter({ factory: newBrowser() }))

  it('satisfies PersistenceAdapter and touches no global until a method runs', async () => {
    const adapter: PersistenceAdapter = createIndexedDbAdapter()
    expect('indexedDB' in globalThis).toBe(false)
    await expect(adapter.read()).rejects.toThrow(/IndexedDB is not available/)
  })

  it('keeps a copy until everything is erased', async () => {
    const browser = new IDBFactory()
    const adapter = createIndexedDbAdapter({ factory: asFactory(browser) })
    await adapter.write(new Uint8Array([1]))
    expect(await adapter.keepCopy('2026-01-01', { snapshot: new Uint8Array([1]) })).toBe(
      'this browser\'s storage, kept as "damaged-2026-01-01"',
    )
    expect(await adapter.read()).toEqual(new Uint8Array([1]))
    expect(await readAside(browser, 'damaged-2026-01-01')).toEqual({ snapshot: new Uint8Array([1]), journal: null })
    await adapter.eraseAll()
    expect(await browser.databases()).toEqual([])
  })

  it('runs the whole counselor store: save, close, reopen, wrong passcode', async () => {
    const factory = newBrowser()
    const open = (passcode = PASSCODE) =>
      openCounselorStore({
        adapter: createIndexedDbAdapter({ factory }),
        loadSqlJs,
        passcode,
        kdfIterations: TEST_KDF_ITERATIONS,
      })
    const first = await open()
    expect(first.status).toBe('created')
    const client = await first.store.createClient({ displayName: 'Browser Client' })
    const session = await first.store.saveSession(sampleSession(client.id))
    await first.store.close()

    await expect(open('not the passcode')).rejects.toMatchObject({ code: 'wrong-passcode' })
    const second = await open()
    expect(second.status).toBe('opened')
    expect(await second.store.getSession(session.id)).toEqual(session)
    await second.store.close()
  })
})
