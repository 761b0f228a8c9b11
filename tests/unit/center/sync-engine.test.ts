/**
 * The sync engine against an in-memory model of the center (same rules as
 * center_api.push_changes: change ids remembered, versions compared, conflicts kept) and
 * of the local outbox. Random edits and random connection failures, before and after the
 * center commits a batch, must end with every change applied exactly once.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  nextBatch,
  pushAll,
  refreshCopies,
  syncWithCenter,
  SyncProtocolError,
  type OutboxEntry,
  type PushChange,
  type PushOutcome,
  type RecordVersion,
  type SyncGateway,
  type SyncOutbox,
} from '../../../src/center/sync-engine'
import type { Client } from '../../../src/shared/records'

/** Seeded; fast-check prints the seed and path of any failure. Set SEED to replay one. */
const SEED = Number(process.env.SEED ?? 20261130)

function client(id: string, notes: string): Client {
  return {
    id,
    displayName: `Client ${id}`,
    contact: null,
    notes,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }
}

type Failure = 'none' | 'before-commit' | 'after-commit'

/** The center, as push_changes behaves, with a switch to cut the line around a batch. */
function modelCenter() {
  const records = new Map<string, { version: number; notes: string }>()
  const applied = new Map<string, PushOutcome>()
  const conflicts: { recordId: string; incoming: string }[] = []
  let bumps = 0
  const failures: Failure[] = []
  const gateway: SyncGateway = {
    async pushChanges(changes: PushChange[]) {
      const failure = failures.shift() ?? 'none'
      if (failure === 'before-commit') throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
      // One transaction: compute every outcome, then commit them together.
      const outcomes = changes.map((change): PushOutcome => {
        const earlier = applied.get(change.changeId)
        if (earlier) return { ...earlier, repeated: true }
        const record = change.record as Client
        const current = records.get(record.id)
        let outcome: PushOutcome
        if (!current) {
          records.set(record.id, { version: 1, notes: record.notes })
          outcome = { changeId: change.changeId, outcome: 'applied', version: 1 }
        } else if (current.notes === record.notes) {
          outcome = { changeId: change.changeId, outcome: 'unchanged', version: current.version }
        } else if (change.baseVersion === current.version) {
          current.version++
          current.notes = record.notes
          bumps++
          outcome = { changeId: change.changeId, outcome: 'applied', version: current.version }
        } else {
          conflicts.push({ recordId: record.id, incoming: record.notes })
          outcome = {
            changeId: change.changeId,
            outcome: 'conflict',
            version: current.version,
            conflictId: conflicts.length,
          }
        }
        applied.set(change.changeId, outcome)
        return outcome
      })
      if (failure === 'after-commit') throw new Error('Connection terminated unexpectedly')
      return outcomes
    },
    async currentVersions(known) {
      return known.map((item) => ({ ...item, version: records.get(item.id)?.version ?? null }))
    },
    async getClient(clientId) {
      const record = records.get(clientId)!
      return { client: client(clientId, record.notes), version: record.version, sessions: [] }
    },
  }
  return { gateway, records, applied, conflicts, failures, bumps: () => bumps }
}

/** This computer's store: current records, the outbox in save order, the center's known versions. */
function modelComputer() {
  const records = new Map<string, Client>()
  const entries: { changeId: string; recordId: string }[] = []
  const versions = new Map<string, number>()
  let made = 0
  const outbox: SyncOutbox = {
    async pending(limit) {
      return entries.slice(0, limit).map((entry): OutboxEntry => ({
        changeId: entry.changeId,
        kind: 'client',
        recordId: entry.recordId,
        clientId: entry.recordId,
        baseVersion: versions.get(entry.recordId) ?? null,
        record: records.get(entry.recordId) ?? null,
      }))
    },
    async done(done) {
      for (const item of done) {
        const index = entries.findIndex((entry) => entry.changeId === item.changeId)
        if (index >= 0) entries.splice(index, 1)
        if (item.version) versions.set(item.version.recordId, item.version.version)
      }
    },
    async knownVersions() {
      return [...versions].map(([id, version]): RecordVersion => ({
        kind: 'client',
        recordId: id,
        clientId: id,
        version,
      }))
    },
    async acceptCopies(copy) {
      if (entries.some((entry) => entry.recordId === copy.client!.id)) return false
      records.set(copy.client!.id, copy.client!)
      for (const version of copy.versions) versions.set(version.recordId, version.version)
      return true
    },
  }
  return {
    outbox,
    records,
    entries,
    edit(id: string) {
      records.set(id, client(id, `edit ${++made}`))
      entries.push({ changeId: `change-${made}-${id}`, recordId: id })
    },
    total: () => made,
  }
}

describe('syncWithCenter', () => {
  it('applies every change exactly once, whatever fails and when', async () => {
    const action = fc.oneof(
      fc.record({ edit: fc.constantFrom('a', 'b', 'c', 'd') }),
      fc.record({
        sync: fc.array(fc.constantFrom<Failure>('none', 'before-commit', 'after-commit'), { maxLength: 4 }),
      }),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        async (actions, batchSize) => {
          const center = modelCenter()
          const computer = modelComputer()
          for (const step of actions) {
            if ('edit' in step) computer.edit(step.edit)
            else {
              center.failures.push(...step.sync)
              await syncWithCenter(computer.outbox, center.gateway, { batchSize }).catch(() => undefined)
              center.failures.length = 0
            }
          }
          await syncWithCenter(computer.outbox, center.gateway, { batchSize })
          // Nothing waits, every change id reached the center once, and one computer never conflicts with itself.
          expect(computer.entries).toEqual([])
          expect(center.applied.size).toBe(computer.total())
          expect(center.conflicts).toEqual([])
          for (const [id, record] of computer.records) expect(center.records.get(id)?.notes).toBe(record.notes)
          // No version was raised by a resend: one raise per accepted edit at most.
          expect(center.bumps()).toBeLessThanOrEqual(computer.total() - computer.records.size)
        },
      ),
      { seed: SEED, numRuns: 300 },
    )
  })

  it('sends at most one entry per record in a batch, oldest first', () => {
    const entry = (changeId: string, recordId: string): OutboxEntry => ({
      changeId,
      kind: 'client',
      recordId,
      clientId: recordId,
      baseVersion: null,
      record: client(recordId, ''),
    })
    const batch = nextBatch([entry('1', 'a'), entry('2', 'a'), entry('3', 'b'), entry('4', 'c'), entry('5', 'b')], 10)
    expect(batch.map((item) => item.changeId)).toEqual(['1', '3', '4'])
    expect(nextBatch([entry('1', 'a'), entry('3', 'b'), entry('4', 'c')], 2).map((item) => item.changeId)).toEqual([
      '1',
      '3',
    ])
  })

  it('keeps a conflict at the center and the known version here, then takes the center’s copy', async () => {
    const center = modelCenter()
    const first = modelComputer()
    const second = modelComputer()
    first.edit('shared')
    await syncWithCenter(first.outbox, center.gateway)
    // The second computer has the same record at version 1, then both edit it.
    await second.outbox.acceptCopies({
      client: first.records.get('shared')!,
      sessions: [],
      versions: [{ kind: 'client', recordId: 'shared', clientId: 'shared', version: 1 }],
    })
    first.edit('shared')
    second.records.set('shared', client('shared', 'second computer'))
    second.entries.push({ changeId: 'second-change', recordId: 'shared' })
    await syncWithCenter(first.outbox, center.gateway)
    const counts = await syncWithCenter(second.outbox, center.gateway)
    expect(counts).toEqual({ sent: 0, conflicts: 1, refreshed: 1 })
    expect(center.conflicts).toEqual([{ recordId: 'shared', incoming: 'second computer' }])
    expect(second.records.get('shared')!.notes).toBe(first.records.get('shared')!.notes)
  })

  it('removes nothing when the reply does not match what was sent', async () => {
    const computer = modelComputer()
    computer.edit('a')
    computer.edit('b')
    const wrong: SyncGateway = {
      ...modelCenter().gateway,
      pushChanges: async (changes) =>
        changes.slice(1).map((change) => ({ changeId: change.changeId, outcome: 'applied', version: 1 })),
    }
    await expect(pushAll(computer.outbox, wrong)).rejects.toThrow(SyncProtocolError)
    expect(computer.entries).toHaveLength(2)
  })

  it('acknowledges without sending an entry whose record was deleted here', async () => {
    const computer = modelComputer()
    computer.edit('gone')
    computer.records.delete('gone')
    const center = modelCenter()
    expect(await pushAll(computer.outbox, center.gateway)).toEqual({ sent: 0, conflicts: 0, refreshed: 0 })
    expect(computer.entries).toEqual([])
    expect(center.applied.size).toBe(0)
  })

  it('refreshes only copies the center holds newer, and leaves alone those with changes waiting', async () => {
    const center = modelCenter()
    const computer = modelComputer()
    computer.edit('a')
    computer.edit('b')
    await syncWithCenter(computer.outbox, center.gateway)
    center.records.get('a')!.version = 7
    center.records.get('a')!.notes = 'newer at the center'
    center.records.get('b')!.version = 3
    computer.entries.push({ changeId: 'waiting', recordId: 'b' })
    expect(await refreshCopies(computer.outbox, center.gateway)).toBe(1)
    expect(computer.records.get('a')!.notes).toBe('newer at the center')
    expect(computer.records.get('b')!.notes).not.toBe('newer at the center')
  })
})
