/**
 * Schema migrations as data: an ordered list of SQL steps, each applied once, inside
 * one transaction together with its row in `schema_version`. Never edit a released
 * step; add a new one (and a seed for it in tests/unit/storage/migrations.test.ts).
 */
import type { Database } from 'sql.js'
import { StorageError } from './errors'

export interface Migration {
  version: number
  description: string
  statements: readonly string[]
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'clients and their guided sessions',
    statements: [
      `CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        contact TEXT,
        notes TEXT NOT NULL,
        -- display name and contact folded to lower case without accents, for search
        search_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        started_at TEXT NOT NULL,
        completed_at TEXT,
        locale TEXT NOT NULL,
        answers_json TEXT NOT NULL,
        counselor_notes_json TEXT NOT NULL,
        -- null until the session has a result
        result_json TEXT,
        best_fit TEXT
      ) STRICT`,
      'CREATE INDEX sessions_by_client ON sessions (client_id, started_at)',
      'CREATE INDEX sessions_by_start ON sessions (started_at)',
    ],
  },
  {
    version: 2,
    description: "center mode: the center's connection details, changes waiting to be sent, the center's versions",
    statements: [
      `CREATE TABLE center_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        -- host, port, database, login, password, TLS mode: encrypted with the rest of the file
        settings_json TEXT NOT NULL,
        linked_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE center_outbox (
        -- the order saves happened in, which is the order they are sent in
        seq INTEGER PRIMARY KEY,
        change_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('client', 'session')),
        record_id TEXT NOT NULL,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        queued_at TEXT NOT NULL
      ) STRICT`,
      'CREATE INDEX center_outbox_by_client ON center_outbox (client_id)',
      `CREATE TABLE center_versions (
        kind TEXT NOT NULL CHECK (kind IN ('client', 'session')),
        record_id TEXT NOT NULL,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        PRIMARY KEY (kind, record_id)
      ) STRICT`,
      'CREATE INDEX center_versions_by_client ON center_versions (client_id)',
    ],
  },
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((latest, step) => Math.max(latest, step.version), 0)

const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER PRIMARY KEY,
  applied_at TEXT NOT NULL
) STRICT`

/** 0 for a database that has never been migrated. */
export function readSchemaVersion(db: Database): number {
  const tableExists = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
  if (tableExists.length === 0) return 0
  const value = db.exec('SELECT MAX(version) FROM schema_version')[0]?.values[0]?.[0]
  return typeof value === 'number' ? value : 0
}

/**
 * Brings `db` up to the last step of `migrations`; returns the versions it applied.
 * A failing step rolls back alone, so the database stays at the previous version.
 */
export function migrate(db: Database, appliedAt: string, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertOrdered(migrations)
  const latest = migrations.at(-1)?.version ?? 0
  const current = readSchemaVersion(db)
  if (current > latest) {
    throw new StorageError(
      'newer-version',
      'The saved counselor data was made by a newer version of this app. Update the app to open it; nothing was changed.',
    )
  }
  db.run(VERSION_TABLE)
  const applied: number[] = []
  for (const step of migrations) {
    if (step.version <= current) continue
    db.run('BEGIN')
    try {
      for (const statement of step.statements) db.run(statement)
      db.run('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)', [step.version, appliedAt])
      db.run('COMMIT')
    } catch (error) {
      db.run('ROLLBACK')
      throw error
    }
    applied.push(step.version)
  }
  return applied
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new Error(`Migration list out of order: step ${index} has version ${step.version}`)
    }
  })
}
