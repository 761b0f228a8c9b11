/**
 * Counselor data in a plain browser, kept in IndexedDB. No imports and no DOM types:
 * the global `indexedDB` is looked up only when a method runs, so this file loads
 * (and type-checks) in Node too. It satisfies PersistenceAdapter structurally.
 *
 * IndexedDB transactions are atomic, so "write temp then rename" becomes one put.
 * Journal frames are separate records (auto-increment keys keep their order);
 * reading the journal joins them. `durability: 'strict'` asks the browser to flush
 * to disk before reporting the transaction complete.
 */

/** The few IndexedDB members used here, described structurally. */
interface IdbRequest<T = unknown> {
  result: T
  error: { name?: string; message?: string } | null
  onsuccess: (() => void) | null
  onerror: (() => void) | null
}
interface IdbOpenRequest extends IdbRequest<IdbDatabase> {
  onupgradeneeded: (() => void) | null
  onblocked: (() => void) | null
}
interface IdbStore {
  get(key: string): IdbRequest<unknown>
  getAll(): IdbRequest<unknown[]>
  getAllKeys(): IdbRequest<unknown[]>
  put(value: unknown, key?: string): IdbRequest
  add(value: unknown): IdbRequest
  delete(key: string): IdbRequest
  clear(): IdbRequest
}
interface IdbTransaction {
  objectStore(name: string): IdbStore
  oncomplete: (() => void) | null
  onerror: (() => void) | null
  onabort: (() => void) | null
  error: { name?: string; message?: string } | null
}
interface IdbDatabase {
  objectStoreNames: { contains(name: string): boolean }
  createObjectStore(name: string, options?: { autoIncrement?: boolean }): unknown
  transaction(stores: string[], mode: 'readonly' | 'readwrite', options?: { durability?: string }): IdbTransaction
  close(): void
  onversionchange: (() => void) | null
}
export interface IdbFactory {
  open(name: string, version?: number): IdbOpenRequest
  deleteDatabase(name: string): IdbRequest & { onblocked: (() => void) | null }
}

const FILES = 'files'
const JOURNAL = 'journal'
const ASIDE = 'aside'
const SNAPSHOT_KEY = 'snapshot'
const META_KEY = 'meta'

export interface IndexedDbAdapterOptions {
  databaseName?: string
  /** Defaults to the global `indexedDB`; tests pass their own. */
  factory?: IdbFactory
}

export function createIndexedDbAdapter(options: IndexedDbAdapterOptions = {}) {
  const databaseName = options.databaseName ?? 'health-it-role-finder-counselor'
  let connection: Promise<IdbDatabase> | null = null

  function factory(): IdbFactory {
    const found = options.factory ?? (globalThis as { indexedDB?: IdbFactory }).indexedDB
    if (!found) throw new Error('IndexedDB is not available in this browser')
    return found
  }

  function connect(): Promise<IdbDatabase> {
    connection ??= new Promise<IdbDatabase>((resolve, reject) => {
      const request = factory().open(databaseName, 1)
      request.onupgradeneeded = () => {
        const db = request.result
        if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES)
        if (!db.objectStoreNames.contains(JOURNAL)) db.createObjectStore(JOURNAL, { autoIncrement: true })
        if (!db.objectStoreNames.contains(ASIDE)) db.createObjectStore(ASIDE)
      }
      request.onsuccess = () => {
        const db = request.result
        // Another tab erasing or upgrading must not wait for us forever.
        db.onversionchange = () => {
          db.close()
          connection = null
        }
        resolve(db)
      }
      request.onerror = () => {
        connection = null
        reject(request.error ?? new Error('IndexedDB could not be opened'))
      }
    })
    return connection
  }

  /** Runs `work` in one transaction and resolves with its value once the transaction commits. */
  async function transact<T>(
    stores: string[],
    mode: 'readonly' | 'readwrite',
    work: (transaction: IdbTransaction) => () => T,
  ): Promise<T> {
    const db = await connect()
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(stores, mode, { durability: 'strict' })
      const finish = work(transaction)
      transaction.oncomplete = () => resolve(finish())
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'))
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'))
    })
  }

  function bytesOrNull(value: unknown): Uint8Array | null {
    return value instanceof Uint8Array ? value : null
  }

  /** A view over a bigger buffer would store the whole buffer; store a tight copy. */
  function tight(bytes: Uint8Array): Uint8Array {
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
  }

  function joined(frames: unknown[]): Uint8Array | null {
    const parts = frames.filter((frame): frame is Uint8Array => frame instanceof Uint8Array)
    if (parts.length === 0) return null
    const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
    let offset = 0
    for (const part of parts) {
      all.set(part, offset)
      offset += part.length
    }
    return all
  }

  function describeCopy(key: string): string {
    return `this browser's storage, kept as "${key}"`
  }

  function readKey(key: string) {
    return transact([FILES], 'readonly', (transaction) => {
      const request = transaction.objectStore(FILES).get(key)
      return () => bytesOrNull(request.result)
    })
  }

  function writeKey(key: string, bytes: Uint8Array) {
    return transact([FILES], 'readwrite', (transaction) => {
      transaction.objectStore(FILES).put(tight(bytes), key)
      return () => undefined
    })
  }

  return {
    read: () => readKey(SNAPSHOT_KEY),

    write: (bytes: Uint8Array) => writeKey(SNAPSHOT_KEY, bytes),

    readJournal() {
      return transact([JOURNAL], 'readonly', (transaction) => {
        const request = transaction.objectStore(JOURNAL).getAll()
        return () => joined(request.result)
      })
    },

    appendJournal(bytes: Uint8Array) {
      return transact([JOURNAL], 'readwrite', (transaction) => {
        transaction.objectStore(JOURNAL).add(tight(bytes))
        return () => undefined
      })
    },

    writeJournal(bytes: Uint8Array) {
      return transact([JOURNAL], 'readwrite', (transaction) => {
        const store = transaction.objectStore(JOURNAL)
        store.clear()
        store.add(tight(bytes))
        return () => undefined
      })
    },

    readMeta: () => readKey(META_KEY),

    writeMeta: (bytes: Uint8Array) => writeKey(META_KEY, bytes),

    /** One transaction: the copy is stored under a dated key; the live snapshot and journal stay as they are. */
    async keepCopy(stamp: string, copy: { snapshot?: Uint8Array | null; journal?: Uint8Array | null }) {
      let key = `damaged-${stamp}`
      await transact([ASIDE], 'readwrite', (transaction) => {
        const aside = transaction.objectStore(ASIDE)
        const keysRequest = aside.getAllKeys()
        keysRequest.onsuccess = () => {
          const taken = new Set(keysRequest.result.map(String))
          for (let counter = 2; taken.has(key); counter++) key = `damaged-${stamp}-${counter}`
          const kept = {
            snapshot: copy.snapshot ? tight(copy.snapshot) : null,
            journal: copy.journal ? tight(copy.journal) : null,
          }
          aside.put(kept, key)
        }
        return () => undefined
      })
      return describeCopy(key)
    },

    listCopies() {
      return transact([ASIDE], 'readonly', (transaction) => {
        const request = transaction.objectStore(ASIDE).getAllKeys()
        return () => request.result.map((key) => describeCopy(String(key))).sort()
      })
    },

    removeCopies() {
      return transact([ASIDE], 'readwrite', (transaction) => {
        transaction.objectStore(ASIDE).clear()
        return () => undefined
      })
    },

    location: () => "this browser's storage for this app",

    async eraseAll() {
      const open = connection
      connection = null
      if (open) (await open.catch(() => null))?.close()
      await new Promise<void>((resolve, reject) => {
        const request = factory().deleteDatabase(databaseName)
        request.onsuccess = () => resolve()
        request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be erased'))
      })
    },
  }
}
