/**
 * The center database's migrations on a real PostgreSQL 15: from empty, from each earlier
 * version with its data, rerun, run twice at once, and the refusals IT staff may meet.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadMigrations, migrate, migrationStatus, MigrationError } from '../../center/migrate'
import { runMigrateCommand } from '../../center/migrate-command'
import { CENTER_SCHEMA_VERSION } from '../../src/center/schema-version'
import { createCenterDatabase, uniqueSuffix, type CenterDatabase } from './support/center-fixture'
import { startTestServer, type TestServer } from './support/pg-server'

let server: TestServer
const databases: CenterDatabase[] = []

beforeAll(async () => {
  server = await startTestServer()
}, 120_000) // initdb and a first start on a busy 2-core machine

afterAll(async () => {
  for (const database of databases) await database.drop().catch(() => undefined)
  await server?.dispose()
}, 120_000) // stops servers and removes computers; slow on a busy machine

async function fresh(options: { target?: number } = {}): Promise<CenterDatabase> {
  const database = await createCenterDatabase(server, options)
  databases.push(database)
  return database
}

/** Everything that makes up the schema, as comparable text lines. */
async function catalog(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query(`
    WITH ours AS (SELECT oid, nspname FROM pg_namespace WHERE nspname IN ('center', 'center_api', 'center_reports'))
    SELECT 'column ' || c.table_schema || '.' || c.table_name || '.' || c.column_name || ' ' || c.data_type || ' '
      || c.is_nullable || ' ' || coalesce(c.column_default, '') || ' ' || c.is_identity AS line
    FROM information_schema.columns c WHERE c.table_schema IN (SELECT nspname FROM ours)
    UNION ALL
    SELECT 'function ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '
      || p.prosecdef || ' ' || pg_get_userbyid(p.proowner) || ' ' || md5(pg_get_functiondef(p.oid)) || ' '
      || coalesce(array_to_string(p.proacl, ','), '')
    FROM pg_proc p JOIN ours n ON n.oid = p.pronamespace
    UNION ALL
    SELECT 'policy ' || schemaname || '.' || tablename || '.' || policyname || ' ' || array_to_string(roles, ',')
      || ' ' || cmd || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '')
    FROM pg_policies WHERE schemaname IN (SELECT nspname FROM ours)
    UNION ALL
    SELECT 'table ' || n.nspname || '.' || r.relname || ' ' || r.relkind::text || ' rls=' || r.relrowsecurity
      || ' owner=' || pg_get_userbyid(r.relowner) || ' acl=' || coalesce(array_to_string(r.relacl, ','), '')
    FROM pg_class r JOIN ours n ON n.oid = r.relnamespace
    UNION ALL
    SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace IN (SELECT oid FROM ours)
    UNION ALL
    SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname || ' ' || pg_get_triggerdef(oid)
    FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN (SELECT r.oid FROM pg_class r JOIN ours n ON n.oid = r.relnamespace)
    UNION ALL
    SELECT 'schema ' || nspname || ' ' || pg_get_userbyid(nspowner) || ' ' || coalesce(array_to_string(nspacl, ','), '')
    FROM pg_namespace WHERE nspname IN (SELECT nspname FROM ours)
    ORDER BY 1`)
  return rows.map((row) => String(row.line))
}

/** Data as each released schema version could hold it, added before upgrading. */
const SEED_BY_VERSION: Record<number, (database: CenterDatabase, suffix: string) => Promise<void>> = {
  1: async (database, suffix) => {
    await database.addCenter('east', 'East Side Center')
    await database.addLogin(`ana_${suffix}`, 'east', 'counselor', 'a long password 1')
  },
  2: async (database, suffix) => {
    await SEED_BY_VERSION[1]!(database, suffix)
    const ana = await database.connectAs(`ana_${suffix}`, 'a long password 1')
    await ana.query('SELECT center_api.push_changes($1::jsonb)', [
      JSON.stringify([
        {
          changeId: `seed-${suffix}-1`,
          kind: 'client',
          baseVersion: null,
          record: {
            id: 'client-v2',
            displayName: 'Rosa Díaz',
            contact: null,
            notes: 'seen twice',
            createdAt: '2026-02-01T10:00:00.000Z',
            updatedAt: '2026-02-01T10:00:00.000Z',
          },
        },
      ]),
    ])
  },
}

describe('center migrations', () => {
  it('are numbered 001, 002 … and the app speaks the latest', () => {
    const migrations = loadMigrations()
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1))
    expect(CENTER_SCHEMA_VERSION).toBe(migrations.length)
    for (const migration of migrations) expect(SEED_BY_VERSION[migration.version] ?? 'latest').toBeDefined()
  })

  it('build the whole schema from an empty database, record each version, and change nothing when run again', async () => {
    const database = await fresh()
    const status = await migrationStatus(database.admin)
    expect(status.applied.map((row) => row.version)).toEqual(loadMigrations().map((migration) => migration.version))
    expect(status.pending).toEqual([])
    const before = await catalog(database.admin)
    expect(before.length).toBeGreaterThan(50)
    expect(await migrate(database.admin)).toEqual([])
    expect(await catalog(database.admin)).toEqual(before)
  }, 60_000)

  it('let two runs started at once wait for each other: every version is applied exactly once', async () => {
    const name = `center_${uniqueSuffix()}`
    const root = new pg.Client(server.admin)
    await root.connect()
    await root.query(`CREATE DATABASE ${name}`)
    await root.end()
    const clients = [
      new pg.Client({ ...server.admin, database: name }),
      new pg.Client({ ...server.admin, database: name }),
    ]
    await Promise.all(clients.map((client) => client.connect()))
    try {
      const [first, second] = await Promise.all(clients.map((client) => migrate(client)))
      expect([...first!, ...second!].sort()).toEqual(loadMigrations().map((migration) => migration.version))
      const { rows } = await clients[0]!.query(
        'SELECT version, count(*)::int AS n FROM public.center_schema_migrations GROUP BY version',
      )
      expect(rows.every((row) => row.n === 1)).toBe(true)
    } finally {
      await Promise.all(clients.map((client) => client.end()))
      const cleanup = new pg.Client(server.admin)
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE ${name} WITH (FORCE)`)
      await cleanup.end()
    }
  }, 60_000)

  for (let from = 1; from < loadMigrations().length; from++) {
    it(`upgrade a version ${from} database with its data to the same schema as a fresh one`, async () => {
      const suffix = uniqueSuffix()
      const old = await fresh({ target: from })
      expect((await migrationStatus(old.admin)).applied.map((row) => row.version).at(-1)).toBe(from)
      await SEED_BY_VERSION[from]!(old, suffix)
      const applied = await migrate(old.admin)
      expect(applied).toEqual(
        loadMigrations()
          .slice(from)
          .map((migration) => migration.version),
      )

      const latest = await fresh()
      expect(await catalog(old.admin)).toEqual(await catalog(latest.admin))
      const staff = await old.admin.query('SELECT login, kind FROM center.staff')
      expect(staff.rows).toEqual([{ login: `ana_${suffix}`, kind: 'counselor' }])
      if (from >= 2) {
        const client = await old.admin.query('SELECT display_name, version FROM center.clients')
        expect(client.rows).toEqual([{ display_name: 'Rosa Díaz', version: 1 }])
      }
      // The earlier login still works on the upgraded schema.
      const ana = await old.connectAs(`ana_${suffix}`, 'a long password 1')
      expect((await ana.query('SELECT kind FROM center_api.whoami()')).rows).toEqual([{ kind: 'counselor' }])
    }, 60_000)
  }

  it('refuse, changing nothing, a migration edited after it was applied and a database from a newer version', async () => {
    const database = await fresh()
    const edited = loadMigrations().map((migration) =>
      migration.version === 1 ? { ...migration, sql: `${migration.sql}\n-- edited`, checksum: 'different' } : migration,
    )
    await expect(migrate(database.admin, edited)).rejects.toThrow(/Migration 1 was changed after it was applied/)
    await database.admin.query(
      `INSERT INTO public.center_schema_migrations (version, name, checksum) VALUES (99, 'future', 'x')`,
    )
    await expect(migrate(database.admin)).rejects.toThrow(MigrationError)
    await expect(migrate(database.admin)).rejects.toThrow(/set up by a newer version/)
  }, 60_000)

  it('roll a failing migration back whole, leaving the previous version', async () => {
    const database = await fresh({ target: 2 })
    const broken = loadMigrations().map((migration) =>
      migration.version === 3
        ? { ...migration, sql: `${migration.sql}\nSELECT no_such_function();`, checksum: 'broken' }
        : migration,
    )
    await expect(migrate(database.admin, broken)).rejects.toThrow(/003_anonymous_statistics failed and was rolled back/)
    const status = await migrationStatus(database.admin)
    expect(status.applied.map((row) => row.version)).toEqual([1, 2])
    const table = await database.admin.query(`SELECT to_regclass('center.anonymous_results') AS found`)
    expect(table.rows[0].found).toBeNull()
  }, 60_000)

  it('are refused to a login that is not a superuser, in one plain sentence', async () => {
    const database = await fresh()
    const login = `plain_${uniqueSuffix()}`
    await database.admin.query(`CREATE ROLE ${login} LOGIN PASSWORD 'plain password 1'`)
    await database.admin.query(`GRANT CONNECT ON DATABASE ${database.name} TO ${login}`)
    const plain = await database.connectAs(login, 'plain password 1')
    await expect(migrate(plain)).rejects.toThrow(/Run the center migrations as a PostgreSQL superuser/)
  }, 60_000)
})

describe('npm run center:migrate', () => {
  function urlFor(database: string): string {
    const user = encodeURIComponent(String(server.admin.user))
    const password = encodeURIComponent(String(server.admin.password))
    return `postgres://${user}:${password}@${server.host}:${server.port}/${database}`
  }

  it.skipIf(process.env.CENTER_TEST_URL)(
    'migrates, then reports the status, with exit code 0',
    async () => {
      const name = `center_${uniqueSuffix()}`
      const root = new pg.Client(server.admin)
      await root.connect()
      await root.query(`CREATE DATABASE ${name}`)
      await root.end()
      const out: string[] = []
      const err: string[] = []
      expect(
        await runMigrateCommand(
          ['--url', urlFor(name)],
          (line) => out.push(line),
          (line) => err.push(line),
        ),
      ).toBe(0)
      expect(out.join('\n')).toMatch(
        /encrypted\)[\s\S]*applied 001_roles_and_centers[\s\S]*Done: 3 migration\(s\) applied\./,
      )
      out.length = 0
      expect(
        await runMigrateCommand(
          ['--url', urlFor(name), '--status'],
          (line) => out.push(line),
          (line) => err.push(line),
        ),
      ).toBe(0)
      expect(out.filter((line) => line.includes('applied  0'))).toHaveLength(3)
      expect(out.at(-1)).toBe('Up to date.')
      expect(
        await runMigrateCommand(
          ['--url', urlFor(name)],
          (line) => out.push(line),
          (line) => err.push(line),
        ),
      ).toBe(0)
      expect(out.at(-1)).toBe('Already up to date; nothing changed.')
      expect(err).toEqual([])
    },
    60_000,
  )

  it('says in one line what is wrong with the command or the connection', async () => {
    const err: string[] = []
    const quiet = () => undefined
    expect(await runMigrateCommand(['--url', 'http://example.org/x'], quiet, (line) => err.push(line))).toBe(2)
    expect(err).toEqual(['--url starts with postgres://.'])
    err.length = 0
    expect(
      await runMigrateCommand(
        ['--url', `postgres://postgres:wrong@${server.host}:${server.port}/postgres`],
        quiet,
        (line) => err.push(line),
      ),
    ).toBe(1)
    expect(err).toEqual(['The user name or password is not right. Check both, or ask center IT staff.'])
  }, 60_000)
})
