/**
 * What counselor mode stores, as zod schemas: the single source for the TypeScript
 * types, the checks every storage operation runs on its input, and the IPC payload
 * validators. Part of the contract, so storage, main, the host and the stores share it.
 */
import { z } from './zod'
import { ROLE_IDS, type RoleId } from './roles'

/** Control characters and lone UTF-16 surrogates (which cannot be stored as UTF-8). Notes may have tabs and line breaks. */
const SINGLE_LINE_FORBIDDEN = /[\p{Cc}\p{Cs}]/u
const MULTI_LINE_FORBIDDEN = /\p{Cs}|(?![\t\n\r])\p{Cc}/u

function singleLineText(maxLength: number) {
  return z
    .string()
    .max(maxLength)
    .refine((text) => !SINGLE_LINE_FORBIDDEN.test(text), 'must not contain line breaks or control characters')
}

function multiLineText(maxLength: number) {
  return z
    .string()
    .max(maxLength)
    .refine((text) => !MULTI_LINE_FORBIDDEN.test(text), 'must not contain control characters')
}

export const recordIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of 1 to 64 letters, digits, "-" or "_"')

const questionIdSchema = z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be a question id')
const optionIdSchema = z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be an answer option id')

/** Answers keyed by question id: the one rule for stored sessions and saved progress (host-contract.ts). */
export const answersSchema = z
  .record(questionIdSchema, z.union([optionIdSchema, z.array(optionIdSchema).max(32)]))
  .refine((answers) => Object.keys(answers).length <= 200, 'must have at most 200 answers')

/** Stored timestamps are always UTC ISO strings so that text order is time order. */
export const timestampSchema = z.iso.datetime({ offset: true }).transform((text) => new Date(text).toISOString())

export const displayNameSchema = singleLineText(120)
  .transform((text) => text.trim())
  .pipe(z.string().min(1, 'must not be empty'))

/** Blank contact means none. */
export const contactSchema = singleLineText(200)
  .transform((text) => text.trim())
  .transform((text) => (text === '' ? null : text))

export const clientNotesSchema = multiLineText(10_000)

export const clientSchema = z
  .object({
    id: recordIdSchema,
    displayName: displayNameSchema,
    contact: z.union([contactSchema, z.null()]),
    notes: clientNotesSchema,
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .strict()
export type Client = z.output<typeof clientSchema>

export const newClientInputSchema = z
  .object({
    displayName: displayNameSchema,
    contact: z.union([contactSchema, z.null()]).optional(),
    notes: clientNotesSchema.optional(),
  })
  .strict()
export type NewClientInput = z.input<typeof newClientInputSchema>

export const clientUpdateInputSchema = z
  .object({
    id: recordIdSchema,
    displayName: displayNameSchema.optional(),
    contact: z.union([contactSchema, z.null()]).optional(),
    notes: clientNotesSchema.optional(),
  })
  .strict()
export type ClientUpdateInput = z.input<typeof clientUpdateInputSchema>

export interface ClientSummary {
  id: string
  displayName: string
  contact: string | null
  updatedAt: string
  sessionCount: number
  lastSessionAt: string | null
}

export const fitSchema = z.number().min(0).max(100)

export const sessionResultSchema = z
  .object({
    /** Every role, 0..100. zod makes a record keyed by an enum exhaustive. */
    fits: z.record(z.enum(ROLE_IDS), fitSchema),
    bestFit: z.enum(ROLE_IDS).nullable(),
    contentVersion: z.string().regex(/^[0-9A-Za-z.+_-]{1,40}$/, 'must be a content version like 2026.11.1'),
  })
  .strict()
export type SessionResult = z.output<typeof sessionResultSchema>

const localeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'must be a language code like en or es-US')

export const counselorNotesSchema = z
  .record(questionIdSchema, multiLineText(4_000))
  .refine((notes) => Object.keys(notes).length <= 200, 'must have at most 200 notes')

export const sessionSchema = z
  .object({
    id: recordIdSchema,
    clientId: recordIdSchema,
    startedAt: timestampSchema,
    completedAt: timestampSchema.nullable(),
    locale: localeSchema,
    answers: answersSchema,
    counselorNotes: counselorNotesSchema,
    /** Null while the session is unfinished. */
    result: sessionResultSchema.nullable(),
  })
  .strict()
export type Session = z.output<typeof sessionSchema>

/** Saving creates the session when it has no id (or an unknown one) and updates it otherwise. */
export const sessionInputSchema = sessionSchema.extend({
  id: recordIdSchema.optional(),
  completedAt: timestampSchema.nullable().optional(),
  counselorNotes: counselorNotesSchema.optional(),
  result: sessionResultSchema.nullable().optional(),
})
export type SessionInput = z.input<typeof sessionInputSchema>

export interface SessionSummary {
  id: string
  clientId: string
  startedAt: string
  completedAt: string | null
  locale: string
  /** Null while unfinished or when no role fits. */
  bestFit: RoleId | null
}

export const searchQuerySchema = singleLineText(200)

export const dateRangeSchema = z
  .object({ from: timestampSchema.optional(), to: timestampSchema.optional() })
  .strict()
  .refine((range) => range.from === undefined || range.to === undefined || range.from <= range.to, {
    message: 'must have "from" before "to"',
  })
/** Sessions whose start is at or after `from` and before `to`. */
export type DateRange = z.input<typeof dateRangeSchema>
