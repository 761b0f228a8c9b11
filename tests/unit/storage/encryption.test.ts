import fs from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it as vitestIt } from 'vitest'
import { DEFAULT_KDF_ITERATIONS, StorageError, getCounselorStorageStatus } from '../../../src/storage'
import { parseSnapshot } from '../../../src/storage/snapshot-format'
import {
  DB_NAME,
  PASSCODE,
  TEST_KDF_ITERATIONS,
  containsText,
  decryptedImage,
  fileAdapter,
  makeTempFolder,
  openInFolder,
  rawFiles,
  removeFolder,
  sampleSession,
} from './helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

/** Every test here drives the real encrypted store: STORE_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, STORE_TEST_TIMEOUT)

const SECRET_NAME = 'Evangelina Quattlebaum'
const SECRET_CONTACT = 'evangelina.q@example.org'
const SECRET_NOTE = 'Disclosed a disability at intake'

let folder: string
beforeEach(async () => {
  folder = await makeTempFolder()
})
afterEach(async () => {
  await removeFolder(folder)
})

async function storeWithSecrets(options: Parameters<typeof openInFolder>[1] = {}) {
  const { store } = await openInFolder(folder, options)
  const client = await store.createClient({ displayName: SECRET_NAME, contact: SECRET_CONTACT, notes: SECRET_NOTE })
  const session = await store.saveSession(sampleSession(client.id, { counselorNotes: { tasks_enjoyed: SECRET_NOTE } }))
  return { store, client, session }
}

function expectNoSecretsIn(files: Map<string, Buffer>) {
  for (const [name, bytes] of files) {
    for (const secret of [SECRET_NAME, SECRET_CONTACT, SECRET_NOTE, SECRET_NAME.toLowerCase(), 'Evangelina']) {
      expect(containsText(bytes, secret), `"${secret}" in clear in ${name}`).toBe(false)
    }
  }
}

describe('encryption at rest', () => {
  it('keeps client names, contacts and notes out of every file, in journal and snapshot alike', async () => {
    const { store } = await storeWithSecrets()
    const files = await rawFiles(folder)
    expect([...files.keys()].sort()).toEqual([DB_NAME, `${DB_NAME}.journal`, `${DB_NAME}.meta.json`])
    expectNoSecretsIn(files)
    await store.close()
    // With a 1-byte journal limit the next save rewrites the snapshot: it holds the
    // name once decrypted, and still not in clear.
    const reopened = await openInFolder(folder, { journalLimitBytes: 1 })
    expect((await reopened.store.searchClients('quattlebaum'))[0]?.displayName).toBe(SECRET_NAME)
    await reopened.store.createClient({ displayName: 'Someone Else' })
    await reopened.store.close()
    expect(containsText(await decryptedImage(folder), SECRET_NAME), 'the snapshot holds it').toBe(true)
    expectNoSecretsIn(await rawFiles(folder))
  })

  it('stores PBKDF2 iterations and salt in the header, 600,000 by default', async () => {
    expect(DEFAULT_KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000)
    const { store } = await storeWithSecrets()
    await store.close()
    const header = (await parseSnapshot(new Uint8Array(await fs.readFile(path.join(folder, DB_NAME))))).header
    expect(header.kdf.iterations).toBe(TEST_KDF_ITERATIONS)
    expect(header.kdf.salt).toHaveLength(16)
  })

  it('opens nothing with a wrong passcode: a typed error, and the files stay byte for byte the same', async () => {
    const { store } = await storeWithSecrets()
    await store.close()
    const before = await rawFiles(folder)
    const error = await openInFolder(folder, { passcode: 'correct horse battery!' }).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(StorageError)
    expect(error).toMatchObject({ code: 'wrong-passcode', field: 'passcode', message: 'That passcode is not right.' })
    const after = await rawFiles(folder)
    for (const name of [DB_NAME, `${DB_NAME}.journal`]) expect(after.get(name)?.equals(before.get(name)!)).toBe(true)
  })

  it('re-encrypts everything when the passcode changes, losing nothing', async () => {
    const { store, client, session } = await storeWithSecrets()
    const saltBefore = (await parseSnapshot(new Uint8Array(await fs.readFile(path.join(folder, DB_NAME))))).header.kdf
      .salt
    await store.changePasscode(PASSCODE, 'a brand new passcode')
    const after = await store.saveSession(sampleSession(client.id, { locale: 'en' }))
    await store.close()

    const header = (await parseSnapshot(new Uint8Array(await fs.readFile(path.join(folder, DB_NAME))))).header
    expect(Buffer.from(header.kdf.salt).equals(Buffer.from(saltBefore))).toBe(false)
    await expect(openInFolder(folder)).rejects.toMatchObject({ code: 'wrong-passcode' })
    const reopened = await openInFolder(folder, { passcode: 'a brand new passcode' })
    expect(await reopened.store.getClient(client.id)).toEqual(client)
    expect(await reopened.store.getSession(session.id)).toEqual(session)
    expect(await reopened.store.getSession(after.id)).toEqual(after)
    await reopened.store.close()
    expectNoSecretsIn(await rawFiles(folder))
  })

  it('refuses a passcode change when the current passcode is wrong or the new one too short', async () => {
    const { store } = await storeWithSecrets()
    await expect(store.changePasscode('not it', 'another passcode')).rejects.toMatchObject({ code: 'wrong-passcode' })
    await expect(store.changePasscode(PASSCODE, 'short')).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'next',
      message: 'Could not change the passcode: "next" must be at least 8 characters.',
    })
    await store.close()
    const reopened = await openInFolder(folder)
    expect(reopened.status).toBe('opened')
    await reopened.store.close()
  })

  it('requires at least 8 characters for a new store', async () => {
    await expect(openInFolder(folder, { passcode: '1234' })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'passcode',
    })
    expect(await rawFiles(folder)).toEqual(new Map())
  })

  it('raises a stored iteration count to the configured one on open, keeping the data', async () => {
    const { store, session } = await storeWithSecrets()
    await store.close()
    const reopened = await openInFolder(folder, { kdfIterations: TEST_KDF_ITERATIONS * 3 })
    await reopened.store.close()
    const header = (await parseSnapshot(new Uint8Array(await fs.readFile(path.join(folder, DB_NAME))))).header
    expect(header.kdf.iterations).toBe(TEST_KDF_ITERATIONS * 3)
    const again = await openInFolder(folder, { kdfIterations: TEST_KDF_ITERATIONS * 3 })
    expect(await again.store.getSession(session.id)).toEqual(session)
    await again.store.close()
  })
})

describe('wrong-passcode throttling', () => {
  it('allows 5 tries, then waits 30 s, 1, 2, 5 minutes, then locks for 15 minutes; success resets it', async () => {
    const { store } = await storeWithSecrets()
    await store.close()
    let clock = Date.parse('2026-04-01T09:00:00Z')
    const now = () => clock
    const tryWrong = () => openInFolder(folder, { passcode: 'guess', now }).catch((error: StorageError) => error)

    for (let attempt = 1; attempt <= 4; attempt++)
      expect(await tryWrong()).toMatchObject({ code: 'wrong-passcode', retryAfterMs: 0 })
    expect(await tryWrong()).toMatchObject({
      code: 'wrong-passcode',
      retryAfterMs: 30_000,
      message: 'That passcode is not right. Wait 30 seconds before trying again.',
    })
    const locked = await openInFolder(folder, { now }).catch((error: StorageError) => error)
    expect(locked, 'even the right passcode waits').toMatchObject({ code: 'locked', retryAfterMs: 30_000 })
    expect(locked.message).toBe('Too many wrong passcodes. Wait 30 seconds and try again.')

    for (const waitMs of [30_000, 60_000, 120_000, 300_000]) {
      clock += waitMs
      expect(await tryWrong()).toBeInstanceOf(StorageError)
    }
    const status = await getCounselorStorageStatus({ adapter: fileAdapter(folder), now })
    expect(status).toEqual({ exists: true, damaged: false, waitBeforeNextAttemptMs: 15 * 60_000 })
    clock += 14 * 60_000
    const stillLocked = await openInFolder(folder, { now }).catch((error: StorageError) => error)
    expect(stillLocked).toMatchObject({ code: 'locked', retryAfterMs: 60_000 })
    clock += 60_000
    const opened = await openInFolder(folder, { now })
    expect(opened.status).toBe('opened')
    await opened.store.close()
    expect(await getCounselorStorageStatus({ adapter: fileAdapter(folder), now })).toEqual({
      exists: true,
      damaged: false,
      waitBeforeNextAttemptMs: 0,
    })
  })

  it("keeps only the counter and a copy of the header's key check in the unencrypted metadata file", async () => {
    const { store } = await storeWithSecrets()
    await store.close()
    await openInFolder(folder, { passcode: 'wrong one' }).catch(() => undefined)
    const raw = await fs.readFile(path.join(folder, `${DB_NAME}.meta.json`), 'utf8')
    const meta = JSON.parse(raw)
    expect(Object.keys(meta).sort()).toEqual(['failedAttempts', 'format', 'keyChecks', 'lastFailureAt'])
    expect(meta.failedAttempts).toBe(1)
    expect(meta.keyChecks).toHaveLength(1)
    expect(Object.keys(meta.keyChecks[0]).sort()).toEqual(['ciphertext', 'iterations', 'iv', 'salt'])
    // The same four values the snapshot's header shows, and nothing else.
    const header = (await fs.readFile(path.join(folder, DB_NAME))).toString('latin1')
    for (const value of [meta.keyChecks[0].salt, meta.keyChecks[0].iv, meta.keyChecks[0].ciphertext]) {
      expect(header).toContain(value)
    }
    expect(raw).not.toContain(SECRET_NOTE)
  })
})
