import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type CounselorStore,
  StorageError,
  eraseAllCounselorData,
  getCounselorStorageStatus,
  openCounselorStore,
} from '../../../src/storage'
import type { PersistenceAdapter } from '../../../src/storage/persistence-adapter'
import { PASSCODE, TEST_KDF_ITERATIONS, loadSqlJs, sampleSession } from './helpers'

/** In memory, counting every call that changes stored bytes. */
function recordingAdapter() {
  let snapshot: Uint8Array | null = null
  let journal: Uint8Array | null = null
  let meta: Uint8Array | null = null
  const counts = { data: 0, meta: 0 }
  const adapter: PersistenceAdapter = {
    read: async () => snapshot,
    write: async (bytes) => {
      counts.data++
      snapshot = bytes.slice()
    },
    readJournal: async () => journal,
    appendJournal: async (bytes) => {
      counts.data++
      const joined = new Uint8Array((journal?.length ?? 0) + bytes.length)
      joined.set(journal ?? [])
      joined.set(bytes, journal?.length ?? 0)
      journal = joined
    },
    writeJournal: async (bytes) => {
      counts.data++
      journal = bytes.slice()
    },
    readMeta: async () => meta,
    writeMeta: async (bytes) => {
      counts.meta++
      meta = bytes.slice()
    },
    keepCopy: async () => {
      counts.data++
      return 'kept'
    },
    listCopies: async () => [],
    removeCopies: async () => {
      counts.data++
    },
    eraseAll: async () => {
      counts.data++
    },
    location: () => 'memory',
  }
  return { adapter, counts }
}

/** Any value at all, or a valid input with one field replaced or removed. */
function payload(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid)
  return fc.oneof(
    fc.anything(),
    fc.string(),
    fc
      .record({ key: fc.constantFrom(...keys, 'unexpected'), value: fc.anything() })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => {
      const copy: Record<string, unknown> = { ...valid }
      delete copy[key]
      return copy
    }),
  )
}

let store: CounselorStore
let recorder: ReturnType<typeof recordingAdapter>
let clientId: string
let sessionId: string
let exportedJson: string

beforeAll(async () => {
  recorder = recordingAdapter()
  store = (
    await openCounselorStore({
      adapter: recorder.adapter,
      loadSqlJs,
      passcode: PASSCODE,
      kdfIterations: TEST_KDF_ITERATIONS,
    })
  ).store
  clientId = (await store.createClient({ displayName: 'Property Client', contact: 'p@example.org' })).id
  const session = await store.saveSession(sampleSession(clientId))
  sessionId = session.id
  exportedJson = await store.exportSessionJson(sessionId)
})
afterAll(async () => {
  await store.close()
})

/** Everything a counselor could see, to show a rejected call changed nothing. */
async function visibleState(): Promise<string> {
  const clients = await store.listClients()
  const sessions = await Promise.all(clients.map((client) => store.listSessions(client.id)))
  const full = await Promise.all(sessions.flat().map((summary) => store.getSession(summary.id)))
  return JSON.stringify([clients, full])
}

type Call = (args: unknown[]) => Promise<unknown>
const call =
  (method: keyof CounselorStore): Call =>
  (args) =>
    (store[method] as (...values: unknown[]) => Promise<unknown>).apply(store, args)

const OPERATIONS: [string, Call, () => fc.Arbitrary<unknown[]>][] = [
  ['createClient', call('createClient'), () => fc.tuple(payload({ displayName: 'A', contact: 'b', notes: 'c' }))],
  ['updateClient', call('updateClient'), () => fc.tuple(payload({ id: clientId, displayName: 'A', notes: 'n' }))],
  ['listClients', call('listClients'), () => fc.array(fc.anything(), { maxLength: 2 })],
  ['searchClients', call('searchClients'), () => fc.tuple(fc.oneof(fc.anything(), fc.string({ unit: 'binary' })))],
  ['getClient', call('getClient'), () => fc.tuple(fc.oneof(fc.anything(), fc.string()))],
  ['listSessions', call('listSessions'), () => fc.tuple(fc.oneof(fc.anything(), fc.string()))],
  ['saveSession', call('saveSession'), () => fc.tuple(payload({ ...sampleSession(clientId), id: sessionId }))],
  ['getSession', call('getSession'), () => fc.tuple(fc.oneof(fc.anything(), fc.string()))],
  ['deleteClient', call('deleteClient'), () => fc.tuple(fc.oneof(fc.anything(), fc.string()))],
  ['exportSessionJson', call('exportSessionJson'), () => fc.tuple(fc.anything())],
  [
    'importSessionJson',
    call('importSessionJson'),
    () =>
      fc.tuple(
        fc.oneof(
          fc.anything(),
          fc.string(),
          payload(JSON.parse(exportedJson)).map((file) => JSON.stringify(file)),
          fc.integer({ min: 0, max: exportedJson.length }).map((end) => exportedJson.slice(0, end)),
        ),
        fc.anything(),
      ),
  ],
  [
    'exportSessionsCsv',
    call('exportSessionsCsv'),
    () => fc.tuple(payload({ from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z' })),
  ],
  ['changePasscode', call('changePasscode'), () => fc.tuple(fc.anything(), fc.anything())],
]

describe('random payloads at every public storage operation', () => {
  for (const [name, operation, argumentsFor] of OPERATIONS) {
    it(`${name}: only typed errors, and nothing written when rejected`, async () => {
      await fc.assert(
        fc.asyncProperty(argumentsFor(), async (args) => {
          const before = { ...recorder.counts }
          const stateBefore = await visibleState()
          let outcome: unknown
          try {
            await operation(args)
          } catch (error) {
            outcome = error
          }
          if (outcome === undefined) return // accepted: writing is its job
          expect(outcome).toBeInstanceOf(StorageError)
          const error = outcome as StorageError
          expect(error.code, `a bug, not bad input: ${String(error.cause)}`).not.toBe('unexpected')
          expect(error.message.length).toBeGreaterThan(10)
          expect(error.message).not.toMatch(/\n\s+at |ZodError|SqliteError|undefined/)
          expect(recorder.counts.data, 'no database bytes written').toBe(before.data)
          // Only a wrong passcode may touch the metadata: it counts the failed try.
          if (error.code !== 'wrong-passcode') expect(recorder.counts.meta).toBe(before.meta)
          expect(await visibleState()).toBe(stateBefore)
        }),
        { numRuns: 100 },
      )
    })
  }

  it('leaves the store working afterwards', async () => {
    const client = await store.createClient({ displayName: 'Still Works' })
    expect((await store.getClient(client.id)).displayName).toBe('Still Works')
  })
})

describe('random options for the functions that need no open store', () => {
  const functions: [string, (value: unknown) => Promise<unknown>][] = [
    ['openCounselorStore', (value) => openCounselorStore(value as never)],
    ['getCounselorStorageStatus', (value) => getCounselorStorageStatus(value as never)],
    ['eraseAllCounselorData', (value) => eraseAllCounselorData(value as never)],
  ]
  for (const [name, run] of functions) {
    it(`${name} rejects with typed errors and writes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.anything(), payload({ adapter: 'not an adapter', loadSqlJs, passcode: 'x', kdfIterations: 1 })),
          async (value) => {
            const before = { ...recorder.counts }
            const error = await run(value).then(
              () => undefined,
              (reason: unknown) => reason,
            )
            expect(error).toBeInstanceOf(StorageError)
            expect((error as StorageError).code).toBe('invalid-input')
            expect(recorder.counts).toEqual(before)
          },
        ),
        { numRuns: 60 },
      )
    })
  }
})
