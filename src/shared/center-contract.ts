/**
 * The center-mode part of the host contract: what the renderer may ask about a center's
 * shared PostgreSQL database, and the validators main runs on every payload. Expected
 * refusals come back as `{ ok: false, reason, message }` values (see center-problems.ts),
 * never as thrown errors. No Node, DOM or Vue imports.
 */
import { z } from './zod'
import { answersSchema, recordIdSchema, sessionResultSchema, type Client, type Session } from './records'
import { CENTER_CHANNELS } from './center-channels'
import type { CenterProblem, CenterRefusal } from './center-problems'
import type { ExportFile } from './counselor-contract'

export { CENTER_CHANNELS }
export type { CenterProblem, CenterRefusal }

/**
 * How the connection is protected (TLS), in the words of PostgreSQL's own `sslmode`:
 * - disable:     never encrypt. Only for a server on this computer or a closed test network.
 * - prefer:      encrypt when the server offers it, else connect without (the default).
 * - require:     always encrypt; refuse a server that does not offer it. The certificate is
 *                not checked, so this stops eavesdroppers but not an impostor server.
 * - verify-full: always encrypt, and check that the certificate belongs to this server name
 *                (signed by the pasted center certificate, or by an authority this computer trusts).
 */
export const CENTER_SSL_MODES = ['disable', 'prefer', 'require', 'verify-full'] as const
export type CenterSslMode = (typeof CENTER_SSL_MODES)[number]

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Cs}]*$/u

export const centerConnectionSchema = z
  .object({
    /** A host name, an IPv4 address or an IPv6 address. */
    host: z
      .string()
      .min(1)
      .max(253)
      .regex(
        /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^[0-9A-Fa-f:.]{2,45}$/,
        {
          message: 'must be a server name or address',
        },
      ),
    port: z.number().int().min(1).max(65535),
    database: z.string().min(1).max(63).regex(NO_CONTROL_CHARACTERS),
    user: z.string().min(1).max(63).regex(NO_CONTROL_CHARACTERS),
    password: z.string().min(1).max(1024).regex(NO_CONTROL_CHARACTERS),
    sslMode: z.enum(CENTER_SSL_MODES),
    /** PEM text of the center's own certificate authority, for verify-full with a private CA. */
    caCertificate: z
      .string()
      .max(64 * 1024)
      .regex(/^\s*-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/, {
        message: 'must be a PEM certificate',
      })
      .optional(),
  })
  .strict()
export type CenterConnection = z.infer<typeof centerConnectionSchema>

/** The connection as the screens may show it: never the password. */
export interface CenterConnectionSummary {
  host: string
  port: number
  database: string
  user: string
  sslMode: CenterSslMode
  hasCaCertificate: boolean
}

export interface CenterIdentity {
  login: string
  kind: 'counselor' | 'supervisor' | 'kiosk'
  centerCode: string
  centerName: string
}

export type CenterCheckResult =
  | {
      ok: true
      identity: CenterIdentity
      /** Whether this connection is encrypted (TLS). */
      encrypted: boolean
      anonymousStats: boolean
    }
  | CenterRefusal

export interface CenterStatus {
  /** False in the browser build: there is no center mode there. */
  available: boolean
  /** Connection details are saved for this computer's counselor data. */
  configured: boolean
  /** The counselor area is open: sending and receiving need it. */
  counselorDataOpen: boolean
  connection: CenterConnectionSummary | null
  /** Who the saved login is at the center, as last seen. */
  identity: CenterIdentity | null
  /** Whether the last attempt reached the server; null before any attempt. */
  online: boolean | null
  lastSyncAt: string | null
  /** Changes (clients and sessions) kept on this computer, waiting to be sent. */
  waiting: number
  /** Open conflicts at the center, as last seen. */
  conflicts: number
  /** Why the last attempt failed, if it did. */
  problem: CenterRefusal | null
  /** Whether the center records anonymous statistics; null when unknown. Shown on the welcome screen when true. */
  anonymousStats: boolean | null
  /** A kiosk's statistics connection (kept with the operating system's secure storage). */
  kioskStats: { configured: boolean; connection: CenterConnectionSummary | null }
}

export type CenterSyncResult =
  | {
      ok: true
      /** Changes the center accepted in this run (sent now or confirmed from an earlier run). */
      sent: number
      /** Changes that met a newer copy at the center: both copies are kept, see the conflicts list. */
      conflicts: number
      /** Copies on this computer brought up to date from the center. */
      refreshed: number
      waiting: number
    }
  | (CenterRefusal & { sent: number; waiting: number })

export interface CenterClientSummary {
  id: string
  displayName: string
  contact: string | null
  updatedAt: string
  updatedBy: string
  version: number
  sessionCount: number
  lastSessionAt: string | null
  /** A copy is kept in this computer's counselor data. */
  onThisComputer: boolean
}

export type CenterListClientsResult = { ok: true; clients: CenterClientSummary[] } | CenterRefusal
export type CenterCopyClientResult = { ok: true; client: Client; sessions: number } | CenterRefusal

interface ConflictBase {
  id: number
  recordId: string
  clientId: string
  clientName: string
  /** The login whose computer sent the copy that met a newer one. */
  fromLogin: string
  createdAt: string
  updatedAt: string
}

/** Both copies of one record: the center's (newer) one and the one another computer sent. */
export type CenterConflict =
  | (ConflictBase & {
      kind: 'client'
      center: { record: Client; version: number; updatedBy: string }
      incoming: { record: Client }
    })
  | (ConflictBase & {
      kind: 'session'
      center: { record: Session; version: number; updatedBy: string }
      incoming: { record: Session }
    })

export type CenterListConflictsResult = { ok: true; conflicts: CenterConflict[] } | CenterRefusal
export type CenterResolveResult = { ok: true; version: number } | CenterRefusal

/** The question statistics report: for improving the questions, not for judging anyone. */
export interface QuestionReport {
  from: string
  to: string
  contentVersion: string
  centerName: string
  respondents: number
  /** Per question and option: how many chose it, and their share of those who answered the question. */
  answers: { questionId: string; optionId: string; count: number; share: number }[]
  /** Per role (and "none"): how often it was the best fit. */
  bestFit: { roleId: string; count: number; share: number }[]
  /** Per role: how well its interest items hang together. */
  roles: {
    roleId: string
    items: number
    /** People who answered every one of the role's items on the scale. */
    respondents: number
    /** Cronbach's alpha; null when it cannot be computed (fewer than 2 items or people, or no spread). */
    alpha: number | null
    /** Each item's correlation with the sum of the role's other items. */
    itemRest: { questionId: string; respondents: number; correlation: number | null }[]
  }[]
  /** Interest items nobody answered on the "dislike" side: they may not tell people apart. */
  noDisagreement: { questionId: string; respondents: number; agreeShare: number }[]
}

export type QuestionReportResult = { ok: true; report: QuestionReport } | CenterRefusal
export type QuestionReportFileResult = { ok: true; file: ExportFile } | CenterRefusal
export type CenterStatsSwitchResult = { ok: true; enabled: boolean } | CenterRefusal
export type CenterSaveResult = CenterCheckResult
export type AnonymousResultOutcome = { recorded: boolean }

export interface CenterApi {
  centerStatus(): Promise<CenterStatus>
  /** Tries the details without saving them. */
  centerTestSettings(payload: CenterConnection): Promise<CenterCheckResult>
  /** Tries the details and, when they work, keeps them encrypted in the counselor data. */
  centerSaveSettings(payload: CenterConnection): Promise<CenterSaveResult>
  /** Leaves center mode on this computer; changes not yet sent stay and go when it is set up again. */
  centerForgetSettings(): Promise<void>
  centerSyncNow(): Promise<CenterSyncResult>
  /** The center's clients (every one shown is written to the center's audit trail). */
  centerListClients(payload: { query: string }): Promise<CenterListClientsResult>
  /** Copies a center client, with their sessions, into this computer's counselor data. */
  centerCopyClient(payload: { clientId: string }): Promise<CenterCopyClientResult>
  centerListConflicts(): Promise<CenterListConflictsResult>
  /** Keeps one copy: the center's, or the one the other computer sent. */
  centerResolveConflict(payload: {
    conflictId: number
    keep: 'center' | 'incoming'
    centerVersion: number
  }): Promise<CenterResolveResult>
  /** Supervisors: the question statistics for a range of days (both included). */
  centerQuestionReport(payload: { from: string; to: string }): Promise<QuestionReportResult>
  centerExportQuestionReport(payload: { from: string; to: string }): Promise<QuestionReportFileResult>
  /** Supervisors: turn anonymous statistics on or off for the center. */
  centerSetAnonymousStats(payload: { enabled: boolean }): Promise<CenterStatsSwitchResult>
  /** A kiosk's statistics login (adds anonymous rows, reads nothing); null forgets it. */
  centerSaveKioskStatsSettings(payload: CenterConnection | null): Promise<CenterSaveResult | { ok: true }>
  /**
   * A completed assessment outside a counselor session (kiosk or self-guided). Recorded
   * only when this computer has a statistics connection and the center turned statistics
   * on; never the name, contact or notes, which the payload cannot even carry.
   */
  recordAnonymousResult(payload: AnonymousResultInput): Promise<AnonymousResultOutcome>
}

const isoDay = z.iso.date()
const dayRange = z
  .object({ from: isoDay, to: isoDay })
  .strict()
  .refine((range) => range.from <= range.to, { message: 'must have "from" before "to"' })

export const anonymousResultInputSchema = z
  .object({
    locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/),
    answers: answersSchema,
    result: sessionResultSchema,
  })
  .strict()
export type AnonymousResultInput = z.input<typeof anonymousResultInputSchema>

export const CENTER_PAYLOADS = {
  [CENTER_CHANNELS.centerStatus]: z.undefined(),
  [CENTER_CHANNELS.centerTestSettings]: centerConnectionSchema,
  [CENTER_CHANNELS.centerSaveSettings]: centerConnectionSchema,
  [CENTER_CHANNELS.centerForgetSettings]: z.undefined(),
  [CENTER_CHANNELS.centerSyncNow]: z.undefined(),
  [CENTER_CHANNELS.centerListClients]: z.object({ query: z.string().max(200).regex(NO_CONTROL_CHARACTERS) }).strict(),
  [CENTER_CHANNELS.centerCopyClient]: z.object({ clientId: recordIdSchema }).strict(),
  [CENTER_CHANNELS.centerListConflicts]: z.undefined(),
  [CENTER_CHANNELS.centerResolveConflict]: z
    .object({
      conflictId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
      keep: z.enum(['center', 'incoming']),
      centerVersion: z.number().int().min(1).max(2_147_483_647),
    })
    .strict(),
  [CENTER_CHANNELS.centerQuestionReport]: dayRange,
  [CENTER_CHANNELS.centerExportQuestionReport]: dayRange,
  [CENTER_CHANNELS.centerSetAnonymousStats]: z.object({ enabled: z.boolean() }).strict(),
  [CENTER_CHANNELS.centerSaveKioskStatsSettings]: z.union([centerConnectionSchema, z.null()]),
  [CENTER_CHANNELS.recordAnonymousResult]: anonymousResultInputSchema,
} as const
