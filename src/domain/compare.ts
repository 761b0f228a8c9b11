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
