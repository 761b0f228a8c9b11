/**
 * Applies the center database's versioned SQL migrations (center/migrations/NNN_name.sql)
 * in order, each in its own transaction together with its row in
 * public.center_schema_migrations. A session advisory lock makes two runs wait for each
 * other instead of interleaving, so running it again (or twice at once) is safe. A
 * migration that was changed after it was applied is refused, never re-run.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')
export const MIGRATIONS_TABLE = 'public.center_schema_migrations'
/** The advisory lock's key is derived from this text, so it cannot collide with other tools' numbers by chance. */
const LOCK_NAME = 'health-it-role-finder center migrations'

export interface CenterMigration {
  version: number
  name: string
  sql: string
  checksum: string
}

export interface AppliedMigration {
  version: number
  name: string
  checksum: string
  appliedAt: string
  appliedBy: string
}

export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
}

/** A refusal written for IT staff: what is wrong, and what to do. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError'
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/

export function loadMigrations(folder = MIGRATIONS_FOLDER): CenterMigration[] {
  const migrations = fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = FILE_NAME.exec(file)
      if (!match) throw new MigrationError(`${file}: a migration file is named like 004_what_it_does.sql.`)
      const sql = fs.readFileSync(path.join(folder, file), 'utf8')
      return {
        version: Number(match[1]),
        name: match[2]!,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      }
    })
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(
        `Migrations must be numbered 001, 002, 003 … without gaps; found ${migration.version} at place ${index + 1}.`,
      )
    }
  })
  return migrations
}

export const LATEST_CENTER_SCHEMA_VERSION = () => loadMigrations().length

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
  version integer PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by name NOT NULL DEFAULT session_user
)`

async function readApplied(client: Queryable): Promise<AppliedMigration[]> {
  const exists = await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [MIGRATIONS_TABLE])
  if (!exists.rows[0]?.present) return []
  const { rows } = await client.query(
    `SELECT version, name, checksum, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC' AS applied_at,
       applied_by::text AS applied_by
     FROM ${MIGRATIONS_TABLE} ORDER BY version`,
  )
  return rows.map((row) => ({
    version: Number(row.version),
    name: String(row.name),
    checksum: String(row.checksum),
    appliedAt: String(row.applied_at),
    appliedBy: String(row.applied_by),
  }))
}

export interface MigrationStatus {
  applied: AppliedMigration[]
  pending: CenterMigration[]
  /** Applied migrations whose file has changed since: never re-run, always reported. */
  changed: number[]
  /** Versions in the database that this copy of the project does not have. */
  unknown: number[]
}

export async function migrationStatus(client: Queryable, migrations = loadMigrations()): Promise<MigrationStatus> {
  const applied = await readApplied(client)
  const byVersion = new Map(migrations.map((migration) => [migration.version, migration]))
  const appliedVersions = new Set(applied.map((row) => row.version))
  return {
    applied,
    pending: migrations.filter((migration) => !appliedVersions.has(migration.version)),
    changed: applied
      .filter((row) => byVersion.has(row.version) && byVersion.get(row.version)!.checksum !== row.checksum)
      .map((row) => row.version),
    unknown: applied.filter((row) => !byVersion.has(row.version)).map((row) => row.version),
  }
}

export interface MigrateOptions {
  /** Stop after this version (tests build each earlier version this way). */
  target?: number
  log?: (line: string) => void
}

/** Applies what is missing, in order; returns the versions applied by this run. */
export async function migrate(
  client: Queryable,
  migrations = loadMigrations(),
  options: MigrateOptions = {},
): Promise<number[]> {
  const log = options.log ?? (() => undefined)
  const who = await client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)
  if (who.rows[0]?.rolsuper !== true) {
    throw new MigrationError(
      'Run the center migrations as a PostgreSQL superuser (for example the "postgres" login): they create roles and row-level security policies.',
    )
  }
  await client.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [LOCK_NAME])
  try {
    await client.query(CREATE_TABLE)
    const status = await migrationStatus(client, migrations)
    if (status.unknown.length > 0) {
      throw new MigrationError(
        `This database has migration ${status.unknown.join(', ')}, which this copy of the app does not know: it was set up by a newer version. Use that version's command; nothing was changed.`,
      )
    }
    if (status.changed.length > 0) {
      throw new MigrationError(
        `Migration ${status.changed.join(', ')} was changed after it was applied. Applied migrations are never edited: restore the file and add a new migration instead. Nothing was changed.`,
      )
    }
    const applied: number[] = []
    for (const migration of status.pending) {
      if (options.target !== undefined && migration.version > options.target) break
      const label = `${String(migration.version).padStart(3, '0')}_${migration.name}`
      await client.query('BEGIN')
      try {
        await client.query(migration.sql)
        await client.query('RESET ROLE')
        await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name, checksum) VALUES ($1, $2, $3)`, [
          migration.version,
          migration.name,
          migration.checksum,
        ])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        const reason = error instanceof Error ? error.message : String(error)
        throw new MigrationError(
          `Migration ${label} failed and was rolled back, so the database stays at the previous version: ${reason}`,
          {
            cause: error,
          },
        )
      }
      applied.push(migration.version)
      log(`applied ${label}`)
    }
    return applied
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [LOCK_NAME]).catch(() => undefined)
  }
}
