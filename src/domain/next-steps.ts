/**
 * What follows a result, as plain data for the results page, the role pages and the
 * printout: today's occupations for the roles the result leads with (our matching, each
 * figure with its period, source and verification tag), next steps by readiness, the
 * public tools' addresses (printed, never fetched) and a center's own programs.
 * Pure: the content files come in as arguments; nothing here loads or scores.
 */
import type { NextStepsTexts, OccupationsFile } from '../content/next-steps-schema'
import type { LocalPrograms } from '../content/local-programs'
import type { LeadRole } from './report'
import type { RoleId } from './types'

/** How a fact was checked, as occupations.json tags it. */
export type Verification = OccupationsFile['tools'][number]['verification']

/** A figure's verification tag with its words, so every page marks it the same way. */
export interface Checked {
  verification: Verification
  verificationText: string
}

export interface PresentedFigure extends Checked {
  /** Already worded in the page's language, e.g. "$103,790" or "+9%". */
  value: string
  period: string
  /** The 6-digit SOC code the figure is for; differs from the occupation's when BLS gives the group's figure. */
  ofCode: string
  forGroup: boolean
  /** Publisher and title of each source. */
  sources: string[]
}

export interface PresentedOccupation {
  id: string
  code: string
  title: string
  work: string
  jobZone: Checked & { zone: number; name: string; meaning: string }
  pay: PresentedFigure | null
  outlook: PresentedFigure | null
}

export interface PresentedGap {
  id: string
  label: string
  course: string
  firstJob: string
}

export interface RoleNextSteps {
  roleId: RoleId
  name: string
  bringsBackground: boolean
  occupations: PresentedOccupation[]
  /** What to do this month; given when the person brings the background. */
  thisMonth: string[]
  /** How people close each named gap; given when they do not (yet). */
  gaps: PresentedGap[]
  certifications: (Checked & { id: string; name: string; issuer: string; about: string })[]
  employers: string[]
  searchTerms: string[]
}

export interface PresentedTool extends Checked {
  id: string
  name: string
  what: string
  /** Printed as text: the app opens no websites. */
  address: string
}

export interface NextStepsView {
  labels: NextStepsTexts['labels']
  matching: string
  jobZoneCaveat: string
  legacyExam: string
  roles: RoleNextSteps[]
  tools: PresentedTool[]
  /** The center's own list, when it names any program for these roles (or has a contact). */
  local: {
    center: LocalPrograms['center']
    updated: string | null
    programs: LocalPrograms['programs']
  } | null
  onetCredit: string
  changesNotice: string
}

/** The words of a figure's value in a language: money in US dollars, change as a signed percent. */
function moneyIn(locale: string, usd: number): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(usd)
}

function percentIn(locale: string, change: number): string {
  const number = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(change)
  return `${number}%`
}

/** Occupations for one role, in the order the content lists them. */
export function presentOccupations(
  occupations: OccupationsFile,
  texts: NextStepsTexts,
  roleId: RoleId,
  locale: string,
): PresentedOccupation[] {
  const checked = (verification: Verification): Checked => ({
    verification,
    verificationText: texts.verification[verification]!,
  })
  const sourceNames = (ids: string[]) =>
    ids.map((id) => {
      const source = occupations.sources[id]!
      return `${source.publisher}, ${source.title}`
    })
  return occupations.roles[roleId]!.occupations.map((id) => {
    const occupation = occupations.occupations.find((o) => o.id === id)!
    const words = texts.occupations[id]!
    const zone = texts.jobZones[String(occupation.jobZone.zone)]!
    const figure = (
      part: { ofCode: string; period: string; sources: string[]; verification: Verification } | undefined,
      value: (p: NonNullable<typeof part>) => string,
    ): PresentedFigure | null =>
      part
        ? {
            ...checked(part.verification),
            value: value(part),
            period: part.period,
            ofCode: part.ofCode,
            forGroup: `${part.ofCode}.00` !== occupation.code,
            sources: sourceNames(part.sources),
          }
        : null
    return {
      id,
      code: occupation.code,
      title: words.title,
      work: words.work,
      jobZone: { ...checked(occupation.jobZone.verification), zone: occupation.jobZone.zone, ...zone },
      pay: figure(occupation.pay, () => moneyIn(locale, occupation.pay!.medianAnnualUsd)),
      outlook: figure(occupation.outlook, () => percentIn(locale, occupation.outlook!.changePercent)),
    }
  })
}

/**
 * Next steps for the roles the result leads with: this month's steps when the person
 * brings the background, else how people close each named gap. When no role stands out
 * (`roles` empty) it still gives the public tools and the center's contact.
 */
export function presentNextSteps(
  occupations: OccupationsFile,
  texts: NextStepsTexts,
  programs: LocalPrograms,
  roles: LeadRole[],
  locale: string,
): NextStepsView {
  const checked = (verification: Verification): Checked => ({
    verification,
    verificationText: texts.verification[verification]!,
  })
  const roleIds = new Set(roles.map((r) => r.roleId))
  const localPrograms = programs.programs.filter((p) => roleIds.size === 0 || p.roles.some((r) => roleIds.has(r)))
  return {
    labels: texts.labels,
    matching: texts.matching,
    jobZoneCaveat: texts.jobZoneCaveat,
    legacyExam: texts.legacyExams,
    roles: roles.map((role) => {
      const entry = occupations.roles[role.roleId]!
      const words = texts.roles[role.roleId]!
      const ready = role.readiness.bringsBackground
      return {
        roleId: role.roleId,
        name: role.name,
        bringsBackground: ready,
        occupations: presentOccupations(occupations, texts, role.roleId, locale),
        thisMonth: ready ? words.thisMonth : [],
        gaps: ready
          ? []
          : role.readiness.requirements
              .filter((r) => !r.met && !r.desirable)
              .map((r) => ({ id: r.id, label: r.label, ...words.gaps[r.id]! })),
        certifications: entry.certifications.map((id) => {
          const certification = occupations.certifications.find((c) => c.id === id)!
          return {
            ...checked(certification.verification),
            id,
            name: certification.name,
            issuer: certification.issuer,
            about: texts.certifications[id]!,
          }
        }),
        employers: words.employers,
        searchTerms: entry.searchTerms,
      }
    }),
    tools: occupations.tools.map((tool) => ({
      ...checked(tool.verification),
      id: tool.id,
      name: texts.tools[tool.id]!.name,
      what: texts.tools[tool.id]!.what,
      address: tool.address,
    })),
    local:
      localPrograms.length > 0 || programs.center
        ? { center: programs.center, updated: programs.updated, programs: localPrograms }
        : null,
    onetCredit: occupations.onetCredit.text,
    changesNotice: texts.changesNotice,
  }
}
