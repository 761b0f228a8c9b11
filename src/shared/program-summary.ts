/**
 * The program summary's shape: plain numbers about the sessions started in a date range,
 * worked out by src/domain/program-summary.ts and sent from the counselor service to the
 * summary page. Part of the contract, so it imports nothing of ours but shared.
 */
import type { RoleId } from './roles'

/** What a finished result led with (src/domain/lead.ts): one role, close roles, a tie at the top, or none. */
export const LEAD_KINDS = ['one', 'close', 'tie', 'none_stands_out'] as const
export type SummaryLeadKind = (typeof LEAD_KINDS)[number]

export interface SummaryGap {
  roleId: RoleId
  /** The requirement's id in roles.json (the page words it in the reader's language). */
  requirementId: string
  /** Finished sessions whose best fit was this role and which did not meet this needed item. */
  count: number
}

export interface ProgramSummary {
  /** The range asked for: sessions started at or after `from` and before `to`; null means open. */
  range: { from: string | null; to: string | null }
  /** Every session started in the range, finished or not: the CSV export's rows. */
  sessions: number
  /** Finished sessions: the assessments. Every count below is out of these. */
  finished: number
  /** Finished sessions by their best fit (the first eligible role of the ranking); they add up to `finished`. */
  bestFit: Record<RoleId, number>
  /** Finished sessions by what their result led with; they add up to `finished`. */
  lead: Record<SummaryLeadKind, number>
  /** Finished sessions that bring every needed background item for their best fit. */
  bringsBackground: number
  /** The needed background items most often unmet for the best fit, most often first (at most GAP_LIMIT). */
  gaps: SummaryGap[]
}
