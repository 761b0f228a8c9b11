/**
 * What separates two roles, from the very contributions that built their fits: for
 * each answer, the points it gave one role minus the points it gave the other. The
 * listed differences, the other answers and the starting points add up to the gap
 * between the two shown fits exactly.
 */
import type { RoleBreakdown } from './scoring'
import type { RoleId } from './types'

export interface AnswerDifference {
  questionId: string
  optionIds: string[]
  /** Exact fit points this answer gave the first role minus those it gave the second. */
  points: number
  /** The same in the whole points each role shows, so the parts add up to the shown gap. */
  shownPoints: number
}

export interface RoleComparison {
  first: RoleId
  second: RoleId
  /** The first role's shown fit minus the second's. */
  gap: number
  /** The first role's shown starting point minus the second's. */
  startingGap: number
  /** Answers that put the first role ahead, largest first. */
  forFirst: AnswerDifference[]
  /** Answers that put the second role ahead, largest first. */
  forSecond: AnswerDifference[]
  /** Shown points from every answer not listed, so startingGap + listed + otherPoints = gap. */
  otherPoints: number
}

export function compareRoles(first: RoleBreakdown, second: RoleBreakdown, limit = 3): RoleComparison {
  const theirs = new Map(second.contributions.map((c) => [c.questionId, c]))
  const differences: AnswerDifference[] = first.contributions.map((c) => {
    const other = theirs.get(c.questionId)
    return {
      questionId: c.questionId,
      optionIds: c.optionIds,
      points: c.points - (other?.points ?? 0),
      shownPoints: c.shownPoints - (other?.shownPoints ?? 0),
    }
  })
  const forFirst = differences.filter((d) => d.shownPoints > 0).sort((a, b) => b.points - a.points)
  const forSecond = differences.filter((d) => d.shownPoints < 0).sort((a, b) => a.points - b.points)
  const listed = [...forFirst.slice(0, limit), ...forSecond.slice(0, limit)]
  const gap = first.shownFit - second.shownFit
  const startingGap = first.shownBaseline - second.shownBaseline
  return {
    first: first.roleId,
    second: second.roleId,
    gap,
    startingGap,
    forFirst: forFirst.slice(0, limit),
    forSecond: forSecond.slice(0, limit),
    otherPoints: gap - startingGap - listed.reduce((total, d) => total + d.shownPoints, 0),
  }
}

/** One answer's part in a role's change between two sessions: its points now minus its points then. */
export interface AnswerChange {
  questionId: string
  /** The options chosen then and now; null when the question was not asked or not answered that time. */
  thenOptionIds: string[] | null
  nowOptionIds: string[] | null
  /** Exact fit points now minus then. */
  points: number
  /** The same in whole shown points, so the parts add up to the shown change. */
  shownPoints: number
}

export interface FitOverTime {
  roleId: RoleId
  before: number
  after: number
  /** after − before, in shown points. */
  change: number
  /** The shown starting point now minus then (it moves when follow-up questions are asked or not). */
  startingChange: number
  /** Answers that raised the fit since then, largest first. */
  raised: AnswerChange[]
  /** Answers that lowered it, largest first. */
  lowered: AnswerChange[]
  /** Shown points from every answer not listed, so startingChange + listed + otherPoints = change. */
  otherPoints: number
}

/**
 * What moved one role's fit between two sessions, from the contributions that built
 * each fit (breakdownRole): the same sums as the scores, so the parts add up exactly.
 */
export function compareOverTime(then: RoleBreakdown, now: RoleBreakdown, limit = 3): FitOverTime {
  if (then.roleId !== now.roleId) throw new RangeError(`two different roles: ${then.roleId}, ${now.roleId}`)
  const before = new Map(then.contributions.map((c) => [c.questionId, c]))
  const after = new Map(now.contributions.map((c) => [c.questionId, c]))
  const questionIds = [...new Set([...before.keys(), ...after.keys()])]
  const changes: AnswerChange[] = questionIds.map((questionId) => {
    const old = before.get(questionId)
    const fresh = after.get(questionId)
    return {
      questionId,
      thenOptionIds: old?.optionIds ?? null,
      nowOptionIds: fresh?.optionIds ?? null,
      points: (fresh?.points ?? 0) - (old?.points ?? 0),
      shownPoints: (fresh?.shownPoints ?? 0) - (old?.shownPoints ?? 0),
    }
  })
  const raised = changes.filter((c) => c.shownPoints > 0).sort((a, b) => b.points - a.points)
  const lowered = changes.filter((c) => c.shownPoints < 0).sort((a, b) => a.points - b.points)
  const listed = [...raised.slice(0, limit), ...lowered.slice(0, limit)]
  const change = now.shownFit - then.shownFit
  const startingChange = now.shownBaseline - then.shownBaseline
  return {
    roleId: now.roleId,
    before: then.shownFit,
    after: now.shownFit,
    change,
    startingChange,
    raised: raised.slice(0, limit),
    lowered: lowered.slice(0, limit),
    otherPoints: change - startingChange - listed.reduce((total, c) => total + c.shownPoints, 0),
  }
}
