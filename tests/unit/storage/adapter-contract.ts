/** What every PersistenceAdapter must do, run against the file adapter and the IndexedDB adapter alike. */
import { expect, it } from 'vitest'
import type { PersistenceAdapter } from '../../../src/storage/persistence-adapter'

const bytes = (...values: number[]) => new Uint8Array(values)

export function describeAdapterContract(makeAdapter: () => Promise<PersistenceAdapter>): void {
  it('starts empty', async () => {
    const adapter = await makeAdapter()
    expect(await adapter.read()).toBeNull()
    expect(await adapter.readJournal()).toBeNull()
    expect(await adapter.readMeta()).toBeNull()
  })

  it('replaces the snapshot, journal and metadata whole, and reads back exactly what was written', async () => {
    const adapter = await makeAdapter()
    await adapter.write(bytes(1, 2, 3))
    await adapter.write(bytes(4, 5))
    expect(await adapter.read()).toEqual(bytes(4, 5))
    await adapter.writeJournal(bytes(9, 9, 9))
    await adapter.writeJournal(bytes(7))
    expect(await adapter.readJournal()).toEqual(bytes(7))
    await adapter.writeMeta(bytes(42))
    expect(await adapter.readMeta()).toEqual(bytes(42))
  })

  it('appends to the journal in order', async () => {
    const adapter = await makeAdapter()
    await adapter.writeJournal(bytes(1))
    await adapter.appendJournal(bytes(2, 3))
    await adapter.appendJournal(bytes(4))
    expect(await adapter.readJournal()).toEqual(bytes(1, 2, 3, 4))
  })

  it('stores only the viewed part of a byte array', async () => {
    const adapter = await makeAdapter()
    const big = bytes(0, 1, 2, 3, 4, 5)
    await adapter.write(big.subarray(2, 4))
    expect(await adapter.read()).toEqual(bytes(2, 3))
  })

  it('keeps a copy under a name with the stamp, leaving the live snapshot and journal as they were', async () => {
    const adapter = await makeAdapter()
    await adapter.write(bytes(1))
    await adapter.writeJournal(bytes(2))
    await adapter.writeMeta(bytes(3))
    expect(await adapter.listCopies()).toEqual([])
    const where = await adapter.keepCopy('2026-06-15T08-30-00-000Z', { snapshot: bytes(8), journal: bytes(9) })
    expect(where).toContain('2026-06-15T08-30-00-000Z')
    expect(await adapter.read()).toEqual(bytes(1))
    expect(await adapter.readJournal()).toEqual(bytes(2))
    expect(await adapter.readMeta()).toEqual(bytes(3))
    const second = await adapter.keepCopy('2026-06-15T08-30-00-000Z', { journal: bytes(7) })
    expect(second, 'a second copy with the same stamp gets its own name').not.toBe(where)
    expect((await adapter.listCopies()).length).toBeGreaterThanOrEqual(2)
    await adapter.removeCopies()
    expect(await adapter.listCopies()).toEqual([])
    expect(await adapter.read(), 'removing copies leaves the live data').toEqual(bytes(1))
  })

  it('erases everything', async () => {
    const adapter = await makeAdapter()
    await adapter.write(bytes(1))
    await adapter.writeJournal(bytes(2))
    await adapter.writeMeta(bytes(3))
    await adapter.keepCopy('stamp', { snapshot: bytes(1) })
    await adapter.write(bytes(4))
    await adapter.eraseAll()
    expect(await adapter.read()).toBeNull()
    expect(await adapter.readJournal()).toBeNull()
    expect(await adapter.readMeta()).toBeNull()
    expect(await adapter.listCopies()).toEqual([])
  })
}
