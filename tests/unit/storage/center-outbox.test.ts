/**
 * Center mode's outbox in the encrypted counselor store: saves are queued only once a
 * center is linked, in the order they happened; everything survives closing and reopening
 * (journal replay); answered entries leave with the center's version; copies from the
 * center never go back out; deleting a client takes its entries and versions with it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CenterConnection } from '../../../src/shared/center-contract'
import type { CounselorStore } from '../../../src/storage'
import { containsText, makeTempFolder, openInFolder, removeFolder, sampleSession } from './helpers'

const LINK: CenterConnection = {
  host: 'db.example.org',
  port: 5432,
  database: 'center',
  user: 'ana',
  password: 'the center password',
  sslMode: 'prefer',
}

let folder: string
let store: CounselorStore

beforeEach(async () => {
  folder = await makeTempFolder()
  store = (await openInFolder(folder)).store
})

afterEach(async () => {
  await store.close()
  await removeFolder(folder)
})

async function reopen(): Promise<CounselorStore> {
  await store.close()
  store = (await openInFolder(folder)).store
  return store
}

describe('the center outbox', () => {
  it('queues nothing until a center is linked, then everything not yet sent, clients first', async () => {
    const client = await store.createClient({ displayName: 'Ana Pérez' })
    const session = await store.saveSession(sampleSession(client.id))
    expect(await store.centerWaitingCount()).toBe(0)
    await store.setCenterLink(LINK)
    expect(await store.centerLink()).toEqual(LINK)
    const pending = await store.centerOutbox(10)
    expect(pending.map((entry) => [entry.kind, entry.recordId, entry.baseVersion])).toEqual([
      ['client', client.id, null],
      ['session', session.id, null],
    ])
    expect(pending[1]!.record).toEqual(session)
    // Linking again (new password, say) queues nothing twice.
    await store.setCenterLink({ ...LINK, password: 'changed' })
    expect(await store.centerWaitingCount()).toBe(2)
  })

  it('adds one entry per save, each with its own id, and keeps them across reopening', async () => {
    await store.setCenterLink(LINK)
    const client = await store.createClient({ displayName: 'Ana' })
    await store.updateClient({ id: client.id, notes: 'first' })
    await store.updateClient({ id: client.id, notes: 'second' })
    const before = await store.centerOutbox(10)
    expect(before).toHaveLength(3)
    expect(new Set(before.map((entry) => entry.changeId)).size).toBe(3)
    // Each entry reads the record as it is now.
    expect(before.every((entry) => (entry.record as { notes: string }).notes === 'second')).toBe(true)
    const after = await (await reopen()).centerOutbox(10)
    expect(after.map((entry) => entry.changeId)).toEqual(before.map((entry) => entry.changeId))
    expect(await store.centerLink()).toEqual(LINK)
  })

  it('keeps the connection details encrypted with everything else', async () => {
    await store.setCenterLink(LINK)
    expect(await (await reopen()).centerLink()).toEqual(LINK)
    const { readFile, readdir } = await import('node:fs/promises')
    for (const name of await readdir(folder)) {
      expect(containsText(await readFile(`${folder}/${name}`), 'the center password'), name).toBe(false)
    }
  })

  it('removes answered entries and keeps the center’s version, which the next entry starts from', async () => {
    await store.setCenterLink(LINK)
    const client = await store.createClient({ displayName: 'Ana' })
    await store.updateClient({ id: client.id, notes: 'later' })
    const [first, second] = await store.centerOutbox(10)
    await store.centerChangesDone([
      { changeId: first!.changeId, version: { kind: 'client', recordId: client.id, clientId: client.id, version: 1 } },
    ])
    const left = await (await reopen()).centerOutbox(10)
    expect(left.map((entry) => [entry.changeId, entry.baseVersion])).toEqual([[second!.changeId, 1]])
    // A conflict answer removes the entry but keeps the known version.
    await store.centerChangesDone([{ changeId: second!.changeId, version: null }])
    expect(await store.centerWaitingCount()).toBe(0)
    expect(await store.centerVersions()).toEqual([
      { kind: 'client', recordId: client.id, clientId: client.id, version: 1 },
    ])
  })

  it('takes copies from the center without queuing them, unless changes to that client still wait', async () => {
    await store.setCenterLink(LINK)
    const copy = {
      client: {
        id: 'center-client-1',
        displayName: 'From the center',
        contact: null,
        notes: '',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-02T00:00:00.000Z',
      },
      sessions: [],
      versions: [{ kind: 'client' as const, recordId: 'center-client-1', clientId: 'center-client-1', version: 4 }],
    }
    expect(await store.acceptCenterCopies(copy)).toBe(true)
    expect(await store.centerWaitingCount()).toBe(0)
    expect((await store.getClient('center-client-1')).displayName).toBe('From the center')
    await store.updateClient({ id: 'center-client-1', notes: 'edited here' })
    expect(await store.acceptCenterCopies({ ...copy, client: { ...copy.client, notes: 'newer at the center' } })).toBe(
      false,
    )
    expect((await store.getClient('center-client-1')).notes).toBe('edited here')
    expect((await store.centerOutbox(5))[0]).toMatchObject({ baseVersion: 4 })
  })

  it('forgets a deleted client’s entries and versions with it; unlinking keeps what waits', async () => {
    await store.setCenterLink(LINK)
    const gone = await store.createClient({ displayName: 'Leaving' })
    await store.saveSession(sampleSession(gone.id))
    const stays = await store.createClient({ displayName: 'Staying' })
    await store.deleteClient(gone.id)
    expect((await store.centerOutbox(10)).map((entry) => entry.recordId)).toEqual([stays.id])
    await store.setCenterLink(null)
    expect(await store.centerLink()).toBeNull()
    expect(await (await reopen()).centerWaitingCount()).toBe(1)
    // Saves while unlinked are not queued.
    await store.updateClient({ id: stays.id, notes: 'offline for good' })
    expect(await store.centerWaitingCount()).toBe(1)
  })
})
