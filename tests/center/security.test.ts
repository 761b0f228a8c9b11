/**
 * Who sees what at a center, on a real PostgreSQL: two counselors of one center and one
 * of another, a supervisor and a kiosk. Row-level security must hold through the app's
 * own service functions, through crafted calls to the center functions, and through raw
 * SQL as each login; every view or change of a client record leaves an audit row that
 * counselors cannot read, change or delete.
 */
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { centerProblemOf } from '../../src/center/connection-problems'
import type { Client } from '../../src/shared/records'
import {
  completedSession,
  createCenterDatabase,
  makeComputer,
  uniqueSuffix,
  type CenterDatabase,
  type Computer,
} from './support/center-fixture'
import { startTestServer, type TestServer } from './support/pg-server'

let server: TestServer
let database: CenterDatabase
const suffix = uniqueSuffix()
const login = {
  ana: `ana_${suffix}`, // east, counselor
  ben: `ben_${suffix}`, // east, counselor
  cruz: `cruz_${suffix}`, // west, counselor
  sue: `sue_${suffix}`, // east, supervisor
  kiosk: `kiosk_${suffix}`, // east, kiosk
}
const PASSWORD = 'correct horse battery staple'
let ana: Computer
let ben: Computer
let cruz: Computer
let eastClient: Client
let westClient: Client

async function expectRefused(client: pg.Client, sql: string, values: unknown[] = [], code = '42501') {
  await expect(client.query(sql, values)).rejects.toMatchObject({ code })
}

async function auditRows(where = 'true', values: unknown[] = []) {
  const { rows } = await database.admin.query(
    `SELECT login::text, action, client_id, session_id, c.code AS center
     FROM center.audit_log a JOIN center.centers c ON c.id = a.center_id WHERE ${where} ORDER BY a.id`,
    values,
  )
  return rows as {
    login: string
    action: string
    client_id: string | null
    session_id: string | null
    center: string
  }[]
}

beforeAll(async () => {
  server = await startTestServer()
  database = await createCenterDatabase(server)
  await database.addCenter('east', 'East Side Center')
  await database.addCenter('west', 'West End Center')
  await database.addLogin(login.ana, 'east', 'counselor', PASSWORD)
  await database.addLogin(login.ben, 'east', 'counselor', PASSWORD)
  await database.addLogin(login.cruz, 'west', 'counselor', PASSWORD)
  await database.addLogin(login.sue, 'east', 'supervisor', PASSWORD)
  await database.addLogin(login.kiosk, 'east', 'kiosk', PASSWORD)
  ;[ana, ben, cruz] = await Promise.all([makeComputer(), makeComputer(), makeComputer()])
  for (const [computer, name] of [
    [ana, login.ana],
    [ben, login.ben],
    [cruz, login.cruz],
  ] as const) {
    expect(await computer.center.centerSaveSettings(database.settingsFor(name, PASSWORD))).toMatchObject({ ok: true })
  }
  eastClient = await ana.store.createClient({ displayName: 'Dana East', contact: 'dana@example.org' })
  await ana.store.saveSession(completedSession(eastClient.id, 0))
  westClient = await cruz.store.createClient({ displayName: 'Wes West' })
  expect(await ana.center.centerSyncNow()).toMatchObject({ ok: true, sent: 2, waiting: 0 })
  expect(await cruz.center.centerSyncNow()).toMatchObject({ ok: true, sent: 1, waiting: 0 })
}, 180_000) // a server, a database and three computers on a busy machine

afterAll(async () => {
  for (const computer of [ana, ben, cruz]) await computer?.remove()
  await database?.drop().catch(() => undefined)
  await server?.dispose()
}, 120_000) // stops servers and removes computers; slow on a busy machine

describe('through the app’s own service functions', () => {
  it('a counselor sees the clients of their own center only', async () => {
    const seenByBen = await ben.center.centerListClients({ query: '' })
    expect(seenByBen).toMatchObject({
      ok: true,
      clients: [{ id: eastClient.id, displayName: 'Dana East', sessionCount: 1 }],
    })
    const seenByCruz = await cruz.center.centerListClients({ query: '' })
    expect(seenByCruz).toMatchObject({ ok: true, clients: [{ id: westClient.id, onThisComputer: true }] })
    expect(await cruz.center.centerListClients({ query: 'Dana' })).toEqual({ ok: true, clients: [] })
  }, 60_000)

  it('another center’s client cannot be copied, by id or otherwise', async () => {
    expect(await cruz.center.centerCopyClient({ clientId: eastClient.id })).toEqual({
      ok: false,
      reason: 'not-found',
      message: 'That record is not in this center, or it was already dealt with.',
    })
    const copied = await ben.center.centerCopyClient({ clientId: eastClient.id })
    expect(copied).toMatchObject({ ok: true, client: { displayName: 'Dana East' }, sessions: 1 })
  }, 60_000)

  it('a record crafted with another center’s id is refused and changes nothing there', async () => {
    // West imports a session file exported in the east: it names the east client's id.
    const file = await ana.store.exportSessionJson((await ana.store.listSessions(eastClient.id))[0]!.id)
    const other = await makeComputer()
    try {
      await other.center.centerSaveSettings(database.settingsFor(login.cruz, PASSWORD))
      await other.store.importSessionJson(file)
      await other.store.updateClient({ id: eastClient.id, displayName: 'Taken Over' })
      const result = await other.center.centerSyncNow()
      expect(result).toMatchObject({ ok: false, reason: 'record-in-other-center', waiting: 3 })
      const row = await database.admin.query(
        'SELECT display_name, version, c.code FROM center.clients JOIN center.centers c ON c.id = center_id WHERE clients.id = $1',
        [eastClient.id],
      )
      expect(row.rows).toEqual([{ display_name: 'Dana East', version: 1, code: 'east' }])
    } finally {
      await other.remove()
    }
  }, 60_000)

  it('a supervisor reads reports but cannot list clients; a counselor cannot read reports', async () => {
    const supervisorPc = await makeComputer()
    try {
      expect(await supervisorPc.center.centerSaveSettings(database.settingsFor(login.sue, PASSWORD))).toMatchObject({
        ok: true,
        identity: { kind: 'supervisor', centerCode: 'east' },
      })
      expect(await supervisorPc.center.centerListClients({ query: '' })).toMatchObject({
        ok: false,
        reason: 'not-registered',
      })
      expect(await supervisorPc.center.centerQuestionReport({ from: '2026-01-01', to: '2026-12-31' })).toMatchObject({
        ok: true,
      })
      expect(await ana.center.centerQuestionReport({ from: '2026-01-01', to: '2026-12-31' })).toMatchObject({
        ok: false,
        reason: 'not-registered',
      })
    } finally {
      await supervisorPc.remove()
    }
  }, 60_000)
})

describe('raw SQL as each login', () => {
  it('a counselor has no right on any table, nor on the functions behind the API', async () => {
    const cruzSql = await database.connectAs(login.cruz, PASSWORD)
    for (const table of [
      'clients',
      'sessions',
      'audit_log',
      'conflicts',
      'applied_changes',
      'anonymous_results',
      'staff',
    ]) {
      await expectRefused(cruzSql, `SELECT * FROM center.${table}`)
    }
    await expectRefused(cruzSql, `SELECT center_api.apply_client(1, '{}'::jsonb)`)
    await expectRefused(cruzSql, 'SELECT center.current_center()')
    await expectRefused(cruzSql, 'SET ROLE center_api')
    await expectRefused(cruzSql, 'SET ROLE center_owner')
    await expectRefused(cruzSql, 'CREATE TABLE public.mine (x int)')
    await expectRefused(cruzSql, 'CREATE FUNCTION center_api.mine() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$')
    await expectRefused(
      cruzSql,
      `SELECT * FROM center_reports.question_report('2026-01-01', '2026-12-31', 'x', '[]', '{}')`,
    )
  }, 60_000)

  it('crafted calls to the counselor functions see and touch their own center only', async () => {
    const cruzSql = await database.connectAs(login.cruz, PASSWORD)
    const listed = await cruzSql.query(`SELECT id FROM center_api.list_clients('')`)
    expect(listed.rows).toEqual([{ id: westClient.id }])
    await expectRefused(cruzSql, 'SELECT center_api.get_client($1)', [eastClient.id], 'P0002')
    const versions = await cruzSql.query('SELECT center_api.current_versions($1::jsonb) AS v', [
      JSON.stringify([{ kind: 'client', id: eastClient.id }]),
    ])
    expect(versions.rows[0].v).toEqual([{ kind: 'client', id: eastClient.id, version: null }])
    // A session for the east client, and an "update" of it with a plausible version.
    await expectRefused(
      cruzSql,
      'SELECT center_api.push_changes($1::jsonb)',
      [
        JSON.stringify([
          {
            changeId: `crafted-${suffix}-1`,
            kind: 'session',
            baseVersion: null,
            record: { id: `crafted-session-${suffix}`, ...completedSession(eastClient.id, 5) },
          },
        ]),
      ],
      'CR001',
    )
    await expectRefused(
      cruzSql,
      'SELECT center_api.push_changes($1::jsonb)',
      [
        JSON.stringify([
          {
            changeId: `crafted-${suffix}-2`,
            kind: 'client',
            baseVersion: 1,
            record: { ...eastClient, displayName: 'Crafted' },
          },
        ]),
      ],
      'CR001',
    )
    // Turning row security off does not help: PostgreSQL refuses instead of showing more.
    await cruzSql.query('SET row_security = off')
    await expectRefused(cruzSql, `SELECT id FROM center_api.list_clients('')`)
    await cruzSql.query('RESET row_security')
    const east = await database.admin.query('SELECT display_name, version FROM center.clients WHERE id = $1', [
      eastClient.id,
    ])
    expect(east.rows).toEqual([{ display_name: 'Dana East', version: 1 }])
    const sessions = await database.admin.query('SELECT count(*)::int AS n FROM center.sessions WHERE client_id = $1', [
      eastClient.id,
    ])
    expect(sessions.rows[0].n).toBe(1)
  }, 60_000)

  it('the kiosk adds anonymous rows while statistics are on, and reads or changes nothing', async () => {
    const kiosk = await database.connectAs(login.kiosk, PASSWORD)
    const insert = `INSERT INTO center.anonymous_results (content_version, locale, answers, best_fit, fits)
      VALUES ('2026.11.1', 'en', '{"teaching":"formal"}', 'trainer', '{"trainer":80}')`
    await expectRefused(kiosk, insert) // statistics are off by default
    await database.admin.query(`UPDATE center.centers SET anonymous_stats = true WHERE code = 'east'`)
    await kiosk.query(insert)
    await expectRefused(kiosk, 'SELECT count(*) FROM center.anonymous_results')
    await expectRefused(kiosk, `${insert} RETURNING id`)
    await expectRefused(kiosk, 'UPDATE center.anonymous_results SET best_fit = NULL')
    await expectRefused(kiosk, 'DELETE FROM center.anonymous_results')
    await expectRefused(
      kiosk,
      `INSERT INTO center.anonymous_results (center_id, content_version, locale, answers, fits)
       VALUES (2, '2026.11.1', 'en', '{}', '{}')`,
    )
    await expectRefused(kiosk, `SELECT * FROM center_api.list_clients('')`)
    await expectRefused(kiosk, 'SELECT * FROM center.clients')
    await expect(
      kiosk.query(`INSERT INTO center.anonymous_results (content_version, locale, answers, best_fit, fits)
        VALUES ('2026.11.1', 'en', '{"teaching":"Free text, a name: Ana"}', 'trainer', '{}')`),
    ).rejects.toMatchObject({ code: '23514' }) // answers are option ids, never free text
    const rows = await database.admin.query(
      'SELECT c.code, r.recorded_on = current_date AS today FROM center.anonymous_results r JOIN center.centers c ON c.id = r.center_id',
    )
    expect(rows.rows).toEqual([{ code: 'east', today: true }])
    await database.admin.query(`UPDATE center.centers SET anonymous_stats = false WHERE code = 'east'`)
  }, 60_000)

  it('nobody but IT can read the audit trail, and nobody at all can change or delete it', async () => {
    const anaSql = await database.connectAs(login.ana, PASSWORD)
    await expectRefused(anaSql, 'SELECT * FROM center.audit_log')
    await expectRefused(anaSql, 'DELETE FROM center.audit_log')
    await expectRefused(anaSql, `UPDATE center.audit_log SET login = 'nobody'`)
    await expectRefused(database.admin, `UPDATE center.audit_log SET login = 'nobody'`)
    await expectRefused(database.admin, 'DELETE FROM center.audit_log')
    await expectRefused(database.admin, 'TRUNCATE center.audit_log')
    // A supervisor reads their own center's trail, through a function.
    const sue = await database.connectAs(login.sue, PASSWORD)
    const trail = await sue.query(
      `SELECT DISTINCT login FROM center_reports.audit_entries(now() - interval '1 day', now() + interval '1 day')`,
    )
    expect(trail.rows.map((row) => row.login).sort()).not.toContain(login.cruz)
    expect(trail.rows.length).toBeGreaterThan(0)
  }, 60_000)
})

describe('the audit trail', () => {
  it('has a row, with who, what and when, for every view and change of a client record', async () => {
    const start = (await database.admin.query('SELECT max(id) AS id FROM center.audit_log')).rows[0].id as string
    const after = (rows: Awaited<ReturnType<typeof auditRows>>) => rows
    const since = () => auditRows('a.id > $1', [start])

    await ben.center.centerListClients({ query: '' })
    expect(after(await since())).toEqual([
      { login: login.ben, action: 'client.list', client_id: eastClient.id, session_id: null, center: 'east' },
    ])

    const copy = await ben.center.centerCopyClient({ clientId: eastClient.id })
    expect(copy.ok).toBe(true)
    const sessionId = (await ben.store.listSessions(eastClient.id))[0]!.id
    expect((await since()).slice(1)).toEqual([
      { login: login.ben, action: 'client.read', client_id: eastClient.id, session_id: null, center: 'east' },
      { login: login.ben, action: 'session.read', client_id: eastClient.id, session_id: sessionId, center: 'east' },
    ])

    await ben.store.updateClient({ id: eastClient.id, notes: 'Called back on Monday.' })
    expect(await ben.center.centerSyncNow()).toMatchObject({ ok: true, sent: 1 })
    const update = (await since()).filter((row) => row.action === 'client.update')
    expect(update).toEqual([
      { login: login.ben, action: 'client.update', client_id: eastClient.id, session_id: null, center: 'east' },
    ])

    const times = await database.admin.query(
      'SELECT bool_and(at <= now()) AS ok, count(DISTINCT login) AS who FROM center.audit_log WHERE id > $1',
      [start],
    )
    expect(times.rows[0].ok).toBe(true)
    // The earlier sync of Ana's client and session was audited as creations, by Ana.
    expect(
      (await auditRows(`a.action IN ('client.create', 'session.create') AND a.client_id = $1`, [eastClient.id])).map(
        (row) => [row.login, row.action],
      ),
    ).toEqual([
      [login.ana, 'client.create'],
      [login.ana, 'session.create'],
    ])
  }, 60_000)

  it('maps every refusal above to a plain sentence, never an SQL message', () => {
    expect(centerProblemOf({ code: '42501', message: 'permission denied for schema center' })).toBe('not-registered')
    expect(centerProblemOf({ code: 'CR001', message: 'This record belongs to another center' })).toBe(
      'record-in-other-center',
    )
    expect(centerProblemOf({ code: 'P0002', message: 'That client is not in this center' })).toBe('not-found')
  })
})
