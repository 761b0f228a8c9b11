import { afterEach, beforeEach, describe, expect, it as vitestIt } from 'vitest'
import { SESSION_FILE_FORMAT } from '../../../src/shared/session-file'
import { type CounselorStore, StorageError } from '../../../src/storage'
import { makeTempFolder, openInFolder, rawFiles, removeFolder, sampleSession } from './helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

/** Every test here drives the real encrypted store: STORE_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, STORE_TEST_TIMEOUT)

let folder: string
let store: CounselorStore
beforeEach(async () => {
  folder = await makeTempFolder()
  store = (await openInFolder(folder, { now: () => Date.parse('2026-07-01T12:00:00Z') })).store
})
afterEach(async () => {
  await store.close()
  await removeFolder(folder)
})

async function exportedSession() {
  const client = await store.createClient({
    displayName: 'Export Me',
    contact: 'private@example.org',
    notes: 'private',
  })
  const session = await store.saveSession(sampleSession(client.id))
  return { client, session, json: await store.exportSessionJson(session.id) }
}

async function importError(json: string): Promise<StorageError> {
  const before = await rawFiles(folder)
  const error = await store.importSessionJson(json).catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(StorageError)
  expect(await rawFiles(folder), 'a refused import writes nothing').toEqual(before)
  return error as StorageError
}

describe('session JSON export', () => {
  it('names its format and carries the session and the client name, not contact or client notes', async () => {
    const { client, session, json } = await exportedSession()
    const parsed = JSON.parse(json)
    expect(parsed).toEqual({
      format: SESSION_FILE_FORMAT,
      formatVersion: 1,
      exportedAt: '2026-07-01T12:00:00.000Z',
      client: { id: client.id, displayName: 'Export Me' },
      session,
    })
    expect(json).not.toContain('private@example.org')
  })
})

describe('session JSON import', () => {
  it('brings a session back into another store, recreating its client', async () => {
    const { client, session, json } = await exportedSession()
    const otherFolder = await makeTempFolder()
    const other = (await openInFolder(otherFolder)).store
    expect(await other.importSessionJson(json)).toEqual(session)
    expect(await other.getClient(client.id)).toMatchObject({ displayName: 'Export Me', contact: null, notes: '' })
    await other.close()
    const reopened = (await openInFolder(otherFolder)).store
    expect(await reopened.getSession(session.id)).toEqual(session)
    await reopened.close()
    await removeFolder(otherFolder)
  })

  it('attaches to a chosen client when asked', async () => {
    const { session, json } = await exportedSession()
    await store.deleteClient(session.clientId)
    const target = await store.createClient({ displayName: 'Chosen' })
    const imported = await store.importSessionJson(json, { clientId: target.id })
    expect(imported).toEqual({ ...session, clientId: target.id })
    expect((await store.listSessions(target.id)).map((summary) => summary.id)).toEqual([session.id])
  })

  it('never overwrites a stored session: a second import is refused as a conflict', async () => {
    const { json } = await exportedSession()
    const error = await importError(json)
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'This session is already stored, so it was not imported again.',
    })
  })

  it('accepts a file with a byte-order mark', async () => {
    const { session, json } = await exportedSession()
    await store.deleteClient(session.clientId)
    expect(await store.importSessionJson(`\uFEFF${json}`)).toEqual(session)
  })

  it('explains in plain words when the file is not JSON', async () => {
    const error = await importError('{"format": "health-it-role-finder/counselor-session", ')
    expect(error).toMatchObject({ code: 'invalid-import', field: 'file' })
    expect(error.message).toBe(
      'This file is not a valid session export: it is not readable JSON (it may be damaged or another kind of file).',
    )
  })

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case damages the parsed file freely
  type Damage = (file: any) => void
  const cases: [string, Damage, string, string][] = [
    [
      'wrong format',
      (file) => (file.format = 'something-else'),
      'format',
      '"format" must be one of: "health-it-role-finder/counselor-session"',
    ],
    [
      'fit above 100',
      (file) => (file.session.result.fits.trainer = 101),
      'session.result.fits.trainer',
      '"session.result.fits.trainer" must be at most 100',
    ],
    [
      'fit as text',
      (file) => (file.session.result.fits.trainer = '90'),
      'session.result.fits.trainer',
      '"session.result.fits.trainer" must be a number',
    ],
    [
      'unknown role',
      (file) => (file.session.result.bestFit = 'surgeon'),
      'session.result.bestFit',
      '"session.result.bestFit" must be one of:',
    ],
    [
      'missing startedAt',
      (file) => delete file.session.startedAt,
      'session.startedAt',
      '"session.startedAt" is missing',
    ],
    [
      'bad date',
      (file) => (file.session.completedAt = '31/12/2026'),
      'session.completedAt',
      '"session.completedAt" must be a date and time',
    ],
    [
      'answer list of numbers',
      (file) => (file.session.answers.tasks_enjoyed = [1, 2]),
      'session.answers.tasks_enjoyed',
      '"session.answers.tasks_enjoyed"',
    ],
    [
      'empty client name',
      (file) => (file.client.displayName = ' '),
      'client.displayName',
      '"client.displayName" must not be empty',
    ],
    [
      'extra field',
      (file) => (file.session.password = 'x'),
      'session',
      '"session" has fields this app does not know: "password"',
    ],
    [
      'session of another client',
      (file) => (file.session.clientId = 'someone-else'),
      'session.clientId',
      '"session.clientId" must belong to the client named in the file',
    ],
    ['newer format version', (file) => (file.formatVersion = 2), 'formatVersion', '"formatVersion" must be one of: 1'],
  ]
  for (const [name, damage, field, message] of cases) {
    it(`names the field when the file has a ${name}`, async () => {
      const { session, json } = await exportedSession()
      await store.deleteClient(session.clientId)
      const file = JSON.parse(json)
      damage(file)
      const error = await importError(JSON.stringify(file))
      expect(error).toMatchObject({ code: 'invalid-import', field })
      expect(error.message).toContain(message)
      expect(error.message.startsWith('This file is not a valid session export: ')).toBe(true)
      expect(error.message).not.toMatch(/ZodError|at .*\.ts|\n/)
    })
  }
})
