/** Every way a connection or query can fail, mapped to one problem code and one plain sentence per language. */
import { describe, expect, it } from 'vitest'
import { CenterProblemError, centerProblemOf, isOffline } from '../../../src/center/connection-problems'
import { CENTER_PROBLEMS, centerRefusal, type CenterProblem } from '../../../src/shared/center-problems'

const CASES: [string, unknown, CenterProblem][] = [
  [
    'wrong password (28P01)',
    { code: '28P01', message: 'password authentication failed for user "ana"' },
    'wrong-login',
  ],
  [
    'no password for SCRAM',
    new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'),
    'wrong-login',
  ],
  ['unknown database (3D000)', { code: '3D000', message: 'database "x" does not exist' }, 'database-not-found'],
  [
    'pg_hba refuses a plain connection (28000, no encryption)',
    {
      code: '28000',
      message: 'no pg_hba.conf entry for host "10.0.0.5", user "ana", database "center", no encryption',
    },
    'encryption-required',
  ],
  [
    'pg_hba refuses the login (28000)',
    {
      code: '28000',
      message: 'no pg_hba.conf entry for host "10.0.0.5", user "ana", database "center", SSL encryption',
    },
    'login-refused',
  ],
  ['not allowed (42501)', { code: '42501', message: 'permission denied for database center' }, 'not-registered'],
  ['schema missing (3F000)', { code: '3F000', message: 'schema "center_api" does not exist' }, 'not-a-center-database'],
  ['function missing (42883)', { code: '42883', message: 'function center_api.x() does not exist' }, 'schema-too-old'],
  [
    'too many connections (53300)',
    { code: '53300', message: 'sorry, too many clients already' },
    'too-many-connections',
  ],
  [
    'server shutting down (57P01)',
    { code: '57P01', message: 'terminating connection due to administrator command' },
    'connection-lost',
  ],
  ['starting up (57P03)', { code: '57P03', message: 'the database system is starting up' }, 'connection-lost'],
  [
    'statement timeout (57014)',
    { code: '57014', message: 'canceling statement due to statement timeout' },
    'timed-out',
  ],
  ['changed again (40001)', { code: '40001', message: 'The record changed again' }, 'changed-again'],
  ['not in this center (P0002)', { code: 'P0002', message: 'That client is not in this center' }, 'not-found'],
  [
    'another center’s id (CR001)',
    { code: 'CR001', message: 'This record belongs to another center' },
    'record-in-other-center',
  ],
  ['unknown host', Object.assign(new Error('getaddrinfo ENOTFOUND db'), { code: 'ENOTFOUND' }), 'server-not-found'],
  ['no DNS', Object.assign(new Error('getaddrinfo EAI_AGAIN db'), { code: 'EAI_AGAIN' }), 'server-not-found'],
  ['nothing on the port', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'server-refused'],
  ['no route', Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' }), 'server-unreachable'],
  ['network down', Object.assign(new Error('connect ENETUNREACH'), { code: 'ENETUNREACH' }), 'server-unreachable'],
  ['TCP timeout', Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }), 'server-unreachable'],
  ['connect timeout', new Error('Connection terminated due to connection timeout'), 'server-unreachable'],
  ['reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'connection-lost'],
  ['dropped', new Error('Connection terminated unexpectedly'), 'connection-lost'],
  ['query timeout', new Error('Query read timeout'), 'timed-out'],
  ['TLS not offered', new Error('The server does not support SSL connections'), 'encryption-not-offered'],
  [
    'self-signed',
    Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
    'certificate-not-trusted',
  ],
  [
    'unknown CA',
    Object.assign(new Error('unable to verify'), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }),
    'certificate-not-trusted',
  ],
  [
    'chain',
    Object.assign(new Error('self signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }),
    'certificate-not-trusted',
  ],
  [
    'wrong name',
    Object.assign(new Error("Hostname/IP does not match certificate's altnames"), {
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    }),
    'certificate-wrong-name',
  ],
  ['expired', Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }), 'certificate-expired'],
  ['our own check', new CenterProblemError('schema-too-new'), 'schema-too-new'],
  [
    'several addresses tried',
    new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1'), { code: 'ECONNREFUSED' })], 'all failed'),
    'server-refused',
  ],
  ['wrapped', new Error('outer', { cause: Object.assign(new Error('x'), { code: 'ENOTFOUND' }) }), 'server-not-found'],
  ['a bug', new TypeError('cannot read properties of undefined'), 'unexpected'],
  ['not even an error', 'boom', 'unexpected'],
]

describe('centerProblemOf', () => {
  it.each(CASES)('%s', (_name, error, problem) => {
    expect(centerProblemOf(error)).toBe(problem)
  })

  it('covers every problem the screens can show, in English and Spanish, one plain sentence each', () => {
    for (const [problem, text] of Object.entries(CENTER_PROBLEMS)) {
      for (const sentence of [text.en, text.es]) {
        expect(sentence, problem).toMatch(/^[A-ZÁÉÍÓÚÑ¿][^\n]*[.!?]$/)
        expect(sentence, problem).not.toMatch(/SQL|pg_hba|SQLSTATE|Error:|\bat \//)
      }
      expect(text.es, problem).not.toBe(text.en)
    }
    expect(centerRefusal('wrong-login')).toEqual({
      ok: false,
      reason: 'wrong-login',
      message: CENTER_PROBLEMS['wrong-login'].en,
    })
  })

  it('calls only network trouble "offline": those are retried, the rest need a person', () => {
    const offline = (Object.keys(CENTER_PROBLEMS) as CenterProblem[]).filter(isOffline).sort()
    expect(offline).toEqual(
      [
        'connection-lost',
        'server-not-found',
        'server-refused',
        'server-unreachable',
        'timed-out',
        'too-many-connections',
      ].sort(),
    )
  })
})
