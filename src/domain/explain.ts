import { compareRoles, type RoleComparison } from './compare'
import { breakdownRole, type AssessmentResult, type Contribution, type RoleBreakdown } from './scoring'
import type { Answers, Content, RoleId } from './types'

export interface Explanation {
  shownBaseline: number
  /** Answers that raised the fit, largest first. */
  raised: Contribution[]
  /** Answers that lowered the fit, largest first. */
  lowered: Contribution[]
  /** Whole points from answers too small to list one by one (so the parts still add up). */
  otherPoints: number
  shownFit: number
}

/**
 * "Why this fit": the very contributions the score was built from, split into
 * those that raised and lowered it. baseline + raised + lowered + other = fit.
 */
export function explainRole(score: RoleBreakdown, limit = 5): Explanation {
  const raised = score.contributions.filter((c) => c.shownPoints > 0).sort((a, b) => b.points - a.points)
  const lowered = score.contributions.filter((c) => c.shownPoints < 0).sort((a, b) => a.points - b.points)
  const listed = [...raised.slice(0, limit), ...lowered.slice(0, limit)]
  const listedPoints = listed.reduce((total, c) => total + c.shownPoints, 0)
  return {
    shownBaseline: score.shownBaseline,
    raised: raised.slice(0, limit),
    lowered: lowered.slice(0, limit),
    otherPoints: score.shownFit - score.shownBaseline - listedPoints,
    shownFit: score.shownFit,
  }
}

/** "Why", worded for a person: what raised this role, what lowered it, and how it compares with the next role. */
export interface PersonExplanation extends Explanation {
  roleId: RoleId
  /**
   * The best fit is compared with the next eligible role; any other role with the best fit.
   * Null when there is no other eligible role to compare with.
   */
  comparison: RoleComparison | null
}

export function explainForPerson(
  content: Content,
  answers: Answers,
  result: AssessmentResult,
  roleId: RoleId,
  limit = 3,
): PersonExplanation {
  const score = result.ranking.find((s) => s.roleId === roleId)
  if (!score) throw new RangeError(`no role "${roleId}" in this result`)
  const eligible = result.ranking.filter((s) => s.eligible && s !== score)
  const best = result.ranking.find((s) => s.eligible)
  const other = score === best ? eligible[0] : best
  const breakdown = breakdownRole(content, answers, roleId)
  return {
    ...explainRole(breakdown, limit),
    roleId,
    comparison: other ? compareRoles(breakdown, breakdownRole(content, answers, other.roleId), limit) : null,
  }
}
