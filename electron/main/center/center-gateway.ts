/**
 * One signed-in connection to a center's database, as typed calls to the functions in
 * center/migrations (center_api, center_reports, the kiosk's insert). Every reply is
 * checked before it is used: the server is trusted to enforce, not to be well-formed.
 * Plain Node module (node-postgres); no Electron.
 */
import type pg from 'pg'
import { connectCenter, type ConnectOptions } from '../../../center/pg-connection'
import { CenterProblemError } from '../../../src/center/connection-problems'
import type { ReportRow } from '../../../src/center/question-report'
import type { ReportContent } from '../../../src/center/question-items'
import { CENTER_SCHEMA_VERSION } from '../../../src/center/schema-version'
import {
  pushOutcomeSchema,
  type CenterClientCopy,
  type PushChange,
  type PushOutcome,
  type RecordKind,
  type SyncGateway,
} from '../../../src/center/sync-engine'
import type {
  AnonymousResultInput,
  CenterClientSummary,
  CenterConflict,
  CenterConnection,
  CenterIdentity,
} from '../../../src/shared/center-contract'
import { z } from '../../../src/shared/zod'
import { clientSchema, sessionSchema, type Client, type Session } from '../../../src/shared/records'

export interface CenterSession extends SyncGateway {
  readonly encrypted: boolean
  readonly identity: CenterIdentity
  listClients(query: string): Promise<Omit<CenterClientSummary, 'onThisComputer'>[]>
  listConflicts(): Promise<CenterConflict[]>
  openConflictCount(): Promise<number>
  resolveConflict(
    conflictId: number,
    keep: 'center' | 'incoming',
    centerVersion: number,
  ): Promise<{ kind: RecordKind; clientId: string; version: number; record: Client | Session }>
  questionReport(from: string, to: string, content: ReportContent): Promise<ReportRow[]>
  anonymousStatsEnabled(): Promise<boolean>
  setAnonymousStats(enabled: boolean): Promise<boolean>
  /** Kiosk logins only: adds one anonymous row (the server refuses it when statistics are off). */
  insertAnonymousResult(input: AnonymousResultInput): Promise<void>
  close(): Promise<void>
}

const identityRow = z.object({
  login: z.string(),
  kind: z.enum(['counselor', 'supervisor', 'kiosk']),
  center_code: z.string(),
  center_name: z.string(),
})

const clientSummaryRow = z.object({
  id: z.string(),
  display_name: z.string(),
  contact: z.string().nullable(),
  updated_at: z.string(),
  updated_by: z.string(),
  version: z.number().int(),
  session_count: z.coerce.number().int(),
  last_session_at: z.string().nullable(),
})

const clientCopySchema = z.object({
  client: clientSchema,
  version: z.number().int().min(1),
  sessions: z.array(z.object({ record: sessionSchema, version: z.number().int().min(1) })),
})

const versionsSchema = z.array(
  z.object({ kind: z.enum(['client', 'session']), id: z.string(), version: z.number().int().nullable() }),
)

const conflictBase = {
  id: z.number().int(),
  recordId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  fromLogin: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}
const conflictsSchema = z.array(
  z.discriminatedUnion('kind', [
    z.object({
      ...conflictBase,
      kind: z.literal('client'),
      center: z.object({ record: clientSchema, version: z.number().int(), updatedBy: z.string() }),
      incoming: clientSchema,
    }),
    z.object({
      ...conflictBase,
      kind: z.literal('session'),
      center: z.object({ record: sessionSchema, version: z.number().int(), updatedBy: z.string() }),
      incoming: sessionSchema,
    }),
  ]),
)

const resolvedSchema = z.object({
  kind: z.enum(['client', 'session']),
  recordId: z.string(),
  clientId: z.string(),
  version: z.number().int(),
  record: z.union([clientSchema, sessionSchema]),
})

const reportRowSchema = z.object({
  section: z.string(),
  role_id: z.string().nullable(),
  question_id: z.string().nullable(),
  option_id: z.string().nullable(),
  item_count: z.number().int().nullable(),
  n: z.coerce.number(),
  share: z.number().nullable(),
  value: z.number().nullable(),
})

function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value)
  if (!result.success)
    throw new Error(`The center sent a reply this app cannot use: ${result.error.issues[0]?.message}`)
  return result.data
}

async function single(client: pg.Client, sql: string, values: unknown[] = []): Promise<unknown> {
  const { rows } = await client.query({ text: sql, values, rowMode: 'array' })
  return (rows[0] as unknown[] | undefined)?.[0]
}

/**
 * Connects, checks that the database speaks this app's schema version and that the login
 * is registered at a center. Throws CenterProblemError for those, or the driver's error.
 */
export async function openCenterSession(
  settings: CenterConnection,
  options: ConnectOptions = {},
): Promise<CenterSession> {
  const { client, encrypted } = await connectCenter(settings, options)
  try {
    const schema = await client.query(`SELECT to_regnamespace('center_api') IS NOT NULL AS present`)
    if (schema.rows[0]?.present !== true) throw new CenterProblemError('not-a-center-database')
    const version = Number(await single(client, 'SELECT center_api.schema_version()'))
    if (version < CENTER_SCHEMA_VERSION) throw new CenterProblemError('schema-too-old')
    if (version > CENTER_SCHEMA_VERSION) throw new CenterProblemError('schema-too-new')
    const who = await client.query('SELECT login, kind, center_code, center_name FROM center_api.whoami()')
    if (who.rows.length === 0) throw new CenterProblemError('not-registered')
    const row = parsed(identityRow, who.rows[0])
    const identity: CenterIdentity = {
      login: row.login,
      kind: row.kind,
      centerCode: row.center_code,
      centerName: row.center_name,
    }
    return createSession(client, encrypted, identity)
  } catch (error) {
    await client.end().catch(() => undefined)
    throw error
  }
}

function createSession(client: pg.Client, encrypted: boolean, identity: CenterIdentity): CenterSession {
  return {
    encrypted,
    identity,

    async pushChanges(changes: PushChange[]): Promise<PushOutcome[]> {
      const reply = await single(client, 'SELECT center_api.push_changes($1::jsonb)', [JSON.stringify(changes)])
      return parsed(z.array(pushOutcomeSchema), reply)
    },

    async currentVersions(known) {
      const reply = await single(client, 'SELECT center_api.current_versions($1::jsonb)', [JSON.stringify(known)])
      return parsed(versionsSchema, reply)
    },

    async getClient(clientId: string): Promise<CenterClientCopy> {
      return parsed(clientCopySchema, await single(client, 'SELECT center_api.get_client($1)', [clientId]))
    },

    async listClients(query: string) {
      const { rows } = await client.query(
        `SELECT id, display_name, contact, updated_at, updated_by, version, session_count, last_session_at
         FROM center_api.list_clients($1)`,
        [query],
      )
      return rows.map((raw) => {
        const row = parsed(clientSummaryRow, raw)
        return {
          id: row.id,
          displayName: row.display_name,
          contact: row.contact,
          updatedAt: row.updated_at,
          updatedBy: row.updated_by,
          version: row.version,
          sessionCount: row.session_count,
          lastSessionAt: row.last_session_at,
        }
      })
    },

    async listConflicts(): Promise<CenterConflict[]> {
      const reply = parsed(conflictsSchema, await single(client, 'SELECT center_api.list_conflicts()'))
      return reply.map((conflict) =>
        conflict.kind === 'client'
          ? { ...conflict, incoming: { record: conflict.incoming } }
          : { ...conflict, incoming: { record: conflict.incoming } },
      )
    },

    async openConflictCount() {
      return Number(await single(client, 'SELECT center_api.open_conflict_count()'))
    },

    async resolveConflict(conflictId, keep, centerVersion) {
      const reply = await single(client, 'SELECT center_api.resolve_conflict($1, $2, $3)', [
        conflictId,
        keep,
        centerVersion,
      ])
      return parsed(resolvedSchema, reply)
    },

    async questionReport(from, to, content) {
      const { rows } = await client.query(
        `SELECT section, role_id, question_id, option_id, item_count, n, share, value
         FROM center_reports.question_report($1::date, $2::date, $3, $4::jsonb, $5::jsonb)`,
        [from, to, content.version, JSON.stringify(content.items), JSON.stringify(content.scale)],
      )
      return rows.map((raw) => {
        const row = parsed(reportRowSchema, raw)
        return {
          section: row.section,
          roleId: row.role_id,
          questionId: row.question_id,
          optionId: row.option_id,
          itemCount: row.item_count,
          n: row.n,
          share: row.share,
          value: row.value,
        }
      })
    },

    async anonymousStatsEnabled() {
      return (await single(client, 'SELECT center_api.anonymous_stats_enabled()')) === true
    },

    async setAnonymousStats(enabled: boolean) {
      return (await single(client, 'SELECT center_api.set_anonymous_stats($1)', [enabled])) === true
    },

    async insertAnonymousResult(input: AnonymousResultInput) {
      // Only these columns may be named: the center and the day are the server's to set.
      await client.query(
        `INSERT INTO center.anonymous_results (content_version, locale, answers, best_fit, fits)
         VALUES ($1, $2, $3::jsonb, $4, $5::jsonb)`,
        [
          input.result.contentVersion,
          input.locale,
          JSON.stringify(input.answers),
          input.result.bestFit,
          JSON.stringify(input.result.fits),
        ],
      )
    },

    async close() {
      await client.end().catch(() => undefined)
    },
  }
}
