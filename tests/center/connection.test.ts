/**
 * Connection settings against real servers: each TLS mode with a server that offers TLS,
 * one that does not, and one that accepts only encrypted connections; and every kind of
 * wrong setting a counselor may type. Each failure is one plain sentence from
 * center-problems.ts: no SQL, no host file names, no stack.
 */
import net from 'node:net'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CENTER_PROBLEMS, type CenterProblem } from '../../src/shared/center-problems'
import type { CenterCheckResult, CenterConnection } from '../../src/shared/center-contract'
import {
  createCenterDatabase,
  makeComputer,
  uniqueSuffix,
  type CenterDatabase,
  type Computer,
} from './support/center-fixture'
import { startTestServer, type TestServer } from './support/pg-server'

const PASSWORD = 'correct horse battery staple'
const login = `ana_${uniqueSuffix()}`
let computer: Computer
const cleanups: (() => Promise<void>)[] = []

beforeAll(async () => {
  computer = await makeComputer({ connectOptions: { connectTimeoutMs: 10_000 } })
}, 60_000)

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
  await computer?.remove()
}, 120_000) // stops servers and removes computers; slow on a busy machine

async function serverWithCenter(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer({ own: true, ...options })
  const database = await createCenterDatabase(server)
  await database.addCenter('east', 'East Side Center')
  await database.addLogin(login, 'east', 'counselor', PASSWORD)
  cleanups.push(async () => {
    await database.drop()
    await server.dispose()
  })
  return { server, database }
}

function expectRefusal(result: CenterCheckResult, reason: CenterProblem): void {
  expect(result).toEqual({ ok: false, reason, message: CENTER_PROBLEMS[reason].en })
  if (!result.ok) expect(result.message).toMatch(/^[A-Z][^\n]*\.$/)
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

describe('a server that offers TLS', () => {
  let server: TestServer
  let database: CenterDatabase
  let good: CenterConnection

  beforeAll(async () => {
    ;({ server, database } = await serverWithCenter())
    good = database.settingsFor(login, PASSWORD)
  }, 180_000) // initdb and start on a busy machine

  it('encrypts with prefer, require and verify-full (with the center’s certificate), and not with disable', async () => {
    const test = (settings: Partial<CenterConnection>) => computer.center.centerTestSettings({ ...good, ...settings })
    expect(await test({ sslMode: 'prefer' })).toMatchObject({
      ok: true,
      encrypted: true,
      identity: { login, kind: 'counselor' },
    })
    expect(await test({ sslMode: 'require' })).toMatchObject({ ok: true, encrypted: true })
    expect(await test({ sslMode: 'disable' })).toMatchObject({ ok: true, encrypted: false })
    const ca = server.certificate!
    expect(await test({ sslMode: 'verify-full', caCertificate: ca, host: 'localhost' })).toMatchObject({
      ok: true,
      encrypted: true,
    })
    expect(await test({ sslMode: 'verify-full', caCertificate: ca })).toMatchObject({ ok: true, encrypted: true })
    // The server really sees TLS: ask it.
    const { client } = await import('../../center/pg-connection').then((module) => module.connectCenter(good))
    const ssl = await client.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')
    await client.end()
    expect(ssl.rows).toEqual([{ ssl: true }])
  }, 60_000)

  it('refuses a certificate it cannot trust with verify-full', async () => {
    expectRefusal(
      await computer.center.centerTestSettings({ ...good, sslMode: 'verify-full' }),
      'certificate-not-trusted',
    )
  }, 60_000)

  it('says plainly what is wrong with each kind of bad setting', async () => {
    const test = (settings: Partial<CenterConnection>) => computer.center.centerTestSettings({ ...good, ...settings })
    expectRefusal(await test({ password: 'not the password' }), 'wrong-login')
    expectRefusal(await test({ user: 'nobody_here' }), 'wrong-login')
    expectRefusal(await test({ database: 'no_such_database' }), 'database-not-found')
    expectRefusal(await test({ port: await freePort() }), 'server-refused')
    expectRefusal(await test({ host: 'no-such-host.invalid' }), 'server-not-found')
  }, 60_000)

  it('tells a database that is not a center’s, or too old, or a login no center knows', async () => {
    const plain = `plain_${uniqueSuffix()}`
    const root = new pg.Client(server.admin)
    await root.connect()
    try {
      await root.query(`CREATE DATABASE ${plain}`)
      await root.query(`CREATE ROLE ${plain} LOGIN PASSWORD '${PASSWORD}'`)
      expectRefusal(await computer.center.centerTestSettings({ ...good, database: plain }), 'not-a-center-database')
      // A login that exists but was never registered at a center.
      await root.query(`GRANT CONNECT ON DATABASE ${database.name} TO ${plain}`)
      expectRefusal(await computer.center.centerTestSettings({ ...good, user: plain }), 'not-registered')
    } finally {
      await root.query(`DROP DATABASE IF EXISTS ${plain} WITH (FORCE)`)
      await root.end()
    }
    const old = await createCenterDatabase(server, { target: 2 })
    cleanups.push(() => old.drop())
    await old.addCenter('east', 'East Side Center')
    await old.addLogin(login, 'east', 'counselor', PASSWORD)
    expectRefusal(await computer.center.centerTestSettings({ ...good, database: old.name }), 'schema-too-old')
  }, 60_000)

  it('saves nothing when the details do not work, and keeps the password out of the status', async () => {
    expectRefusal(await computer.center.centerSaveSettings({ ...good, password: 'wrong' }), 'wrong-login')
    expect(await computer.center.centerStatus()).toMatchObject({ configured: false })
    expect(await computer.center.centerSaveSettings(good)).toMatchObject({ ok: true })
    const status = await computer.center.centerStatus()
    expect(status.connection).toEqual({
      host: good.host,
      port: good.port,
      database: good.database,
      user: login,
      sslMode: 'prefer',
      hasCaCertificate: false,
    })
    expect(JSON.stringify(status)).not.toContain(PASSWORD)
    await computer.center.centerForgetSettings()
    expect(await computer.center.centerStatus()).toMatchObject({ configured: false, connection: null })
  }, 60_000)
})

describe('a server without TLS', () => {
  it('is used unencrypted with prefer, and refused with require or verify-full', async () => {
    const { database } = await serverWithCenter({ ssl: false })
    const good = database.settingsFor(login, PASSWORD)
    expect(await computer.center.centerTestSettings({ ...good, sslMode: 'prefer' })).toMatchObject({
      ok: true,
      encrypted: false,
    })
    expectRefusal(await computer.center.centerTestSettings({ ...good, sslMode: 'require' }), 'encryption-not-offered')
    expectRefusal(
      await computer.center.centerTestSettings({ ...good, sslMode: 'verify-full' }),
      'encryption-not-offered',
    )
  }, 180_000)
})

describe('a server that accepts only encrypted connections', () => {
  it('refuses disable with a sentence that says to turn encryption on', async () => {
    const { database } = await serverWithCenter({
      hba: [
        'local all all scram-sha-256',
        // IT's own login may connect without TLS here; everyone else must encrypt.
        'host all postgres 127.0.0.1/32 scram-sha-256',
        'hostssl all all 127.0.0.1/32 scram-sha-256',
      ],
    })
    const good = database.settingsFor(login, PASSWORD)
    expectRefusal(await computer.center.centerTestSettings({ ...good, sslMode: 'disable' }), 'encryption-required')
    expect(await computer.center.centerTestSettings({ ...good, sslMode: 'prefer' })).toMatchObject({
      ok: true,
      encrypted: true,
    })
  }, 180_000)
})
