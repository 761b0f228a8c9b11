/**
 * Shapes of the content files, checked when they load. A content editor who makes
 * a mistake gets an error naming the file, the entry and the field.
 */
import { z } from '../shared/zod'
import { ROLE_IDS } from '../domain/types'

const id = z.string().regex(/^[a-z0-9_]{1,64}$/, 'use lower-case letters, digits and _ only')
const roleId = z.enum(ROLE_IDS)
const weight = z.number().finite().min(-10).max(10)
const weights = z.partialRecord(roleId, weight)
const condition = z.object({ question: id, anyOf: z.array(id).min(1) }).strict()

export const scoringFileSchema = z
  .object({
    version: z.string().min(1),
    likertScale: z
      .array(z.object({ id, factor: z.number().min(-1).max(1), unsure: z.boolean().optional() }).strict())
      .min(3),
    closeMargin: z.number().min(0).max(50),
    standOutLevel: z.number().min(0).max(100),
    patternedMinimumItems: z.number().int().min(2),
  })
  .strict()

const option = z.object({ id, weights, exclusive: z.boolean().optional(), unsure: z.boolean().optional() }).strict()
const base = {
  id,
  section: z.enum(['licensure', 'background', 'interests']),
  required: z.boolean(),
  showIf: condition.optional(),
}
const choiceQuestion = z
  .object({ ...base, kind: z.enum(['single', 'multiple']), options: z.array(option).min(2) })
  .strict()
const likertQuestion = z.object({ ...base, kind: z.literal('likert'), weights }).strict()

export const questionsFileSchema = z
  .object({ questions: z.array(z.discriminatedUnion('kind', [choiceQuestion, likertQuestion])).min(1) })
  .strict()

const sentence = z.string().trim().min(1, 'must not be empty')

/** A condition that decides who a role is for: every option of its question is either counted or not, with reasons. */
const eligibilityCondition = z
  .object({
    question: id,
    anyOf: z.array(id).min(1),
    notCounted: z.record(id, sentence),
    reason: sentence,
  })
  .strict()

const requirement = z
  .object({
    id,
    basis: z.enum(['onc', 'source', 'ours']),
    /** The source's own words this item rests on (ONC's page for `onc`). */
    quote: sentence.optional(),
    source: id.optional(),
    desirable: z.boolean().optional(),
    anyOf: z.array(condition).min(1),
    allOf: z.array(condition).min(1).optional(),
  })
  .strict()
  .superRefine((req, ctx) => {
    if (req.basis !== 'ours' && !req.quote)
      ctx.addIssue({ code: 'custom', path: ['quote'], message: `a "${req.basis}" item needs the source's own words` })
    if (req.basis === 'source' && !req.source)
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'a "source" item needs the id of its source' })
    if (req.basis !== 'source' && req.source)
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'only a "source" item names a source' })
  })

export const rolesFileSchema = z
  .object({
    sources: z.record(
      id,
      z
        .object({
          publisher: sentence,
          title: sentence,
          address: z.url({ protocol: /^https?$/ }),
          /** `official_site`: read on the publisher's own site; `copy`: read in a stored or archived copy of it. */
          verification: z.enum(['official_site', 'copy']),
          note: sentence.optional(),
        })
        .strict(),
    ),
    roles: z.array(
      z
        .object({
          id: roleId,
          /** ONC's own description of the role, word for word from its page. */
          oncDescription: sentence,
          eligibility: z.array(eligibilityCondition),
          notForPeopleEligibleFor: z.object({ role: roleId, quote: sentence, reason: sentence }).strict().optional(),
          background: z.array(requirement),
          examId: id.nullable(),
        })
        .strict(),
    ),
  })
  .strict()

const text = z.string().trim().min(1, 'must not be empty')

export const textsFileSchema = z
  .object({
    sections: z.record(id, z.object({ title: text, intro: text }).strict()),
    likertScale: z.record(id, text),
    questions: z.record(
      id,
      z.object({ prompt: text, short: text, hint: text.optional(), options: z.record(id, text).optional() }).strict(),
    ),
    roles: z.record(
      roleId,
      z
        .object({
          name: text,
          summary: text,
          work: z.array(text).min(1),
          background: text,
          jobTitles: z.array(text).min(1),
          eligibility: text.optional(),
          requirements: z.record(id, z.object({ label: text, gap: text, close: text }).strict()),
        })
        .strict(),
    ),
    exams: z.record(id, text),
  })
  .strict()

export type ScoringFile = z.infer<typeof scoringFileSchema>
export type QuestionsFile = z.infer<typeof questionsFileSchema>
export type RolesFile = z.infer<typeof rolesFileSchema>
export type ContentTexts = z.infer<typeof textsFileSchema>
