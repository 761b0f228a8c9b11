/**
 * Turns whatever a PostgreSQL connection or query threw into one CenterProblem code.
 * Platform-free: it reads only the fields node-postgres and Node's network and TLS
 * errors carry (`code`, `message`), so it is tested with plain objects.
 */
import type { CenterProblem } from '../shared/center-problems'

/** Thrown by our own checks (schema version, registration) with the problem already known. */
export class CenterProblemError extends Error {
  override readonly name = 'CenterProblemError'
  constructor(
    readonly problem: CenterProblem,
    detail?: string,
  ) {
    super(detail ?? problem)
  }
}

/** PostgreSQL SQLSTATE codes (https://www.postgresql.org/docs/15/errcodes-appendix.html). */
const BY_SQLSTATE: Record<string, CenterProblem> = {
  '28P01': 'wrong-login', // invalid_password
  '3D000': 'database-not-found', // invalid_catalog_name
  '3F000': 'not-a-center-database', // invalid_schema_name
  '42P01': 'not-a-center-database', // undefined_table
  '42883': 'schema-too-old', // undefined_function: the server lacks a function this app calls
  '42501': 'not-registered', // insufficient_privilege
  '53300': 'too-many-connections',
  '57P01': 'connection-lost', // admin_shutdown
  '57P02': 'connection-lost', // crash_shutdown
  '57P03': 'connection-lost', // cannot_connect_now (starting up or shutting down)
  '57014': 'timed-out', // query_canceled (statement_timeout)
  '40001': 'changed-again', // serialization_failure, raised by resolve_conflict
  P0002: 'not-found', // no_data_found, raised for records not in the caller's center
  CR001: 'record-in-other-center', // ours (center/migrations/002): an id another center holds
  '08006': 'connection-lost',
  '08003': 'connection-lost',
  '08001': 'server-unreachable',
  '08004': 'login-refused',
}

/** Node's network and TLS error codes. */
const BY_NODE_CODE: Record<string, CenterProblem> = {
  ENOTFOUND: 'server-not-found',
  EAI_AGAIN: 'server-not-found',
  EAI_NONAME: 'server-not-found',
  ECONNREFUSED: 'server-refused',
  ETIMEDOUT: 'server-unreachable',
  EHOSTUNREACH: 'server-unreachable',
  ENETUNREACH: 'server-unreachable',
  EHOSTDOWN: 'server-unreachable',
  ENETDOWN: 'server-unreachable',
  EADDRNOTAVAIL: 'server-unreachable',
  ECONNRESET: 'connection-lost',
  EPIPE: 'connection-lost',
  ECONNABORTED: 'connection-lost',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificate-not-trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'certificate-not-trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate-not-trusted',
  UNABLE_TO_GET_ISSUER_CERT: 'certificate-not-trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate-not-trusted',
  CERT_UNTRUSTED: 'certificate-not-trusted',
  CERT_SIGNATURE_FAILURE: 'certificate-not-trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate-wrong-name',
  CERT_HAS_EXPIRED: 'certificate-expired',
  CERT_NOT_YET_VALID: 'certificate-expired',
}

/** node-postgres reports some failures by message only. */
const BY_MESSAGE: [RegExp, CenterProblem][] = [
  [/does not support SSL connections/i, 'encryption-not-offered'],
  [/connection timeout|timeout expired|timed out/i, 'server-unreachable'],
  [/Query read timeout|query_timeout/i, 'timed-out'],
  [/Connection terminated|Client has encountered a connection error|socket hang up|not queryable/i, 'connection-lost'],
  // SCRAM with no or an empty password fails before the server is asked.
  [/SASL: .*password must be a (non-empty )?string/i, 'wrong-login'],
  [/self[- ]signed certificate|unable to verify the first certificate/i, 'certificate-not-trusted'],
]

function field(error: unknown, name: string): string | undefined {
  if (typeof error !== 'object' || error === null || !(name in error)) return undefined
  const value = (error as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : undefined
}

/** The one problem code for an error from connecting or querying. */
export function centerProblemOf(error: unknown): CenterProblem {
  if (error instanceof CenterProblemError) return error.problem
  const code = field(error, 'code')
  const message = field(error, 'message') ?? ''
  if (code === '28000') {
    // invalid_authorization_specification: pg_hba.conf refused the login. When the server
    // would accept the same login over TLS, its message says "no encryption".
    return /no encryption/i.test(message) ? 'encryption-required' : 'login-refused'
  }
  if (code && BY_SQLSTATE[code]) return BY_SQLSTATE[code]
  if (code && BY_NODE_CODE[code]) return BY_NODE_CODE[code]
  for (const [pattern, problem] of BY_MESSAGE) if (pattern.test(message)) return problem
  // AggregateError (several addresses tried): the first one explains it.
  const inner = (error as { errors?: unknown[] } | null)?.errors?.[0]
  if (inner !== undefined) return centerProblemOf(inner)
  const cause = (error as { cause?: unknown } | null)?.cause
  if (cause !== undefined && cause !== error) return centerProblemOf(cause)
  return 'unexpected'
}

/** Problems after which the server may well work again later: keep the work and retry. */
export function isOffline(problem: CenterProblem): boolean {
  return (
    problem === 'server-not-found' ||
    problem === 'server-refused' ||
    problem === 'server-unreachable' ||
    problem === 'connection-lost' ||
    problem === 'timed-out' ||
    problem === 'too-many-connections'
  )
}
