import { afterEach, beforeEach, expect, it as vitestIt } from 'vitest'
import {
  containsText,
  decryptedImage,
  makeTempFolder,
  openInFolder,
  rawFiles,
  removeFolder,
  sampleSession,
} from './helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

/** Every test here drives the real encrypted store: STORE_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, STORE_TEST_TIMEOUT)

let folder: string
beforeEach(async () => {
  folder = await makeTempFolder()
})
afterEach(async () => {
  await removeFolder(folder)
})

const GONE_NAME = 'Bartholomew Zyskowski'
const GONE_NOTE = 'Prefers evening classes near Route 9'
const KEPT_NAME = 'Keeps Her Data'

it('erases the client, every session and every note for good: absent from the decrypted database and the raw files', async () => {
  // A 1-byte journal limit rewrites the snapshot after each save, so the client reaches it.
  const { store } = await openInFolder(folder, { journalLimitBytes: 1 })
  const gone = await store.createClient({ displayName: GONE_NAME, contact: 'bz@example.org', notes: GONE_NOTE })
  const kept = await store.createClient({ displayName: KEPT_NAME })
  const goneSessions = [
    await store.saveSession(sampleSession(gone.id, { counselorNotes: { tasks_enjoyed: GONE_NOTE } })),
    await store.saveSession(sampleSession(gone.id, { startedAt: '2026-05-01T10:00:00Z' })),
  ]
  const keptSession = await store.saveSession(sampleSession(kept.id))
  await store.close()
  expect(containsText(await decryptedImage(folder), GONE_NAME), 'precondition: name is in the snapshot').toBe(true)
  // And in the journal too, with the default limit.
  const reopened = (await openInFolder(folder)).store
  await reopened.updateClient({ id: gone.id, notes: `${GONE_NOTE} (updated)` })

  await reopened.deleteClient(gone.id)

  await expect(reopened.getClient(gone.id)).rejects.toMatchObject({ code: 'not-found' })
  for (const session of goneSessions)
    await expect(reopened.getSession(session.id)).rejects.toMatchObject({ code: 'not-found' })
  expect(await reopened.searchClients('zyskowski')).toEqual([])
  const image = await decryptedImage(folder)
  for (const trace of [GONE_NAME, GONE_NAME.toLowerCase(), 'bz@example.org', GONE_NOTE, gone.id, goneSessions[0]!.id]) {
    expect(containsText(image, trace), `"${trace}" in the decrypted database`).toBe(false)
  }
  for (const [name, bytes] of await rawFiles(folder)) {
    for (const trace of [GONE_NAME, GONE_NOTE, gone.id])
      expect(containsText(bytes, trace), `"${trace}" in ${name}`).toBe(false)
  }
  expect(containsText(image, KEPT_NAME), 'other clients stay').toBe(true)
  await reopened.close()

  const again = (await openInFolder(folder)).store
  expect((await again.listClients()).map((client) => client.displayName)).toEqual([KEPT_NAME])
  expect(await again.getSession(keptSession.id)).toEqual(keptSession)
  await again.close()
})

it('refuses to delete a client that does not exist, writing nothing', async () => {
  const { store } = await openInFolder(folder)
  await store.createClient({ displayName: 'Stays' })
  const before = await rawFiles(folder)
  await expect(store.deleteClient('missing-id')).rejects.toMatchObject({ code: 'not-found', field: 'clientId' })
  await expect(store.deleteClient('../etc' as string)).rejects.toMatchObject({ code: 'invalid-input' })
  expect(await rawFiles(folder)).toEqual(before)
  await store.close()
})
