/**
 * Opening a connection to a center's PostgreSQL server with node-postgres (pure
 * JavaScript, no native module), shared by the app's main process and the center
 * commands. TLS follows PostgreSQL's own sslmode words (see CENTER_SSL_MODES).
 */
import type { ConnectionOptions } from 'node:tls'
import pg from 'pg'
import type { CenterConnection, CenterSslMode } from '../src/shared/center-contract'

export const APPLICATION_NAME = 'health-it-role-finder'

/** What to connect to: the app always has a password; IT staff's commands may rely on the server's own rules. */
export type ConnectionTarget = Omit<CenterConnection, 'password'> & { password?: string }

export interface ConnectOptions {
  /** Milliseconds to wait for the server to accept the connection. */
  connectTimeoutMs?: number
  /** Milliseconds any one statement may run (server side) and any one reply may take (client side). */
  statementTimeoutMs?: number
}

/** node-postgres' `ssl` option for a mode; prefer is the TLS attempt (the plain retry is in connectCenter). */
export function tlsOptions(
  settings: Pick<CenterConnection, 'host' | 'sslMode' | 'caCertificate'>,
): false | ConnectionOptions {
  switch (settings.sslMode) {
    case 'disable':
      return false
    case 'prefer':
    case 'require':
      // As libpq: encrypted, certificate not checked. Stops eavesdropping, not an impostor.
      return { rejectUnauthorized: false }
    case 'verify-full':
      // Node checks the chain (against the pasted CA, or the system's) and the host name.
      return {
        rejectUnauthorized: true,
        servername: /^[0-9.:]+$/.test(settings.host) ? undefined : settings.host,
        ...(settings.caCertificate ? { ca: settings.caCertificate } : {}),
      }
  }
}

export function clientConfig(
  settings: ConnectionTarget,
  ssl: false | ConnectionOptions,
  options: ConnectOptions = {},
): pg.ClientConfig {
  const statementTimeout = options.statementTimeoutMs ?? 60_000
  return {
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.user,
    password: settings.password,
    ssl,
    application_name: APPLICATION_NAME,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    statement_timeout: statementTimeout,
    // A little longer than the server's own limit, so the server's answer usually wins.
    query_timeout: statementTimeout + 5_000,
    keepAlive: true,
  }
}

export interface OpenedCenterClient {
  client: pg.Client
  encrypted: boolean
}

function withoutErrorEvents(client: pg.Client): pg.Client {
  // A connection the server drops while idle emits 'error'; unhandled, that would end the
  // process. The next query on it rejects anyway, which is where callers hear of it.
  client.on('error', () => undefined)
  return client
}

async function open(config: pg.ClientConfig): Promise<pg.Client> {
  const client = withoutErrorEvents(new pg.Client(config))
  try {
    await client.connect()
    return client
  } catch (error) {
    await client.end().catch(() => undefined)
    throw error
  }
}

function tlsNotOffered(error: unknown): boolean {
  return error instanceof Error && /does not support SSL connections/i.test(error.message)
}

/** Connects as the settings say; `prefer` falls back to an unencrypted connection only when the server offers no TLS. */
export async function connectCenter(
  settings: ConnectionTarget,
  options: ConnectOptions = {},
): Promise<OpenedCenterClient> {
  const ssl = tlsOptions(settings)
  try {
    return { client: await open(clientConfig(settings, ssl, options)), encrypted: ssl !== false }
  } catch (error) {
    if (settings.sslMode !== 'prefer' || !tlsNotOffered(error)) throw error
    return { client: await open(clientConfig(settings, false, options)), encrypted: false }
  }
}

/** Runs `work` on a fresh connection and always closes it. */
export async function withCenterClient<T>(
  settings: ConnectionTarget,
  work: (client: pg.Client, encrypted: boolean) => Promise<T>,
  options: ConnectOptions = {},
): Promise<T> {
  const { client, encrypted } = await connectCenter(settings, options)
  try {
    return await work(client, encrypted)
  } finally {
    await client.end().catch(() => undefined)
  }
}

export type { CenterSslMode }
