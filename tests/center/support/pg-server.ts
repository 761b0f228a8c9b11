/**
 * A throwaway PostgreSQL server for the center tests: Debian's PostgreSQL 15 binaries,
 * a temporary data folder and socket folder, a free port on 127.0.0.1, TLS with a
 * self-signed certificate. Run as root (CI), the server runs as the `postgres` user,
 * because initdb and postgres refuse to run as root. It is stopped by its pid.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

/** Debian's PostgreSQL binaries: 15 (the version this is built for) when present, else the newest installed. */
function findPostgres(): string {
  if (process.env.CENTER_PG_BIN) return process.env.CENTER_PG_BIN
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter(
          (name) => /^\d+$/.test(name) && Number(name) >= 15 && fs.existsSync(path.join(root, name, 'bin', 'postgres')),
        )
        .map(Number)
        .sort((a, b) => a - b)
    : []
  const chosen = versions.includes(15) ? 15 : versions.at(-1)
  if (chosen === undefined) {
    throw new Error('PostgreSQL 15 or later is not installed: apt-get install postgresql, or set CENTER_TEST_URL.')
  }
  return path.join(root, String(chosen), 'bin')
}

export const PG_BIN = findPostgres()
export const SUPERUSER = 'postgres'

export interface TestServer {
  /** Superuser connection settings (password authentication over TCP). */
  admin: pg.ClientConfig
  /** The server's self-signed certificate (PEM), to test verify-full; null for a given server. */
  certificate: string | null
  host: string
  port: number
  /** Null when the tests were given a server (CENTER_TEST_URL): it cannot be stopped or restarted. */
  control: ServerControl | null
  /** Stops the server for good and removes its folders. Safe to call twice. */
  dispose(): Promise<void>
}

export interface ServerControl {
  /** Fast shutdown (SIGINT): open transactions are rolled back, as in a real outage. */
  stop(): Promise<void>
  /** Starts it again on the same folder and port; resolves once it accepts connections. */
  start(): Promise<void>
  readonly running: boolean
  /** The postmaster's pid while running (the bench reads its CPU time). */
  readonly pid: number | null
}

interface Account {
  uid: number
  gid: number
}

function postgresAccount(): Account | null {
  if (process.getuid?.() !== 0) return null
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'))
  if (!line) throw new Error('Running as root, but there is no postgres user to run the server as.')
  const [, , uid, gid] = line.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

function run(command: string, args: string[], account: Account | null): void {
  // initdb as root is refused, so run it as postgres (runuser), as CI does.
  const result = account
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' })
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} failed (${result.status}): ${result.stderr || result.stdout}`)
  }
}

function chownTree(folder: string, account: Account | null): void {
  if (!account) return
  fs.chownSync(folder, account.uid, account.gid)
  for (const entry of fs.readdirSync(folder, { recursive: true })) {
    fs.chownSync(path.join(folder, String(entry)), account.uid, account.gid)
  }
}

/**
 * Waits for the server's own "ready to accept connections" line (an event, never a fixed
 * sleep), then proves it with a query.
 */
async function waitUntilReady(config: pg.ClientConfig, child: ChildProcess, log: () => string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (/ready to accept connections/.test(log())) finish(resolve)
    }
    const exited = () => finish(() => reject(new Error(`PostgreSQL exited while starting:\n${log()}`)))
    const finish = (settle: () => void) => {
      child.stdout?.off('data', check)
      child.stderr?.off('data', check)
      child.off('exit', exited)
      settle()
    }
    child.stdout?.on('data', check)
    child.stderr?.on('data', check)
    child.once('exit', exited)
    check()
  })
  const client = new pg.Client(config)
  client.on('error', () => undefined)
  await client.connect()
  await client.query('SELECT 1')
  await client.end()
}

export interface TestServerOptions {
  /** TLS on (the default) or off, to test what each sslmode does with each. */
  ssl?: boolean
  /** pg_hba.conf lines to use instead of initdb's, e.g. to accept only encrypted connections. */
  hba?: string[]
  /** A server of our own even when CENTER_TEST_URL is set (tests that stop it or change its settings). */
  own?: boolean
}

const running = new Set<ChildProcess>()
const folders = new Set<string>()
// If a test process ends without its teardown, its servers and folders must not outlive it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true })
})

/** Starts a new server, or wraps CENTER_TEST_URL when given. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const given = options.own ? undefined : process.env.CENTER_TEST_URL
  if (given) {
    const url = new URL(given)
    return {
      admin: { connectionString: given },
      certificate: null,
      host: url.hostname,
      port: Number(url.port || 5432),
      control: null,
      dispose: async () => undefined,
    }
  }

  const account = postgresAccount()
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'center-pg-'))
  folders.add(root)
  fs.chmodSync(root, 0o755)
  const dataDir = path.join(root, 'data')
  const socketDir = path.join(root, 'socket')
  fs.mkdirSync(socketDir)
  const password = `test-${process.pid}-${Date.now()}`
  const passwordFile = path.join(root, 'password')
  fs.writeFileSync(passwordFile, password, { mode: 0o600 })
  // A self-signed certificate, so the TLS modes can be tested for real.
  const certificate = path.join(root, 'server.crt')
  const key = path.join(root, 'server.key')
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost'].concat([
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      certificate,
    ]),
    { encoding: 'utf8' },
  )
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`)
  fs.chmodSync(key, 0o600)
  chownTree(root, account)

  run(
    path.join(PG_BIN, 'initdb'),
    [
      '-D',
      dataDir,
      '-U',
      SUPERUSER,
      `--pwfile=${passwordFile}`,
      '--auth-host=scram-sha-256',
      '--auth-local=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ],
    account,
  )
  if (options.hba) {
    fs.writeFileSync(path.join(dataDir, 'pg_hba.conf'), `${options.hba.join('\n')}\n`)
    chownTree(dataDir, account)
  }
  const port = await freePort()
  const host = '127.0.0.1'
  let child: ChildProcess | null = null
  let output = ''

  const startServer = async () => {
    output = ''
    const args = [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      socketDir,
      '-c',
      `listen_addresses=${host}`,
      '-c',
      `ssl=${options.ssl === false ? 'off' : 'on'}`,
      '-c',
      `ssl_cert_file=${certificate}`,
      '-c',
      `ssl_key_file=${key}`,
      // A test server: durability is not under test, speed is welcome on a busy machine.
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ]
    // The postmaster itself is the child (no wrapper), so its pid is the one to stop.
    const started = spawn(path.join(PG_BIN, 'postgres'), args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
    })
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child = started
    running.add(started)
    started.once('exit', () => running.delete(started))
    await waitUntilReady({ host, port, user: SUPERUSER, password, database: 'postgres' }, started, () => output)
  }

  const stopServer = async () => {
    const running = child
    if (!running || running.exitCode !== null) return
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
    running.kill('SIGINT')
    await exited
    child = null
  }

  try {
    await startServer()
  } catch (error) {
    await stopServer().catch(() => undefined)
    fs.rmSync(root, { recursive: true, force: true })
    throw error
  }

  let disposed = false
  return {
    admin: { host, port, user: SUPERUSER, password, database: 'postgres' },
    certificate: fs.readFileSync(certificate, 'utf8'),
    host,
    port,
    control: {
      stop: stopServer,
      start: startServer,
      get running() {
        return child !== null && child.exitCode === null
      },
      get pid() {
        const current = child as ChildProcess | null
        return current && current.exitCode === null ? (current.pid ?? null) : null
      },
    },
    async dispose() {
      if (disposed) return
      disposed = true
      try {
        await stopServer()
      } finally {
        // Last resort: never leave a server behind, even if the fast shutdown hung or failed.
        const left = child as ChildProcess | null
        if (left && left.exitCode === null) left.kill('SIGKILL')
        fs.rmSync(root, { recursive: true, force: true })
        folders.delete(root)
      }
    },
  }
}
