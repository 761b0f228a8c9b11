import fs from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, expect, it as vitestIt } from 'vitest'
import { eraseAllCounselorData, getCounselorStorageStatus } from '../../../src/storage'
import { DB_NAME, fileAdapter, makeTempFolder, openInFolder, removeFolder, sampleSession } from './helpers'
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

it('tells whether counselor data exists, so the UI can ask for the passcode or for a new one', async () => {
  expect(await getCounselorStorageStatus({ adapter: fileAdapter(folder) })).toEqual({
    exists: false,
    damaged: false,
    waitBeforeNextAttemptMs: 0,
  })
  const { store, status } = await openInFolder(folder)
  expect(status).toBe('created')
  await store.close()
  expect((await getCounselorStorageStatus({ adapter: fileAdapter(folder) })).exists).toBe(true)
})

it('erases all counselor data, kept copies included, and the next open starts afresh', async () => {
  const { store } = await openInFolder(folder)
  const client = await store.createClient({ displayName: 'To Be Erased' })
  await store.saveSession(sampleSession(client.id))
  await store.close()
  await openInFolder(folder, { passcode: 'wrong passcode' }).catch(() => undefined)
  await fs.writeFile(path.join(folder, `${DB_NAME}.damaged-2026-01-01T00-00-00-000Z`), 'an older damaged copy')
  await fs.writeFile(path.join(folder, 'unrelated.txt'), 'not counselor data')

  await eraseAllCounselorData({ adapter: fileAdapter(folder) })

  expect(await fs.readdir(folder)).toEqual(['unrelated.txt'])
  expect(await getCounselorStorageStatus({ adapter: fileAdapter(folder) })).toEqual({
    exists: false,
    damaged: false,
    waitBeforeNextAttemptMs: 0,
  })
  const fresh = await openInFolder(folder, { passcode: 'a completely new passcode' })
  expect(fresh.status).toBe('created')
  expect(await fresh.store.listClients()).toEqual([])
  await fresh.store.close()
})

it('reports a failed erase in plain words', async () => {
  const adapter = {
    ...fileAdapter(folder),
    eraseAll: () => Promise.reject(Object.assign(new Error('x'), { code: 'EACCES' })),
  }
  await expect(eraseAllCounselorData({ adapter })).rejects.toMatchObject({
    code: 'write-failed',
    message:
      'Counselor data could not be fully erased because this computer account is not allowed to write to the counselor data folder. Some of it may still be there: try again.',
  })
})

it('reports a database engine that cannot load, without touching the files', async () => {
  const failingLoad = () => Promise.reject(new Error('WebAssembly.instantiate(): out of memory'))
  await expect(openInFolder(folder, { loadSqlJs: failingLoad })).rejects.toMatchObject({
    code: 'unavailable',
    message: 'The database engine could not be loaded, so counselor data cannot open.',
  })
  expect(await fs.readdir(folder)).toEqual([])
})
