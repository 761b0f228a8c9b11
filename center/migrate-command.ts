/**
 * npm run center:migrate -- --url postgres://postgres@HOST:5432/DATABASE [--status] [--to N] [--sslmode MODE]
 *
 * Creates or updates a center database's schema (roles, tables, row-level security,
 * functions) from center/migrations, in order; safe to run again. `--status` only reports.
 * Run it as a PostgreSQL superuser. Exit code 0 on success, 1 when it could not be done,
 * 2 for a mistake in the command.
 */
import { connectCenter } from './pg-connection'
import { connectionTarget, parseArguments, plainConnectionProblem, UsageError } from './cli-connection'
import { loadMigrations, migrate, migrationStatus, MigrationError } from './migrate'

const HELP = `Usage: npm run center:migrate -- --url postgres://postgres@HOST:5432/DATABASE [--status] [--to N]
  --url       the center database, as a superuser (or set PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD)
  --sslmode   disable, prefer (default), require or verify-full
  --status    show which migrations are applied and which are waiting; change nothing
  --to N      apply migrations up to N only`

export async function runMigrateCommand(
  argv: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let parsed
  try {
    parsed = parseArguments(argv, ['status', 'help'])
    if (parsed.flags.has('help')) {
      out(HELP)
      return 0
    }
    if (parsed.positional.length > 0) throw new UsageError(`Unexpected "${parsed.positional[0]}".`)
  } catch (error) {
    err(error instanceof Error ? error.message : String(error))
    err(HELP)
    return 2
  }
  let target
  let to: number | undefined
  try {
    target = connectionTarget(parsed.flags)
    const toFlag = parsed.flags.get('to')
    if (toFlag !== undefined) {
      to = Number(toFlag)
      if (!Number.isInteger(to) || to < 1) throw new UsageError('--to is a migration number such as 2.')
    }
  } catch (error) {
    err(error instanceof Error ? error.message : String(error))
    return 2
  }
  const migrations = loadMigrations()
  let opened
  try {
    opened = await connectCenter(target, { statementTimeoutMs: 0 })
  } catch (error) {
    err(plainConnectionProblem(error))
    return 1
  }
  const { client, encrypted } = opened
  try {
    out(
      `Center database ${target.database} on ${target.host}:${target.port} (${encrypted ? 'encrypted' : 'not encrypted'}).`,
    )
    if (parsed.flags.has('status')) {
      const status = await migrationStatus(client, migrations)
      for (const row of status.applied) {
        const mark = status.changed.includes(row.version) ? ' (file changed since!)' : ''
        out(
          `  applied  ${String(row.version).padStart(3, '0')}_${row.name}  ${row.appliedAt} by ${row.appliedBy}${mark}`,
        )
      }
      for (const migration of status.pending)
        out(`  waiting  ${String(migration.version).padStart(3, '0')}_${migration.name}`)
      for (const version of status.unknown) out(`  unknown  ${version} (from a newer version of the app)`)
      out(status.pending.length === 0 ? 'Up to date.' : `${status.pending.length} migration(s) waiting.`)
      return status.changed.length > 0 || status.unknown.length > 0 ? 1 : 0
    }
    const applied = await migrate(client, migrations, { ...(to ? { target: to } : {}), log: out })
    out(applied.length === 0 ? 'Already up to date; nothing changed.' : `Done: ${applied.length} migration(s) applied.`)
    return 0
  } catch (error) {
    err(error instanceof MigrationError ? error.message : plainConnectionProblem(error))
    return 1
  } finally {
    await client.end().catch(() => undefined)
  }
}
