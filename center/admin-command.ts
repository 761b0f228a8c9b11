/**
 * npm run center:admin -- --url postgres://postgres@HOST:5432/DATABASE COMMAND …
 *
 *   add-center CODE NAME…                 add a center (or rename it); CODE like "east-side"
 *   add-login LOGIN --center CODE --kind counselor|supervisor|kiosk
 *                                         create a person's (or a kiosk's) login; asks for its password
 *   remove-login LOGIN                    stop a login from signing in (its audit rows stay)
 *   statistics on|off --center CODE       anonymous statistics for a center (supervisors can also do this in the app)
 *   list                                  centers and their logins
 *
 * The password is turned into a SCRAM-SHA-256 verifier here, so it never reaches the server.
 * It is read without echo from the terminal, or as one line from standard input.
 */
import type pg from 'pg'
import { connectCenter } from './pg-connection'
import { connectionTarget, parseArguments, plainConnectionProblem, UsageError } from './cli-connection'
import { scramSha256Verifier } from './scram'

export const ADMIN_HELP = `Usage: npm run center:admin -- --url postgres://postgres@HOST:5432/DATABASE COMMAND
  add-center CODE NAME…                                   add a center, e.g. add-center east "East Side Center"
  add-login LOGIN --center CODE --kind counselor|supervisor|kiosk
                                                          create a login; asks for its password (12 characters or more)
  remove-login LOGIN                                      stop a login from signing in
  statistics on|off --center CODE                         anonymous statistics for a center
  list                                                    centers and their logins`

export interface AdminIo {
  out(line: string): void
  err(line: string): void
  /** Asks for a new password (twice on a terminal); resolves to what was typed. */
  askPassword(prompt: string): Promise<string>
}

export const MIN_PASSWORD_LENGTH = 12

async function run(client: pg.Client, command: string, args: string[], flags: Map<string, string | true>, io: AdminIo) {
  const need = (name: string) => {
    const value = flags.get(name)
    if (typeof value !== 'string') throw new UsageError(`${command} needs --${name}.`)
    return value
  }
  switch (command) {
    case 'add-center': {
      const [code, ...name] = args
      if (!code || name.length === 0) throw new UsageError('add-center needs a code and a name.')
      await client.query('SELECT center.add_center($1, $2)', [code, name.join(' ')])
      io.out(`Center "${code}" is ready.`)
      return
    }
    case 'add-login': {
      const [login] = args
      if (!login) throw new UsageError('add-login needs the login name.')
      const center = need('center')
      const kind = need('kind')
      const password = await io.askPassword(`Password for ${login}: `)
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw new UsageError(`Choose a password of ${MIN_PASSWORD_LENGTH} characters or more.`)
      }
      await client.query('SELECT center.add_login($1, $2, $3, $4)', [
        login,
        center,
        kind,
        scramSha256Verifier(password),
      ])
      io.out(`Login "${login}" can now sign in as a ${kind} of center "${center}".`)
      return
    }
    case 'remove-login': {
      const [login] = args
      if (!login) throw new UsageError('remove-login needs the login name.')
      await client.query('SELECT center.remove_login($1)', [login])
      io.out(`Login "${login}" can no longer sign in.`)
      return
    }
    case 'statistics': {
      const [state] = args
      if (state !== 'on' && state !== 'off') throw new UsageError('statistics is followed by on or off.')
      const { rowCount } = await client.query('UPDATE center.centers SET anonymous_stats = $1 WHERE code = $2', [
        state === 'on',
        need('center'),
      ])
      if (rowCount === 0) throw new UsageError(`There is no center with the code "${need('center')}".`)
      io.out(`Anonymous statistics are ${state} for center "${need('center')}".`)
      return
    }
    case 'list': {
      const { rows } = await client.query(
        `SELECT c.code, c.name, c.anonymous_stats, s.login, s.kind, s.active
         FROM center.centers c LEFT JOIN center.staff s ON s.center_id = c.id ORDER BY c.code, s.kind, s.login`,
      )
      let current = ''
      for (const row of rows) {
        if (row.code !== current) {
          current = row.code
          io.out(`${row.code}  ${row.name}  (anonymous statistics ${row.anonymous_stats ? 'on' : 'off'})`)
        }
        if (row.login) io.out(`    ${row.kind.padEnd(10)} ${row.login}${row.active ? '' : '  (removed)'}`)
      }
      if (rows.length === 0) io.out('No centers yet: add one with add-center.')
      return
    }
    default:
      throw new UsageError(`Unknown command "${command}".`)
  }
}

export async function runAdminCommand(argv: readonly string[], io: AdminIo): Promise<number> {
  let parsed
  let target
  try {
    parsed = parseArguments(argv, ['help'])
    if (parsed.flags.has('help') || parsed.positional.length === 0) {
      io.out(ADMIN_HELP)
      return parsed.flags.has('help') ? 0 : 2
    }
    target = connectionTarget(parsed.flags)
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error))
    return 2
  }
  let client: pg.Client
  try {
    client = (await connectCenter(target)).client
  } catch (error) {
    io.err(plainConnectionProblem(error))
    return 1
  }
  try {
    const [command, ...args] = parsed.positional
    await run(client, command!, args, parsed.flags, io)
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message)
      return 2
    }
    // The SQL functions' own refusals are written for IT staff already.
    const code = (error as { code?: string }).code
    io.err(code === '22023' || code === '42501' ? (error as Error).message : plainConnectionProblem(error))
    return 1
  } finally {
    await client.end().catch(() => undefined)
  }
}
