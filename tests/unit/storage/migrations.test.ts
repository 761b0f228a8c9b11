import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js'
import { beforeAll, describe, expect, it as vitestIt } from 'vitest'
import { findClient } from '../../../src/storage/client-table'
import { StorageError } from '../../../src/storage/errors'
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
  migrate,
  readSchemaVersion,
} from '../../../src/storage/migrations'
import { findSession } from '../../../src/storage/session-table'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

/** Every test here drives the real encrypted store: STORE_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, STORE_TEST_TIMEOUT)

const APPLIED_AT = '2026-01-01T00:00:00.000Z'

/**
 * Rows as each released schema version stored them. Every migration needs an entry,
 * so that data written by every earlier release is shown to survive the upgrade.
 */
const SEED_BY_VERSION: Record<number, string[]> = {
  1: [
    `INSERT INTO clients VALUES ('client-v1', 'Ana Pérez', 'ana@example.org', 'Seen in March', 'ana perez\u0001ana@example.org',
      '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z')`,
    `INSERT INTO sessions VALUES ('session-v1', 'client-v1', '2026-01-02T10:05:00.000Z', NULL, 'es-US',
      '{"licensed_clinician":"no"}', '{"licensed_clinician":"asked twice"}', NULL, NULL)`,
  ],
  2: [
    `INSERT INTO clients VALUES ('client-v1', 'Ana Pérez', 'ana@example.org', 'Seen in March', 'ana perez\u0001ana@example.org',
      '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z')`,
    `INSERT INTO sessions VALUES ('session-v1', 'client-v1', '2026-01-02T10:05:00.000Z', NULL, 'es-US',
      '{"licensed_clinician":"no"}', '{"licensed_clinician":"asked twice"}', NULL, NULL)`,
    `INSERT INTO center_link VALUES (1, '{"host":"db.example.org","port":5432,"database":"center","user":"ana","password":"x","sslMode":"prefer"}',
      '2026-01-03T09:00:00.000Z')`,
    `INSERT INTO center_outbox (change_id, kind, record_id, client_id, queued_at)
      VALUES ('0b6f3c1e-7d2a-4c55-9a57-3f1f4f0b2a11', 'session', 'session-v1', 'client-v1', '2026-01-03T09:00:00.000Z')`,
    "INSERT INTO center_versions VALUES ('client', 'client-v1', 'client-v1', 3)",
  ],
}

let SQL: SqlJsStatic
beforeAll(async () => {
  SQL = await initSqlJs()
})

/** Tables, columns and indexes, to compare two databases' schemas. */
function schemaOf(db: Database): string[] {
  const rows = db.exec(
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
  )[0]?.values
  return (rows ?? []).map((row) => row.map(String).join(' | '))
}

describe('migrations', () => {
  it('are numbered 1, 2, 3 … in order, and every version has a seed in this test', () => {
    expect(MIGRATIONS.map((step) => step.version)).toEqual(MIGRATIONS.map((_, index) => index + 1))
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length)
    for (const step of MIGRATIONS) expect(SEED_BY_VERSION[step.version], `seed for v${step.version}`).toBeDefined()
  })

  it('build the latest schema from an empty database and record every version', () => {
    const db = new SQL.Database()
    expect(readSchemaVersion(db)).toBe(0)
    expect(migrate(db, APPLIED_AT)).toEqual(MIGRATIONS.map((step) => step.version))
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    const history = db.exec('SELECT version, applied_at FROM schema_version ORDER BY version')[0]?.values
    expect(history).toEqual(MIGRATIONS.map((step) => [step.version, APPLIED_AT]))
    expect(migrate(db, APPLIED_AT), 'a second run applies nothing').toEqual([])
    db.close()
  })

  for (let from = 1; from <= LATEST_SCHEMA_VERSION; from++) {
    it(`upgrade a version ${from} database with its data to the same schema as a fresh one`, () => {
      const db = new SQL.Database()
      migrate(db, APPLIED_AT, MIGRATIONS.slice(0, from))
      for (const statement of SEED_BY_VERSION[from] ?? []) db.run(statement)
      migrate(db, APPLIED_AT)

      const fresh = new SQL.Database()
      migrate(fresh, APPLIED_AT)
      expect(schemaOf(db)).toEqual(schemaOf(fresh))
      expect(findClient(db, 'client-v1')?.displayName).toBe('Ana Pérez')
      expect(findSession(db, 'session-v1')?.counselorNotes).toEqual({ licensed_clinician: 'asked twice' })
      db.close()
      fresh.close()
    })
  }

  it('apply only missing steps, in order, each with its version row', () => {
    const steps: Migration[] = [
      { version: 1, description: 'a', statements: ['CREATE TABLE a (x INTEGER)'] },
      { version: 2, description: 'b', statements: ['ALTER TABLE a ADD COLUMN y TEXT'] },
      { version: 3, description: 'c', statements: ["INSERT INTO a VALUES (1, 'seeded by v3')"] },
    ]
    const db = new SQL.Database()
    expect(migrate(db, APPLIED_AT, steps.slice(0, 1))).toEqual([1])
    expect(migrate(db, APPLIED_AT, steps)).toEqual([2, 3])
    expect(db.exec('SELECT x, y FROM a')[0]?.values).toEqual([[1, 'seeded by v3']])
    db.close()
  })

  it('roll back a failing step completely and keep the previous version', () => {
    const steps: Migration[] = [
      { version: 1, description: 'a', statements: ['CREATE TABLE a (x INTEGER)'] },
      { version: 2, description: 'broken', statements: ['CREATE TABLE b (x INTEGER)', 'THIS IS NOT SQL'] },
    ]
    const db = new SQL.Database()
    expect(() => migrate(db, APPLIED_AT, steps)).toThrow()
    expect(readSchemaVersion(db)).toBe(1)
    expect(db.exec("SELECT name FROM sqlite_master WHERE name = 'b'")).toEqual([])
    db.close()
  })

  it('refuse a database from a newer release with a typed, plain error', () => {
    const db = new SQL.Database()
    migrate(db, APPLIED_AT)
    db.run('INSERT INTO schema_version VALUES (?, ?)', [LATEST_SCHEMA_VERSION + 1, APPLIED_AT])
    let thrown: unknown
    try {
      migrate(db, APPLIED_AT)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(StorageError)
    expect(thrown).toMatchObject({ code: 'newer-version', message: expect.stringContaining('newer version') })
    db.close()
  })

  it('reject a migration list that is out of order', () => {
    const db = new SQL.Database()
    const shuffled: Migration[] = [
      { version: 2, description: 'b', statements: [] },
      { version: 1, description: 'a', statements: [] },
    ]
    expect(() => migrate(db, APPLIED_AT, shuffled)).toThrow(/out of order/)
    db.close()
  })
})
