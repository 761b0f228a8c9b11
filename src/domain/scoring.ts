/**
 * The scoring engine: answers in, a ranked and explained result out.
 *
 * For each role, every asked question adds the weight of the chosen option(s).
 * The sum is placed between the lowest and highest sums any answers could give
 * (ranges.ts), which yields a fit from 0 to 100. The same per-question amounts,
 * scaled the same way, are the explanation: `baseline + Σ contribution.points = fit`.
 */
import type { AnswerCondition, Answers, Content, Role, RoleId } from './types'
import { questionRange, sum } from './ranges'
import { assessReadiness, type Readiness } from './readiness'
import { roundToTotal } from './rounding'
import { askedQuestions, conditionHolds } from './visibility'
import { detectCautions, type Caution } from './cautions'

export interface Contribution {
  questionId: string
  optionIds: string[]
  /** Raw weight added by this answer. */
  raw: number
  /** The same, in fit points (signed); sums with the baseline to the fit. */
  points: number
  /** Whole-number points that sum with `shownBaseline` to `shownFit`. */
  shownPoints: number
}

export interface RoleScore {
  roleId: RoleId
  /** Exact fit, 0–100. */
  fit: number
  /** The whole number people see; ranking and ties use it. */
  shownFit: number
  /** 1 for the best; roles shown as equal share a rank. */
  rank: number
  /** Other roles with the same shown fit and eligibility. */
  tiedWith: RoleId[]
  eligible: boolean
  unmetEligibility: AnswerCondition[]
  /** The fit if no answer counted for or against the role. */
  baseline: number
  shownBaseline: number
  contributions: Contribution[]
  readiness: Readiness
}

export interface AssessmentResult {
  contentVersion: string
  /** All six roles: eligible roles first, then by shown fit, then in the roles file's order. */
  ranking: RoleScore[]
  bestFit: RoleId
  /** Other eligible roles within the close margin of the best fit. */
  closeRoles: RoleId[]
  cautions: Caution[]
}

export function scoreAnswers(content: Content, answers: Answers): AssessmentResult {
  const asked = askedQuestions(content, answers)
  const scores = content.roles.map((role) => scoreRole(role, content, asked, answers))
  const order = new Map(content.roles.map((r, i) => [r.id, i]))
  // Documented tie rule: equal shown fits keep the order of roles.json, and are shown as equal.
  scores.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.shownFit - a.shownFit ||
      order.get(a.roleId)! - order.get(b.roleId)!,
  )
  scores.forEach((score, index) => {
    const previous = scores[index - 1]
    score.rank = previous && sameStanding(previous, score) ? previous.rank : index + 1
    score.tiedWith = scores.filter((s) => s !== score && sameStanding(s, score)).map((s) => s.roleId)
  })
  const best = scores[0]!
  return {
    contentVersion: content.version,
    ranking: scores,
    bestFit: best.roleId,
    closeRoles: scores
      .slice(1)
      .filter((s) => s.eligible && best.shownFit - s.shownFit <= content.settings.closeMargin)
      .map((s) => s.roleId),
    cautions: detectCautions(content, answers),
  }
}

function sameStanding(a: RoleScore, b: RoleScore): boolean {
  return a.eligible === b.eligible && a.shownFit === b.shownFit
}

function scoreRole(role: Role, content: Content, asked: Content['questions'], answers: Answers): RoleScore {
  const ranges = asked.map((q) => questionRange(q, role.id))
  const lowest = sum(ranges.map((r) => r.min))
  const span = sum(ranges.map((r) => r.max - r.min))
  const toPoints = (raw: number) => (span > 0 ? (100 * raw) / span : 0)

  const answered = asked.filter((q) => answers[q.id] !== undefined)
  const rawContributions = answered.map((q) => {
    const answer = answers[q.id]!
    const optionIds = Array.isArray(answer) ? answer : [answer]
    const raw = sum(optionIds.map((id) => q.options.find((o) => o.id === id)?.weights[role.id] ?? 0))
    return { questionId: q.id, optionIds, raw, points: toPoints(raw) }
  })
  const baseline = toPoints(-lowest)
  const fit = clamp(baseline + sum(rawContributions.map((c) => c.points)))
  const shownFit = Math.round(fit)
  const [shownBaseline, ...shownPoints] = roundToTotal([baseline, ...rawContributions.map((c) => c.points)], shownFit)
  const unmetEligibility = role.eligibility.filter((c) => !conditionHolds(c, answers))

  return {
    roleId: role.id,
    fit,
    shownFit,
    rank: 0,
    tiedWith: [],
    eligible: unmetEligibility.length === 0,
    unmetEligibility,
    baseline,
    shownBaseline: shownBaseline!,
    contributions: rawContributions.map((c, i) => ({ ...c, shownPoints: shownPoints[i]! })),
    readiness: assessReadiness(role, answers),
  }
}

/** Guards against float dust (e.g. 100.00000000001); valid answers always land in 0–100. */
function clamp(value: number): number {
  return Math.min(100, Math.max(0, value))
}
