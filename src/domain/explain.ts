import type { Contribution, RoleBreakdown } from './scoring'

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
