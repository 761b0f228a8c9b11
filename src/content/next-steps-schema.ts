/**
 * Shapes and cross-checks of what follows a result: today's occupations for each role
 * (occupations.json, our matching, each figure with its source), their words per
 * language (locales/next-steps.*.json) and a center's own programs (local-programs.json).
 * A mistake throws a ContentError naming the file, the entry and the field.
 */
import { z } from '../shared/zod'
import { ROLE_IDS, type Content } from '../domain/types'
import { ContentError, parseOrThrow } from './errors'

const id = z.string().regex(/^[a-z0-9_]{1,64}$/, 'use lower-case letters, digits and _ only')
const roleId = z.enum(ROLE_IDS)
const text = z.string().trim().min(1, 'must not be empty')
const address = z.url({ protocol: /^https?$/, message: 'must be a web address starting with http:// or https://' })

/**
 * How a fact was checked: `official_site` read on the publisher's own site (a stored copy of it);
 * `copy` read in a verbatim copy or a secondary page citing the publisher; `third_party_code` an
 * address seen only in other software; `not_verified` not checked (said, never presented as fact).
 */
export const VERIFICATION = ['official_site', 'copy', 'third_party_code', 'not_verified'] as const
const verification = z.enum(VERIFICATION)
const sourced = { sources: z.array(id).min(1), verification }

const figureBase = {
  ...sourced,
  /** The 6-digit SOC code the figure is for: BLS gives ".01" occupations their parent's figures. */
  ofCode: z.string().regex(/^\d\d-\d{4}$/, 'a 6-digit SOC code like 15-1211'),
  /** The data period, e.g. "May 2024" for pay or "2024–34" for projections. */
  period: text,
}
const pay = z.object({ ...figureBase, medianAnnualUsd: z.number().int().positive() }).strict()
const outlook = z.object({ ...figureBase, changePercent: z.number().int().min(-100).max(500) }).strict()

export const occupationsFileSchema = z
  .object({
    matching: z.literal('ours'),
    about: text,
    sources: z.record(
      id,
      z
        .object({
          publisher: text,
          title: text,
          address,
          release: text.optional(),
          verification,
          note: text.optional(),
        })
        .strict(),
    ),
    jobZones: z.array(z.object({ zone: z.number().int().min(1).max(5), ...sourced }).strict()).min(1),
    jobZoneCaveat: z.object(sourced).strict(),
    occupations: z
      .array(
        z
          .object({
            id,
            code: z.string().regex(/^\d\d-\d{4}\.\d\d$/, 'an O*NET-SOC code like 15-1211.01'),
            onetTitle: text,
            jobZone: z.object({ zone: z.number().int().min(1).max(5), ...sourced }).strict(),
            /** BLS national median annual wage. */
            pay: pay.optional(),
            /** BLS projected change in employment over the period, in percent. */
            outlook: outlook.optional(),
            onetPage: z
              .object({ address, ...sourced })
              .strict()
              .optional(),
            /** The source behind a sentence in the occupation's description, when it has one. */
            evidence: z.object(sourced).strict().optional(),
          })
          .strict(),
      )
      .min(1),
    certifications: z.array(z.object({ id, name: text, issuer: text, ...sourced }).strict()).min(1),
    legacyExams: z
      .object({ name: text, issuer: text, sources: z.array(id).min(1), statusToday: verification })
      .strict(),
    tools: z.array(z.object({ id, address, ...sourced }).strict()).min(1),
    roles: z.record(
      roleId,
      z
        .object({
          occupations: z.array(id).min(1),
          certifications: z.array(id),
          /** Words to type into job boards; English, as job ads are. */
          searchTerms: z.array(text).min(1),
        })
        .strict(),
    ),
    onetCredit: z
      .object({
        text,
        releaseNote: text,
        license: address,
        sources: z.array(id).min(1),
        changes: z.array(text).min(1),
      })
      .strict(),
  })
  .strict()

export type OccupationsFile = z.infer<typeof occupationsFileSchema>

/** The people-facing words, one file per language. */
const labels = <const K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, text])) as Record<K, typeof text>).strict()

export const nextStepsTextsSchema = z
  .object({
    /** Headings and lines of the next-steps section; {name} marks a value the app fills in. */
    labels: z
      .object({
        nextSteps: labels([
          'title',
          'thisMonth',
          'gapsTitle',
          'course',
          'firstJob',
          'certifications',
          'legacyExam',
          'employers',
          'searchTerms',
          'local',
          'localUpdated',
          'tools',
          'toolsNote',
          'ours',
        ]),
        occupations: labels(['title', 'note', 'code', 'pay', 'outlook', 'noFigures', 'forGroup', 'source']),
      })
      .strict(),
    matching: text,
    jobZones: z.record(z.string().regex(/^[1-5]$/), z.object({ name: text, meaning: text }).strict()),
    jobZoneCaveat: text,
    occupations: z.record(id, z.object({ title: text, work: text }).strict()),
    certifications: z.record(id, text),
    legacyExams: text,
    tools: z.record(id, z.object({ name: text, what: text }).strict()),
    verification: z.record(verification, text),
    changesNotice: text,
    roles: z.record(
      roleId,
      z
        .object({
          thisMonth: z.array(text).min(1),
          employers: z.array(text).min(1),
          gaps: z.record(id, z.object({ course: text, firstJob: text }).strict()),
        })
        .strict(),
    ),
  })
  .strict()

export type NextStepsTexts = z.infer<typeof nextStepsTextsSchema>

/** Checks occupations.json: its shape, and that every id it names exists. */
export function buildOccupations(raw: unknown, content: Content): OccupationsFile {
  const file = 'occupations.json'
  const data = parseOrThrow(occupationsFileSchema, raw, file)
  const fail = (field: string, problem: string) => new ContentError(file, field, problem)
  const checkSources = (sources: string[], field: string) => {
    sources.forEach((source, i) => {
      if (!Object.hasOwn(data.sources, source)) throw fail(`${field}.sources[${i}]`, `no source "${source}" in sources`)
    })
  }
  const unique = (ids: string[], field: string) => {
    const seen = new Set<string>()
    ids.forEach((value, i) => {
      if (seen.has(value)) throw fail(`${field}[${i}].id`, `"${value}" is used twice`)
      seen.add(value)
    })
  }
  unique(
    data.occupations.map((o) => o.id),
    'occupations',
  )
  unique(
    data.certifications.map((c) => c.id),
    'certifications',
  )
  unique(
    data.tools.map((t) => t.id),
    'tools',
  )
  data.jobZones.forEach((z, i) => checkSources(z.sources, `jobZones[${i}]`))
  checkSources(data.jobZoneCaveat.sources, 'jobZoneCaveat')
  const zones = new Set(data.jobZones.map((z) => z.zone))
  data.occupations.forEach((o, i) => {
    const where = `occupations[${i}] (${o.id})`
    checkSources(o.jobZone.sources, `${where}.jobZone`)
    if (!zones.has(o.jobZone.zone))
      throw fail(`${where}.jobZone.zone`, `Job Zone ${o.jobZone.zone} has no meaning in jobZones`)
    for (const key of ['pay', 'outlook', 'onetPage', 'evidence'] as const) {
      const part = o[key]
      if (part) checkSources(part.sources, `${where}.${key}`)
    }
    for (const key of ['pay', 'outlook'] as const) {
      const part = o[key]
      if (part && part.ofCode !== o.code.slice(0, 7))
        throw fail(`${where}.${key}.ofCode`, `"${part.ofCode}" is not the 6-digit code of ${o.code}`)
    }
  })
  data.certifications.forEach((c, i) => checkSources(c.sources, `certifications[${i}] (${c.id})`))
  checkSources(data.legacyExams.sources, 'legacyExams')
  data.tools.forEach((t, i) => checkSources(t.sources, `tools[${i}] (${t.id})`))
  checkSources(data.onetCredit.sources, 'onetCredit')
  const occupationIds = new Set(data.occupations.map((o) => o.id))
  const certificationIds = new Set(data.certifications.map((c) => c.id))
  for (const role of content.roles) {
    const entry = data.roles[role.id]
    if (!entry) throw fail(`roles.${role.id}`, 'every role needs its occupations')
    entry.occupations.forEach((o, i) => {
      if (!occupationIds.has(o)) throw fail(`roles.${role.id}.occupations[${i}]`, `no occupation "${o}"`)
    })
    entry.certifications.forEach((c, i) => {
      if (!certificationIds.has(c)) throw fail(`roles.${role.id}.certifications[${i}]`, `no certification "${c}"`)
    })
  }
  return data
}

/** Checks one language's next-steps words: every occupation, certification, tool, role and gap has its text. */
export function buildNextStepsTexts(
  occupations: OccupationsFile,
  content: Content,
  raw: unknown,
  file: string,
): NextStepsTexts {
  const texts = parseOrThrow(nextStepsTextsSchema, raw, file)
  const missing = (field: string) => new ContentError(file, field, 'text is missing')
  for (const z of occupations.jobZones) if (!texts.jobZones[String(z.zone)]) throw missing(`jobZones.${z.zone}`)
  for (const o of occupations.occupations) if (!texts.occupations[o.id]) throw missing(`occupations.${o.id}`)
  for (const c of occupations.certifications) if (!texts.certifications[c.id]) throw missing(`certifications.${c.id}`)
  for (const t of occupations.tools) if (!texts.tools[t.id]) throw missing(`tools.${t.id}`)
  for (const v of VERIFICATION) if (!texts.verification[v]) throw missing(`verification.${v}`)
  for (const role of content.roles) {
    const words = texts.roles[role.id]
    if (!words) throw missing(`roles.${role.id}`)
    for (const req of role.background) if (!words.gaps[req.id]) throw missing(`roles.${role.id}.gaps.${req.id}`)
    for (const gap of Object.keys(words.gaps))
      if (!role.background.some((req) => req.id === gap))
        throw new ContentError(
          file,
          `roles.${role.id}.gaps.${gap}`,
          `role "${role.id}" has no background item "${gap}"`,
        )
  }
  return texts
}
