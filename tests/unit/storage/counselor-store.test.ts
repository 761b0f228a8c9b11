import { afterEach, beforeEach, describe, expect, it as vitestIt } from 'vitest'
import { type CounselorStore, StorageError } from '../../../src/storage'
import { makeTempFolder, openInFolder, removeFolder, sampleSession } from './helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

/** Every test here drives the real encrypted store: STORE_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, STORE_TEST_TIMEOUT)

let folder: string
let store: CounselorStore
let clock: number
const now = () => clock

beforeEach(async () => {
  folder = await makeTempFolder()
  clock = Date.parse('2026-04-01T09:00:00.000Z')
  store = (await openInFolder(folder, { now })).store
})

afterEach(async () => {
  await store.close()
  await removeFolder(folder)
})

async function reopen(): Promise<CounselorStore> {
  await store.close()
  store = (await openInFolder(folder, { now })).store
  return store
}

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(StorageError)
  return error as StorageError
}

describe('clients', () => {
  it('are created with trimmed fields and timestamps, and read back identically after reopening', async () => {
    const created = await store.createClient({
      displayName: '  Ana Pérez ',
      contact: ' ana@example.org ',
      notes: 'Line 1\nLine 2',
    })
    expect(created).toEqual({
      id: expect.any(String),
      displayName: 'Ana Pérez',
      contact: 'ana@example.org',
      notes: 'Line 1\nLine 2',
      createdAt: '2026-04-01T09:00:00.000Z',
      updatedAt: '2026-04-01T09:00:00.000Z',
    })
    expect(await store.getClient(created.id)).toEqual(created)
    await reopen()
    expect(await store.getClient(created.id)).toEqual(created)
  })

  it('are updated field by field; a blank contact removes it', async () => {
    const created = await store.createClient({ displayName: 'Pseudonym 7', contact: '555-0100' })
    clock += 60_000
    const renamed = await store.updateClient({ id: created.id, displayName: 'Pseudonym 8' })
    expect(renamed).toMatchObject({
      displayName: 'Pseudonym 8',
      contact: '555-0100',
      updatedAt: '2026-04-01T09:01:00.000Z',
    })
    expect(renamed.createdAt).toBe(created.createdAt)
    expect(await store.updateClient({ id: created.id, contact: '   ' })).toMatchObject({ contact: null })
    expect(await store.updateClient({ id: created.id, notes: 'new note' })).toMatchObject({
      contact: null,
      notes: 'new note',
    })
    await reopen()
    expect(await store.getClient(created.id)).toMatchObject({
      displayName: 'Pseudonym 8',
      contact: null,
      notes: 'new note',
    })
  })

  it('are listed by name with their session count and latest session', async () => {
    const zoe = await store.createClient({ displayName: 'Zoë Adams' })
    const ana = await store.createClient({ displayName: 'ana Baker' })
    await store.saveSession(sampleSession(zoe.id, { startedAt: '2026-03-01T10:00:00Z' }))
    await store.saveSession(sampleSession(zoe.id, { startedAt: '2026-03-05T10:00:00+02:00' }))
    const list = await store.listClients()
    expect(list.map((client) => client.displayName)).toEqual(['ana Baker', 'Zoë Adams'])
    expect(list[0]).toMatchObject({ id: ana.id, sessionCount: 0, lastSessionAt: null })
    expect(list[1]).toMatchObject({ id: zoe.id, sessionCount: 2, lastSessionAt: '2026-03-05T08:00:00.000Z' })
  })

  it('are found by a substring of name or contact, ignoring case and accents', async () => {
    const jose = await store.createClient({ displayName: 'José Núñez', contact: 'JNUNEZ@example.org' })
    const lee = await store.createClient({ displayName: 'Kim Lee', contact: '(555) 010-2030' })
    await store.createClient({ displayName: 'Sam 100% Ortiz' })
    const ids = async (query: string) => (await store.searchClients(query)).map((client) => client.id)
    expect(await ids('núñez')).toEqual([jose.id])
    expect(await ids('NUNEZ')).toEqual([jose.id])
    expect(await ids('jose n')).toEqual([jose.id])
    expect(await ids('@EXAMPLE')).toEqual([jose.id])
    expect(await ids('010-20')).toEqual([lee.id])
    expect(await ids('%'), 'LIKE wildcards are plain text').toHaveLength(1)
    expect(await ids('_')).toEqual([])
    expect(await ids('nobody')).toEqual([])
    expect(await ids('  '), 'a blank query lists everyone').toHaveLength(3)
  })

  it('that do not exist are reported as not found, by field', async () => {
    const error = await rejection(store.getClient('no-such-client'))
    expect(error).toMatchObject({ code: 'not-found', field: 'clientId' })
    expect(await rejection(store.updateClient({ id: 'missing', notes: 'x' }))).toMatchObject({ code: 'not-found' })
    expect(await rejection(store.listSessions('missing'))).toMatchObject({ code: 'not-found' })
  })

  it('with invalid input are refused with a plain message naming the field', async () => {
    const empty = await rejection(store.createClient({ displayName: '   ' }))
    expect(empty).toMatchObject({ code: 'invalid-input', field: 'displayName' })
    expect(empty.message).toBe('Could not add the client: "displayName" must not be empty.')
    const tooLong = await rejection(store.createClient({ displayName: 'x'.repeat(121) }))
    expect(tooLong.message).toContain('"displayName" must be at most 120 characters long')
    const extra = await rejection(store.createClient({ displayName: 'A', age: 4 } as never))
    expect(extra.message).toContain('"client" has fields this app does not know: "age"')
    const lineBreak = await rejection(store.createClient({ displayName: 'A\nB' }))
    expect(lineBreak).toMatchObject({ field: 'displayName' })
    expect(await store.listClients()).toEqual([])
  })
})

describe('sessions', () => {
  it('round-trip every field, through memory and through the file', async () => {
    const client = await store.createClient({ displayName: 'Round Trip' })
    const input = sampleSession(client.id, { startedAt: '2026-03-02T09:00:00-05:00' })
    const saved = await store.saveSession(input)
    const expected = { ...input, id: saved.id, startedAt: '2026-03-02T14:00:00.000Z' }
    expect(saved).toEqual(expected)
    expect(await store.getSession(saved.id)).toEqual(expected)
    await reopen()
    expect(await store.getSession(saved.id), 'replayed from the journal').toEqual(expected)
    await store.createClient({ displayName: 'Forces nothing, just another save' })
    await reopen()
    expect(await store.getSession(saved.id)).toEqual(expected)
  })

  it('round-trip an unfinished session without a result', async () => {
    const client = await store.createClient({ displayName: 'Unfinished' })
    const saved = await store.saveSession({
      clientId: client.id,
      startedAt: '2026-03-02T14:00:00Z',
      locale: 'en',
      answers: {},
    })
    expect(saved).toMatchObject({ completedAt: null, counselorNotes: {}, result: null })
    await reopen()
    expect(await store.getSession(saved.id)).toEqual(saved)
    expect(await store.listSessions(client.id)).toEqual([
      { id: saved.id, clientId: client.id, startedAt: saved.startedAt, completedAt: null, locale: 'en', bestFit: null },
    ])
  })

  it('are updated in place when saved again with their id', async () => {
    const client = await store.createClient({ displayName: 'Updater' })
    const first = await store.saveSession(sampleSession(client.id))
    const second = await store.saveSession({ ...first, counselorNotes: { likes_travel: 'Only within the county' } })
    expect(second.id).toBe(first.id)
    await reopen()
    expect(await store.listSessions(client.id)).toHaveLength(1)
    expect((await store.getSession(first.id)).counselorNotes).toEqual({ likes_travel: 'Only within the county' })
  })

  it('are listed per client, newest first', async () => {
    const client = await store.createClient({ displayName: 'Lister' })
    const other = await store.createClient({ displayName: 'Other' })
    const older = await store.saveSession(sampleSession(client.id, { startedAt: '2026-01-01T00:00:00Z' }))
    const newer = await store.saveSession(sampleSession(client.id, { startedAt: '2026-02-01T00:00:00Z' }))
    await store.saveSession(sampleSession(other.id))
    expect((await store.listSessions(client.id)).map((session) => session.id)).toEqual([newer.id, older.id])
    expect((await store.listSessions(client.id))[0]).toMatchObject({ bestFit: 'trainer', locale: 'es-US' })
  })

  it('cannot belong to a missing client or move to another client', async () => {
    expect(await rejection(store.saveSession(sampleSession('ghost')))).toMatchObject({
      code: 'not-found',
      field: 'clientId',
    })
    const a = await store.createClient({ displayName: 'A' })
    const b = await store.createClient({ displayName: 'B' })
    const saved = await store.saveSession(sampleSession(a.id))
    const moved = await rejection(store.saveSession({ ...saved, clientId: b.id }))
    expect(moved).toMatchObject({ code: 'invalid-input', field: 'clientId' })
    expect((await store.getSession(saved.id)).clientId).toBe(a.id)
  })

  it('with an invalid result are refused, naming the nested field', async () => {
    const client = await store.createClient({ displayName: 'Validator' })
    const base = sampleSession(client.id)
    const fits = { ...base.result!.fits, trainer: 140 }
    const error = await rejection(store.saveSession({ ...base, result: { ...base.result!, fits } }))
    expect(error).toMatchObject({ code: 'invalid-input', field: 'result.fits.trainer' })
    expect(error.message).toBe('Could not save the session: "result.fits.trainer" must be at most 100.')
    const missingRole = Object.fromEntries(Object.entries(base.result!.fits).filter(([role]) => role !== 'trainer'))
    const missing = await rejection(
      store.saveSession({ ...base, result: { ...base.result!, fits: missingRole as never } }),
    )
    expect(missing.message).toContain('"result.fits.trainer" is missing')
    const badRole = await rejection(
      store.saveSession({ ...base, result: { ...base.result!, bestFit: 'surgeon' as never } }),
    )
    expect(badRole).toMatchObject({ field: 'result.bestFit' })
    const badDate = await rejection(store.saveSession({ ...base, startedAt: 'yesterday' }))
    expect(badDate.message).toContain('"startedAt" must be a date and time')
    expect(await store.listSessions(client.id)).toEqual([])
  })
})

describe('a closed store', () => {
  it('refuses every operation with a typed error', async () => {
    await store.close()
    expect(await rejection(store.listClients())).toMatchObject({ code: 'closed' })
    store = (await openInFolder(folder, { now })).store
  })
})
