/**
 * A client's progress between two sessions: each role's fit then and now, and the
 * answers that moved it, from the contributions that built each fit (breakdownRole),
 * so the parts add up to the change exactly. Kept apart from report.ts so that only
 * the counselor screens load it (report.ts loads with the results page too).
 */
import type { ContentTexts } from '../content/schema'
import { answerLabel } from './answer-label'
import type { FitChange } from './report'
import { breakdownRole, type RoleBreakdown } from './scoring'
import type { Answers, Content, RoleId } from './types'

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

/** One answer that moved a role's fit between two sessions, worded. */
export interface ChangedAnswer {
  questionId: string
  question: string
  /** The answer then and now; null when the question was not asked or answered that time. */
  then: string | null
  now: string | null
  points: number
}

/** A role's fit then and now, and the answers that moved it: startingChange + raised + lowered + otherAnswers = change. */
export interface RoleProgress extends FitChange {
  startingChange: number
  raised: ChangedAnswer[]
  lowered: ChangedAnswer[]
  otherAnswers: number
}

/**
 * Each role's fit in two sessions and what changed in the answers that moved it, in the
 * roles file's order (the same roles, names and fits as compareResults), from the very
 * contributions that built each fit.
 */
export function presentProgress(
  content: Content,
  texts: ContentTexts,
  thenAnswers: Answers,
  nowAnswers: Answers,
  limit = 3,
): RoleProgress[] {
  const word = (questionId: string, optionIds: string[] | null) =>
    optionIds ? answerLabel(content, texts, questionId, optionIds) : null
  const describe = (c: AnswerChange): ChangedAnswer => ({
    questionId: c.questionId,
    question: texts.questions[c.questionId]?.short ?? c.questionId,
    then: word(c.questionId, c.thenOptionIds),
    now: word(c.questionId, c.nowOptionIds),
    points: c.shownPoints,
  })
  return content.roles.map(({ id }) => {
    const moved = compareOverTime(
      breakdownRole(content, thenAnswers, id),
      breakdownRole(content, nowAnswers, id),
      limit,
    )
    return {
      roleId: id,
      name: texts.roles[id]?.name ?? id,
      before: moved.before,
      after: moved.after,
      change: moved.change,
      startingChange: moved.startingChange,
      raised: moved.raised.map(describe),
      lowered: moved.lowered.map(describe),
      otherAnswers: moved.otherPoints,
    }
  })
}
