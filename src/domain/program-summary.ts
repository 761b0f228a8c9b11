/**
 * The program summary: how many assessments were made in a date range, how often each
 * role was the best fit, what the results led with, and who brings the background for
 * their best fit. One pure function over stored session records, feeding both the
 * summary page's charts and the reporting CSV's extra columns (sessionOutcome).
 *
 * The choice made here: a session's lead is worked out from its stored result (the shown
 * fits the person saw) and its stored answers (for eligibility and background), through
 * lead.ts's rules and today's settings, without scoring the answers again. Storage checks
 * on every save that the stored result is exactly what scoring gives for the answers, so
 * for sessions scored with today's content this is the very lead the result page showed
 * (tested against scoreAnswers), and it stays fast over 10,000 sessions.
 */
import type { ProgramSummary, SummaryGap, SummaryLeadKind } from '../shared/program-summary'
import { LEAD_KINDS } from '../shared/program-summary'
import type { DateRange, Session } from '../shared/records'
import { meetsEligibility } from './eligibility'
import { conditionHolds } from './visibility'
import { leadOf, type LeadRanking } from './lead'
import { assessReadiness } from './readiness'
import type { Answers, Content, Role, RoleId } from './types'

/** How many of the most often named gaps the summary keeps. */
export const GAP_LIMIT = 5

/** What one finished session led with, worked out as the summary and the CSV both count it. */
export interface SessionOutcome {
  /** The first eligible role by shown fit (roles file order on equal fits): the role the result page explains. */
  bestFit: RoleId
  lead: SummaryLeadKind
  /** Every needed background item for the best fit is met. */
  bringsBackground: boolean
  /** Ids of the needed background items for the best fit that are not met, in the roles file's order. */
  gaps: string[]
}

/** Null for an unfinished session (no result yet). */
export function sessionOutcome(content: Content, session: Pick<Session, 'answers' | 'result'>): SessionOutcome | null {
  const { result, answers } = session
  if (!result) return null
  const ranking: RankedFit[] = []
  for (let order = 0; order < content.roles.length; order++) {
    const role = content.roles[order]!
    const eligible = isEligible(content.roles, role, answers)
    ranking.push({ role, order, roleId: role.id, shownFit: result.fits[role.id], eligible })
  }
  // The scoring engine's documented order: eligible first, then by shown fit, then the roles file's order.
  ranking.sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.shownFit - a.shownFit || a.order - b.order)
  const best = ranking[0]!
  const readiness = assessReadiness(best.role, answers)
  return {
    bestFit: best.roleId,
    lead: leadOf(content, { ranking: ranking satisfies LeadRanking }).kind,
    bringsBackground: readiness.bringsBackground,
    gaps: readiness.checks.filter((c) => !c.met && !c.desirable).map((c) => c.id),
  }
}

/** checkEligibility's `eligible` (eligibility.ts), without listing the unmet conditions: this runs for every role of every session. */
function isEligible(roles: readonly Role[], role: Role, answers: Answers): boolean {
  if (!role.eligibility.every((c) => conditionHolds(c, answers))) return false
  const other = role.notForPeopleEligibleFor && roles.find((r) => r.id === role.notForPeopleEligibleFor)
  return !(other && meetsEligibility(other, answers))
}

interface RankedFit {
  role: Role
  order: number
  roleId: RoleId
  shownFit: number
  eligible: boolean
}

/** True when the session started in [from, to): the same rule as storage's export range. */
function startedIn(range: DateRange, startedAt: string): boolean {
  return (range.from === undefined || startedAt >= range.from) && (range.to === undefined || startedAt < range.to)
}

/**
 * The summary of the sessions started in the range (storage passes the range's sessions,
 * and the rule is applied again here so the function is right on its own). Range bounds
 * are UTC ISO strings, as stored.
 */
export function summarizeProgram(
  content: Content,
  sessions: readonly Pick<Session, 'startedAt' | 'answers' | 'result'>[],
  range: DateRange = {},
): ProgramSummary {
  const bestFit = Object.fromEntries(content.roles.map((r) => [r.id, 0])) as Record<RoleId, number>
  const lead = Object.fromEntries(LEAD_KINDS.map((k) => [k, 0])) as Record<SummaryLeadKind, number>
  const gapCounts = new Map<string, SummaryGap>()
  let count = 0
  let finished = 0
  let bringsBackground = 0
  for (const session of sessions) {
    if (!startedIn(range, session.startedAt)) continue
    count++
    const outcome = sessionOutcome(content, session)
    if (!outcome) continue
    finished++
    bestFit[outcome.bestFit]++
    lead[outcome.lead]++
    if (outcome.bringsBackground) bringsBackground++
    for (const requirementId of outcome.gaps) {
      const key = `${outcome.bestFit}/${requirementId}`
      const known = gapCounts.get(key)
      if (known) known.count++
      else gapCounts.set(key, { roleId: outcome.bestFit, requirementId, count: 1 })
    }
  }
  return {
    range: { from: range.from ?? null, to: range.to ?? null },
    sessions: count,
    finished,
    bestFit,
    lead,
    bringsBackground,
    gaps: rankGaps(content, [...gapCounts.values()]),
  }
}

/** Most often first; equal counts in the roles file's order, then the role's background order, so the list never depends on session order. */
function rankGaps(content: Content, gaps: SummaryGap[]): SummaryGap[] {
  const place = new Map<string, number>()
  content.roles.forEach((role, r) =>
    role.background.forEach((req, i) => place.set(`${role.id}/${req.id}`, r * 1000 + i)),
  )
  const at = (gap: SummaryGap) => place.get(`${gap.roleId}/${gap.requirementId}`) ?? Number.MAX_SAFE_INTEGER
  return gaps.sort((a, b) => b.count - a.count || at(a) - at(b)).slice(0, GAP_LIMIT)
}
