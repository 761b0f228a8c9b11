/**
 * Offline-first sync against a real PostgreSQL that this file stops and starts: work done
 * while the server is down waits in the encrypted store and arrives once it is back; a
 * server stopped in the middle of a sync (after a commit whose reply is lost, and during
 * a transaction) still ends with every session exactly once; the same client changed on
 * two computers is shown as a conflict with both copies, and nothing is lost.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openCenterSession, type CenterSession } from '../../electron/main/center/center-gateway'
import type { Client } from '../../src/shared/records'
import {
  completedSession,
  createCenterDatabase,
  makeComputer,
  uniqueSuffix,
  type CenterDatabase,
  type Computer,
} from './support/center-fixture'
import { startTestServer, type ServerControl, type TestServer } from './support/pg-server'

let server: TestServer
let control: ServerControl
let database: CenterDatabase
const suffix = uniqueSuffix()
const ana = `ana_${suffix}`
const ben = `ben_${suffix}`
const PASSWORD = 'correct horse battery staple'
const computers: Computer[] = []

// These tests stop and start the server, which a server passed in by CENTER_TEST_URL cannot do.
const OWN_SERVER = true

async function computer(login = ana, overrides: Parameters<typeof makeComputer>[0] = {}): Promise<Computer> {
  const made = await makeComputer({ sync: { batchSize: 10 }, ...overrides })
  computers.push(made)
  expect(await made.center.centerSaveSettings(database.settingsFor(login, PASSWORD))).toMatchObject({ ok: true })
  return made
}

/** Sessions and clients at the center for these client ids: each must be there exactly once, at version 1. */
async function centerRows(clientIds: string[]) {
  const sessions = await database.admin.query(
    `SELECT id, version FROM center.sessions WHERE client_id = ANY($1) ORDER BY id`,
    [clientIds],
  )
  const changes = await database.admin.query(
    `SELECT count(*)::int AS n, count(DISTINCT change_id)::int AS distinct_ids
     FROM center.applied_changes WHERE record_id = ANY($1) OR record_id IN (SELECT id FROM center.sessions WHERE client_id = ANY($1))`,
    [clientIds],
  )
  const audits = await database.admin.query(
    `SELECT count(*)::int AS n FROM center.audit_log WHERE action = 'session.create' AND client_id = ANY($1)`,
    [clientIds],
  )
  return {
    sessions: sessions.rows as { id: string; version: number }[],
    changes: changes.rows[0],
    created: audits.rows[0].n,
  }
}

async function addWork(
  on: Computer,
  clients: number,
  sessionsEach: number,
): Promise<{ clients: Client[]; sessionIds: string[] }> {
  const made: Client[] = []
  const sessionIds: string[] = []
  for (let c = 0; c < clients; c++) {
    const client = await on.store.createClient({ displayName: `Client ${c} ${uniqueSuffix()}` })
    made.push(client)
    for (let s = 0; s < sessionsEach; s++)
      sessionIds.push((await on.store.saveSession(completedSession(client.id, s))).id)
  }
  return { clients: made, sessionIds }
}

beforeAll(async () => {
  server = await startTestServer({ own: OWN_SERVER })
  control = server.control!
  database = await createCenterDatabase(server)
  await database.addCenter('east', 'East Side Center')
  await database.addLogin(ana, 'east', 'counselor', PASSWORD)
  await database.addLogin(ben, 'east', 'counselor', PASSWORD)
  // Statistics on: a session sent twice must still add one anonymous row.
  await database.admin.query(`UPDATE center.centers SET anonymous_stats = true`)
}, 180_000) // initdb and start on a busy machine

afterAll(async () => {
  for (const made of computers) await made.remove()
  if (control && !control.running) await control.start().catch(() => undefined)
  await database?.drop().catch(() => undefined)
  await server?.dispose()
}, 120_000) // stops servers and removes computers; slow on a busy machine

async function restart(): Promise<void> {
  await control.start()
  await database.reconnect()
}

describe('while the server cannot be reached', () => {
  it('keeps the work in the encrypted store, shows the count waiting, and sends it once the server is back', async () => {
    const pc = await computer()
    await control.stop()
    const work = await addWork(pc, 3, 2)
    const refused = await pc.center.centerSyncNow()
    expect(refused).toMatchObject({ ok: false, reason: 'server-refused', sent: 0, waiting: 9 })
    expect(refused.ok ? '' : refused.message).toBe(
      'The server did not answer on that port. Check the port number, and that the database server is running.',
    )
    expect(await pc.center.centerStatus()).toMatchObject({ configured: true, online: false, waiting: 9 })

    // The app is closed and opened again while offline: nothing waiting is lost.
    const reopened = await pc.reopen()
    computers.push(reopened)
    expect(await reopened.store.centerWaitingCount()).toBe(9)

    await restart()
    expect(await reopened.center.centerSyncNow()).toEqual({ ok: true, sent: 9, conflicts: 0, refreshed: 0, waiting: 0 })
    const rows = await centerRows(work.clients.map((client) => client.id))
    expect(rows.sessions.map((row) => row.id)).toEqual([...work.sessionIds].sort())
    expect(rows.sessions.every((row) => row.version === 1)).toBe(true)
    expect(await reopened.center.centerStatus()).toMatchObject({ online: true, waiting: 0, problem: null })
  }, 120_000)
})

describe('a server stopped in the middle of a sync', () => {
  it('after it committed a batch whose reply never arrived: every session arrives exactly once', async () => {
    let pushes = 0
    const pc = await computer(ana, {
      openSession: async (settings, options) => {
        const session = await openCenterSession(settings, options)
        return {
          ...session,
          async pushChanges(changes) {
            const outcomes = await session.pushChanges(changes)
            pushes++
            if (pushes === 3) {
              // The server committed this batch; the line goes down before the reply is kept here.
              await control.stop()
              throw Object.assign(new Error('Connection terminated unexpectedly'), {})
            }
            return outcomes
          },
        } satisfies CenterSession
      },
    })
    const work = await addWork(pc, 6, 9) // 60 changes: 6 batches of 10
    const statsBefore = (await database.admin.query('SELECT count(*)::int AS n FROM center.anonymous_results')).rows[0]
      .n
    const cut = await pc.center.centerSyncNow()
    expect(cut).toMatchObject({ ok: false, reason: 'connection-lost', sent: 20, waiting: 40 })

    await restart()
    const resumed = await pc.center.centerSyncNow()
    expect(resumed).toMatchObject({ ok: true, sent: 40, conflicts: 0, waiting: 0 })
    const rows = await centerRows(work.clients.map((client) => client.id))
    expect(rows.sessions).toHaveLength(54)
    expect(new Set(rows.sessions.map((row) => row.id))).toEqual(new Set(work.sessionIds))
    expect(rows.sessions.every((row) => row.version === 1)).toBe(true)
    expect(rows.changes).toEqual({ n: 60, distinct_ids: 60 })
    expect(rows.created).toBe(54)
    // Statistics are on: one anonymous row per completed session, however often it was sent.
    const statsAfter = (await database.admin.query('SELECT count(*)::int AS n FROM center.anonymous_results')).rows[0].n
    expect(statsAfter - statsBefore).toBe(54)
  }, 120_000)

  it('during a transaction: it is rolled back, and the next sync sends it again, once', async () => {
    const pc = await computer()
    const work = await addWork(pc, 2, 4) // 10 changes: one batch
    const statsBefore = (await database.admin.query('SELECT count(*)::int AS n FROM center.anonymous_results')).rows[0]
      .n
    // Hold a lock the batch needs, so it waits inside its transaction.
    await database.admin.query('BEGIN')
    await database.admin.query('LOCK TABLE center.applied_changes IN EXCLUSIVE MODE')
    const syncing = pc.center.centerSyncNow()
    // Watched from another connection: inside a transaction, pg_stat_activity keeps its first snapshot.
    const observer = new pg.Client(database.adminConfig)
    await observer.connect()
    try {
      await vi.waitFor(
        async () => {
          const waiting = await observer.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE application_name = 'health-it-role-finder' AND wait_event_type = 'Lock'`,
          )
          expect(waiting.rows[0].n).toBe(1)
        },
        { timeout: 30_000, interval: 50 },
      )
    } catch (error) {
      // Never leave the lock behind for the tests that follow.
      await database.admin.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      await observer.end()
    }
    // The batch has written clients and sessions inside its open transaction; now the server stops.
    await control.stop()
    expect(await syncing).toMatchObject({ ok: false, reason: 'connection-lost', sent: 0, waiting: 10 })

    await restart()
    expect(await pc.center.centerSyncNow()).toMatchObject({ ok: true, sent: 10, waiting: 0 })
    const rows = await centerRows(work.clients.map((client) => client.id))
    expect(rows.sessions.map((row) => row.id)).toEqual([...work.sessionIds].sort())
    expect(rows.changes).toEqual({ n: 10, distinct_ids: 10 })
    expect(rows.created).toBe(8)
    const statsAfter = (await database.admin.query('SELECT count(*)::int AS n FROM center.anonymous_results')).rows[0].n
    expect(statsAfter - statsBefore).toBe(8)
  }, 120_000)
})

describe('the same client changed on two computers', () => {
  it('is shown as a conflict with both copies, and nothing is lost whichever is kept', async () => {
    const first = await computer(ana)
    const second = await computer(ben)
    const client = await first.store.createClient({ displayName: 'Sam Both', notes: 'first visit' })
    expect(await first.center.centerSyncNow()).toMatchObject({ ok: true, sent: 1 })
    expect(await second.center.centerCopyClient({ clientId: client.id })).toMatchObject({ ok: true })

    await first.store.updateClient({ id: client.id, notes: 'edited on the first computer' })
    await second.store.updateClient({ id: client.id, notes: 'edited on the second computer' })
    expect(await first.center.centerSyncNow()).toMatchObject({ ok: true, sent: 1, conflicts: 0 })
    const meeting = await second.center.centerSyncNow()
    expect(meeting).toMatchObject({ ok: true, sent: 0, conflicts: 1, waiting: 0 })
    expect(await second.center.centerStatus()).toMatchObject({ conflicts: 1 })

    const listed = await first.center.centerListConflicts()
    if (!listed.ok) throw new Error(listed.message)
    expect(listed.conflicts).toHaveLength(1)
    const conflict = listed.conflicts[0]!
    expect(conflict).toMatchObject({
      kind: 'client',
      recordId: client.id,
      clientName: 'Sam Both',
      fromLogin: ben,
      center: { version: 2, updatedBy: ana, record: { notes: 'edited on the first computer' } },
      incoming: { record: { notes: 'edited on the second computer' } },
    })

    // Choosing with an out-of-date view is refused, plainly.
    expect(
      await second.center.centerResolveConflict({ conflictId: conflict.id, keep: 'incoming', centerVersion: 1 }),
    ).toMatchObject({
      ok: false,
      reason: 'changed-again',
    })
    expect(
      await second.center.centerResolveConflict({ conflictId: conflict.id, keep: 'incoming', centerVersion: 2 }),
    ).toEqual({
      ok: true,
      version: 3,
    })
    // Both computers end with the kept copy; the trail says who chose what.
    expect((await second.store.getClient(client.id)).notes).toBe('edited on the second computer')
    expect(await first.center.centerSyncNow()).toMatchObject({ ok: true, refreshed: 1 })
    expect((await first.store.getClient(client.id)).notes).toBe('edited on the second computer')
    expect(await first.center.centerListConflicts()).toEqual({ ok: true, conflicts: [] })
    const trail = await database.admin.query(
      `SELECT login::text, action, detail FROM center.audit_log WHERE client_id = $1 AND action LIKE 'conflict.%' ORDER BY id`,
      [client.id],
    )
    expect(trail.rows.map((row) => row.action)).toEqual(['conflict.record', 'conflict.read', 'conflict.resolve'])
    expect(trail.rows[2]).toMatchObject({ login: ben, detail: 'kept incoming, version 3' })
  }, 120_000)

  it('a session edited on both keeps the center’s copy when chosen, and the other copy stays readable until then', async () => {
    const first = await computer(ana)
    const second = await computer(ben)
    const client = await first.store.createClient({ displayName: 'Lee Notes' })
    const session = await first.store.saveSession(completedSession(client.id, 0))
    expect(await first.center.centerSyncNow()).toMatchObject({ ok: true, sent: 2 })
    expect(await second.center.centerCopyClient({ clientId: client.id })).toMatchObject({ ok: true, sessions: 1 })

    await first.store.saveSession({ ...session, counselorNotes: { teaching: 'first computer note' } })
    await second.store.saveSession({ ...session, counselorNotes: { teaching: 'second computer note' } })
    await first.center.centerSyncNow()
    expect(await second.center.centerSyncNow()).toMatchObject({ conflicts: 1 })
    const listed = await second.center.centerListConflicts()
    if (!listed.ok) throw new Error(listed.message)
    const conflict = listed.conflicts.find((item) => item.recordId === session.id)!
    expect(conflict.kind).toBe('session')
    expect(conflict.incoming.record).toMatchObject({ counselorNotes: { teaching: 'second computer note' } })
    expect(conflict.center.record).toMatchObject({ counselorNotes: { teaching: 'first computer note' } })
    expect(
      await second.center.centerResolveConflict({
        conflictId: conflict.id,
        keep: 'center',
        centerVersion: conflict.center.version,
      }),
    ).toEqual({
      ok: true,
      version: 2,
    })
    // The copy not kept is still in the center's conflict record, marked as settled.
    const kept = await database.admin.query(
      `SELECT resolution, incoming -> 'counselorNotes' ->> 'teaching' AS note FROM center.conflicts WHERE id = $1`,
      [conflict.id],
    )
    expect(kept.rows).toEqual([{ resolution: 'kept-center', note: 'second computer note' }])
    expect((await second.store.getSession(session.id)).counselorNotes).toEqual({ teaching: 'first computer note' })
  }, 120_000)
})
