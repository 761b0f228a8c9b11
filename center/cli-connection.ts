/**
 * How IT staff's center commands find the database: `--url postgres://user:password@host:port/database`
 * (with `?sslmode=…` or `--sslmode …`), or PostgreSQL's own environment variables (PGHOST, PGPORT,
 * PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE). Problems are one plain line, as in the app.
 */
import { CENTER_SSL_MODES, type CenterSslMode } from '../src/shared/center-contract'
import { CENTER_PROBLEMS } from '../src/shared/center-problems'
import { centerProblemOf } from '../src/center/connection-problems'
import type { ConnectionTarget } from './pg-connection'

export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export interface ParsedArguments {
  flags: Map<string, string | true>
  positional: string[]
}

/** `--name value`, `--name=value` and bare `--switch`; everything else is positional. */
export function parseArguments(argv: readonly string[], switches: readonly string[]): ParsedArguments {
  const flags = new Map<string, string | true>()
  const positional: string[] = []
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!
    if (!argument.startsWith('--')) {
      positional.push(argument)
      continue
    }
    const [name, inline] = argument.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
    if (switches.includes(name)) flags.set(name, true)
    else if (inline !== undefined) flags.set(name, inline)
    else {
      const value = argv[index + 1]
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value.`)
      flags.set(name, value)
      index++
    }
  }
  return { flags, positional }
}

function sslModeOf(text: string | undefined): CenterSslMode {
  const mode = text ?? 'prefer'
  if (!(CENTER_SSL_MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`--sslmode is one of ${CENTER_SSL_MODES.join(', ')}; "${mode}" is not.`)
  }
  return mode as CenterSslMode
}

export function connectionTarget(
  flags: Map<string, string | true>,
  env: NodeJS.ProcessEnv = process.env,
): ConnectionTarget {
  const url = flags.get('url')
  const sslFlag = flags.get('sslmode')
  if (typeof url === 'string') {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw new UsageError('--url is not a valid address, e.g. postgres://postgres@db.example.org:5432/center.')
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
      throw new UsageError('--url starts with postgres://.')
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''))
    if (!database) throw new UsageError('--url must name the database, e.g. …:5432/center.')
    return {
      host:
        parsed.searchParams.get('host') ?? (decodeURIComponent(parsed.hostname.replace(/^\[|\]$/g, '')) || 'localhost'),
      port: Number(parsed.port || 5432),
      database,
      user: decodeURIComponent(parsed.username) || env.PGUSER || 'postgres',
      password: parsed.password ? decodeURIComponent(parsed.password) : env.PGPASSWORD,
      sslMode: sslModeOf(typeof sslFlag === 'string' ? sslFlag : (parsed.searchParams.get('sslmode') ?? env.PGSSLMODE)),
    }
  }
  if (!env.PGDATABASE)
    throw new UsageError('Give --url postgres://user@host:port/database, or set PGHOST, PGDATABASE and PGUSER.')
  return {
    host: env.PGHOST ?? 'localhost',
    port: Number(env.PGPORT ?? 5432),
    database: env.PGDATABASE,
    user: env.PGUSER ?? 'postgres',
    password: env.PGPASSWORD,
    sslMode: sslModeOf(typeof sslFlag === 'string' ? sslFlag : env.PGSSLMODE),
  }
}

/** One plain line for a failure to connect or to run a statement. */
export function plainConnectionProblem(error: unknown): string {
  const problem = centerProblemOf(error)
  if (problem !== 'unexpected') return CENTER_PROBLEMS[problem].en
  return error instanceof Error ? error.message : String(error)
}
