import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StorageError, type CounselorStore } from '../../../src/storage'
import { makeTempFolder, openInFolder, removeFolder, sampleSession } from './helpers'

/** The report page's count: the rows exportSessionsCsv would write, without making the file. */
describe('countSessions', () => {
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

  const csvRows = async (range: { from?: string; to?: string } = {}) =>
    (await store.exportSessionsCsv(range)).slice(1, -2).split('\r\n').length - 1

  it('counts the same sessions as the CSV export, for all time and for a range', async () => {
    expect(await store.countSessions()).toBe(0)
    const client = await store.createClient({ displayName: 'Rosa, "R" Díaz' })
    for (const day of ['01', '02', '03']) {
      await store.saveSession(sampleSession(client.id, { startedAt: `2026-03-${day}T14:00:00Z` }))
    }
    await store.saveSession({ clientId: client.id, startedAt: '2026-03-04T10:00:00Z', locale: 'en', answers: {} })
    const march2to4 = { from: '2026-03-02T00:00:00Z', to: '2026-03-04T00:00:00Z' }
    expect(await store.countSessions()).toBe(4)
    expect(await store.countSessions()).toBe(await csvRows())
    expect(await store.countSessions(march2to4)).toBe(2)
    expect(await store.countSessions(march2to4)).toBe(await csvRows(march2to4))
  })

  it('refuses a range that ends before it starts, in plain words', async () => {
    const error = await store
      .countSessions({ from: '2026-03-04T00:00:00Z', to: '2026-03-02T00:00:00Z' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageError)
    expect(error).toMatchObject({ code: 'invalid-input' })
  })
})
