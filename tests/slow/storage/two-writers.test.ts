/**
 * Fault injection, part 3 of 3: two windows writing to the same counselor data at once,
 * in each host (the desktop service over a folder, with its lock within the process; the
 * browser service over IndexedDB, with a Web Lock), in seeded random orders and with
 * seeded random requests sent at the same moment. Expected outcome:
 * - at most one window has the counselor area open at any time; the other is told it is
 *   open elsewhere, and can open once the first locks;
 * - every change a window was told about is there when the data is opened again, which
 *   opens normally (nothing reported, because nothing was ever lost).
 * And past every lock (two stores on the same data, as a bug could make): the data the
 * second writer left is reported as possibly missing, with a copy, never dropped silently.
 */
import path from 'node:path'
import { IDBFactory } from 'fake-indexeddb'
import initSqlJs from 'sql.js'
import { describe, expect, it } from 'vitest'
import { createDatabaseFileAdapter } from '../../../electron/main/services/database-file'
import { type CounselorService, createCounselorService } from '../../../src/counselor/service'
import { openCounselorStore, type CounselorStore } from '../../../src/storage'
import { type IdbFactory, createIndexedDbAdapter } from '../../../src/storage/indexeddb-adapter'
import type { PersistenceAdapter } from '../../../src/storage/persistence-adapter'
import { createProcessWriterLock, createWebWriterLock, type WriterLock } from '../../../src/storage/writer-lock'
import { fakeLockManager } from '../../fixtures/fake-lock-manager'
import { randomInt, seededRandom, testSeed, withSeed } from '../../fixtures/seed'
import { removeFolder } from '../../unit/storage/helpers'
import { freshFolder } from './fixtures/fault-rounds'
import { DB_NAME, KDF_ITERATIONS, SAMPLE_ANSWERS, SAMPLE_RESULT } from './fixtures/shared'

const SEED = testSeed(20_261_202)
const ROUNDS = 30
const STEPS = 24
const PASSCODE = 'two writers passcode'
const loadSqlJs = () => initSqlJs()

interface Host {
  window(): CounselorService
  adapter(): PersistenceAdapter
  done(): Promise<void>
}

async function desktopHost(): Promise<Host> {
  const folder = await freshFolder()
  const file = path.join(folder, DB_NAME)
  const adapter = () => createDatabaseFileAdapter(file)
  return {
    adapter,
    window: () => service(adapter(), createProcessWriterLock(file)),
    done: () => removeFolder(folder),
  }
}

function browserHost(): Host {
  const factory = new IDBFactory() as unknown as IdbFactory
  const locks = fakeLockManager()
  const adapter = () => createIndexedDbAdapter({ factory })
  return {
    adapter,
    window: () => service(adapter(), createWebWriterLock(locks, 'health-it-role-finder-counselor:writer')),
    done: async () => undefined,
  }
}

function service(adapter: PersistenceAdapter, writerLock: WriterLock) {
  return createCounselorService({ adapter, loadSqlJs, kdfIterations: KDF_ITERATIONS, writerLock })
}

function session(clientId: string) {
  return {
    clientId,
    startedAt: '2026-03-02T14:00:00.000Z',
    completedAt: '2026-03-02T14:35:10.000Z',
    locale: 'en',
    answers: SAMPLE_ANSWERS,
    result: SAMPLE_RESULT,
  }
}

/** What the windows were told: the data must hold exactly this when opened again. */
interface Told {
  clients: Map<string, string>
  sessions: Map<string, string>
}

type Action = 'open' | 'lock' | 'add client' | 'add session' | 'change notes' | 'delete client'
const ACTIONS: Action[] = ['open', 'lock', 'add client', 'add session', 'change notes', 'delete client', 'add client']

/** One request from one window; resolves whether it was told "done", and updates `told` if so. */
async function act(window: CounselorService, action: Action, told: Told, random: () => number): Promise<string> {
  const clientIds = [...told.clients.keys()]
  const someClient = clientIds[randomInt(random, 0, Math.max(0, clientIds.length - 1))]
  const closedOrRefused = (error: { code?: string }) => {
    expect(error.code, `${action}: only a window without the open data is refused`).toBe('closed')
    return 'refused'
  }
  switch (action) {
    case 'open': {
      const opened = await window.counselorOpen({ passcode: PASSCODE })
      if (opened.ok) {
        expect(opened.status, 'one writer at a time: nothing is ever lost, so nothing is reported').not.toBe(
          'recovered',
        )
        return 'opened'
      }
      expect(opened.reason, opened.message).toBe('open-elsewhere')
      return 'open elsewhere'
    }
    case 'lock':
      await window.counselorLock()
      return 'locked'
    case 'add client':
      return window.createClient({ displayName: `Client ${told.clients.size}` }).then((client) => {
        told.clients.set(client.id, '')
        return 'done'
      }, closedOrRefused)
    case 'add session':
      if (!someClient) return 'nothing to do'
      return window.saveSession(session(someClient)).then((saved) => {
        told.sessions.set(saved.id, someClient)
        return 'done'
      }, closedOrRefused)
    case 'change notes': {
      if (!someClient) return 'nothing to do'
      const notes = `notes ${randomInt(random, 0, 1_000_000)}`
      return window.updateClient({ id: someClient, notes }).then(() => {
        told.clients.set(someClient, notes)
        return 'done'
      }, closedOrRefused)
    }
    case 'delete client':
      if (!someClient) return 'nothing to do'
      return window.deleteClient({ clientId: someClient }).then(
        () => {
          told.clients.delete(someClient)
          for (const [id, owner] of told.sessions) if (owner === someClient) told.sessions.delete(id)
          return 'done'
        },
        (error: { code?: string }) => (error.code === 'not-found' ? 'already gone' : closedOrRefused(error)),
      )
  }
}

describe.each([
  ['desktop service', desktopHost],
  ['browser service with a Web Lock', async () => browserHost()],
] as const)('two windows at once: %s', (_name, makeHost) => {
  it(
    `${ROUNDS} seeded rounds of ${STEPS} steps: one writer at a time, and every change a window was told about is kept`,
    () =>
      withSeed(SEED, async () => {
        const random = seededRandom(SEED)
        for (let round = 0; round < ROUNDS; round++) {
          const host = await makeHost()
          try {
            const windows = [host.window(), host.window()]
            const told: Told = { clients: new Map(), sessions: new Map() }
            const log: string[] = []
            for (let step = 0; step < STEPS; step++) {
              // Half the steps send a request from each window at the same moment.
              const both = random() < 0.5
              const requests = windows
                .map((window, index) => ({ window, index, action: ACTIONS[randomInt(random, 0, ACTIONS.length - 1)]! }))
                .filter((request) => both || request.index === randomInt(random, 0, 1))
              const outcomes = await Promise.all(requests.map((r) => act(r.window, r.action, told, random)))
              log.push(requests.map((r, i) => `window ${r.index + 1} ${r.action}: ${outcomes[i]}`).join(' | '))
              const open = await Promise.all(windows.map(async (window) => (await window.counselorStatus()).unlocked))
              expect(open.filter(Boolean).length, `round ${round}: ${log.join('; ')}`).toBeLessThanOrEqual(1)
            }
            await Promise.all(windows.map((window) => window.counselorLock()))

            const check = host.window()
            const reopened = await check.counselorOpen({ passcode: PASSCODE })
            if (told.clients.size === 0 && !reopened.ok) continue // never created
            expect(reopened, `round ${round}: ${log.join('; ')}`).toMatchObject({ ok: true, status: 'opened' })
            const clients = new Map<string, string>()
            const sessions = new Map<string, string>()
            for (const summary of await check.listClients({ query: '' })) {
              const found = await check.getClient({ clientId: summary.id })
              clients.set(found.client.id, found.client.notes)
              for (const one of found.sessions) sessions.set(one.id, one.clientId)
            }
            await check.counselorLock()
            expect(clients, `round ${round}: clients (${log.join('; ')})`).toEqual(told.clients)
            expect(sessions, `round ${round}: sessions (${log.join('; ')})`).toEqual(told.sessions)
          } finally {
            await host.done()
          }
        }
      }),
    // Thirty small stores, opened a few times each; far slower on a busy machine.
    900_000,
  )
})

describe('two stores past every lock', () => {
  it(
    'report what the second writer left, with a copy, and never drop it in silence',
    () =>
      withSeed(SEED, async () => {
        const random = seededRandom(SEED + 1)
        let reported = 0
        for (let round = 0; round < 20; round++) {
          const host = await desktopHost()
          try {
            const open = () =>
              openCounselorStore({
                adapter: host.adapter(),
                loadSqlJs,
                passcode: PASSCODE,
                kdfIterations: KDF_ITERATIONS,
              })
            const first = await open()
            const stores: CounselorStore[] = [first.store, (await open()).store]
            const told = new Set<string>()
            for (let step = 0; step < 6; step++) {
              const store = stores[randomInt(random, 0, 1)]!
              told.add((await store.createClient({ displayName: `Bypass ${round}-${step}` })).id)
            }
            await Promise.all(stores.map((store) => store.close()))
            const reopened = await open()
            const kept = new Set((await reopened.store.listClients()).map((client) => client.id))
            await reopened.store.close()
            const missing = [...told].filter((id) => !kept.has(id))
            if (missing.length > 0) {
              expect(reopened.status, `round ${round}: ${missing.length} confirmed clients missing`).toBe('recovered')
              expect(reopened.keptAt, `round ${round}: a copy of the journal`).toEqual(expect.any(String))
              reported++
            }
          } finally {
            await host.done()
          }
        }
        expect(reported, 'the rounds did mix two writers').toBeGreaterThan(0)
      }),
    600_000,
  )
})
