/**
 * The scoring engine: answers in, a ranked and explained result out.
 *
 * For each role, every asked question adds the weight of the chosen option(s).
 * The sum is placed between the lowest and highest sums any answers could give
 * (ranges.ts), which yields a fit from 0 to 100. The same per-question amounts,
 * scaled the same way, are the explanation (breakdownRole):
 * `baseline + Σ contribution.points = fit`. Everything returned is plain data.
 */
import type { AnswerCondition, Answers, Content, Role, RoleId } from './types'
import { checkEligibility } from './eligibility'
import { prepare } from './prepared'
import { assessReadiness, type Readiness } from './readiness'
import { roundToTotal } from './rounding'
import { askedQuestions } from './visibility'
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

/** A role's score: plain data, so it survives JSON, structuredClone and IPC unchanged. */
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
  /** Set when the role is not offered because the person meets this other role's eligibility. */
  excludedBy: RoleId | null
  /** The fit if no answer counted for or against the role. */
  baseline: number
  readiness: Readiness
}

/**
 * Where one role's fit comes from, answer by answer: `baseline + Σ points = fit`, and in
 * whole numbers `shownBaseline + Σ shownPoints = shownFit`. Worked out by breakdownRole
 * from the very numbers scoreAnswers used, only for the roles whose "why" is shown.
 */
export interface RoleBreakdown {
  roleId: RoleId
  baseline: number
  shownBaseline: number
  fit: number
  shownFit: number
  contributions: Contribution[]
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
  const gathered = gatherAnswers(content, answers)
  const scores = content.roles.map((role, r) => scoreRole(content.roles, role, r, answers, gathered))
  const order = new Map(gathered.roleIds.map((id, i) => [id, i]))
  // Documented tie rule: equal shown fits keep the order of roles.json, and are shown as equal.
  scores.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) || b.shownFit - a.shownFit || order.get(a.roleId)! - order.get(b.roleId)!,
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

/**
 * One role's per-answer breakdown, from the same sums as its score (same order of
 * additions, so the same fit to the last bit): whole-number points that add up to the
 * shown fit (largest-remainder rounding).
 */
export function breakdownRole(content: Content, answers: Answers, roleId: RoleId): RoleBreakdown {
  const { roleIds, lowest, span, answered } = gatherAnswers(content, answers)
  const r = roleIds.indexOf(roleId)
  if (r < 0) throw new RangeError(`no role "${roleId}" in the content`)
  const { questionIds, optionIds, raws, roleCount } = answered
  const { scale, baseline } = scaleOf(lowest[r]!, span[r]!)
  // values[0] is the baseline; values[i + 1] is answer i's points.
  const values: number[] = [baseline]
  let fit = baseline
  for (let i = 0; i < questionIds.length; i++) {
    const points = raws[i * roleCount + r]! * scale
    values.push(points)
    fit += points
  }
  fit = clamp(fit)
  const shownFit = Math.round(fit)
  const shown = roundToTotal(values, shownFit)
  const contributions: Contribution[] = questionIds.map((questionId, i) => ({
    questionId,
    optionIds: optionIds[i]!,
    raw: raws[i * roleCount + r]!,
    points: values[i + 1]!,
    shownPoints: shown[i + 1]!,
  }))
  return { roleId, baseline, shownBaseline: shown[0]!, fit, shownFit, contributions }
}

function sameStanding(a: RoleScore, b: RoleScore): boolean {
  return a.eligible === b.eligible && a.shownFit === b.shownFit
}

interface GatheredAnswers {
  roleIds: RoleId[]
  /** Per role: the lowest sum any answers could give, and the span up to the highest. */
  lowest: number[]
  span: number[]
  answered: {
    questionIds: string[]
    optionIds: string[][]
    /** Raw weight of answer i for role r at i * roleCount + r. */
    raws: number[]
    roleCount: number
  }
}

/**
 * One pass over the asked questions gathers every role's range and raw contributions at
 * once, in one flat array (answer i, role r at i * roleCount + r): far fewer allocations
 * per call.
 */
function gatherAnswers(content: Content, answers: Answers): GatheredAnswers {
  const { roleIds, questions } = prepare(content)
  const asked = askedQuestions(content, answers).map((q) => questions.get(q.id)!)
  const roleCount = roleIds.length
  // Plain arrays: typed arrays are slow to allocate, and these are made on every call.
  const lowest: number[] = new Array(roleCount).fill(0)
  const span: number[] = new Array(roleCount).fill(0)
  const questionIds: string[] = []
  const optionIds: string[][] = []
  const raws: number[] = new Array(asked.length * roleCount).fill(0)
  for (const prepared of asked) {
    for (let r = 0; r < roleCount; r++) {
      lowest[r]! += prepared.min[r]!
      span[r]! += prepared.max[r]! - prepared.min[r]!
    }
    const answer = answers[prepared.question.id]
    if (answer === undefined) continue
    const chosen = Array.isArray(answer) ? answer : [answer]
    const offset = questionIds.length * roleCount
    for (const optionId of chosen) {
      const weights = prepared.weights.get(optionId)
      if (weights) for (let r = 0; r < roleCount; r++) raws[offset + r]! += weights[r]!
    }
    questionIds.push(prepared.question.id)
    optionIds.push(chosen)
  }
  return { roleIds, lowest, span, answered: { questionIds, optionIds, raws, roleCount } }
}

/** Raw sums to fit points: the lowest possible sum is 0, the highest 100. */
function scaleOf(lowest: number, span: number): { scale: number; baseline: number } {
  const scale = span > 0 ? 100 / span : 0
  return { scale, baseline: -lowest * scale }
}

function scoreRole(
  roles: readonly Role[],
  role: Role,
  r: number,
  answers: Answers,
  gathered: GatheredAnswers,
): RoleScore {
  const { raws, roleCount, questionIds } = gathered.answered
  const { scale, baseline } = scaleOf(gathered.lowest[r]!, gathered.span[r]!)
  // The same additions, in the same order, as breakdownRole: the fit is identical.
  let fit = baseline
  for (let i = 0; i < questionIds.length; i++) fit += raws[i * roleCount + r]! * scale
  fit = clamp(fit)
  const eligibility = checkEligibility(roles, role, answers)
  return {
    roleId: role.id,
    fit,
    shownFit: Math.round(fit),
    rank: 0,
    tiedWith: [],
    eligible: eligibility.eligible,
    unmetEligibility: eligibility.unmet,
    excludedBy: eligibility.excludedBy,
    baseline,
    readiness: assessReadiness(role, answers),
  }
}

/** Guards against float dust (e.g. 100.00000000001); valid answers always land in 0–100. */
function clamp(value: number): number {
  return Math.min(100, Math.max(0, value))
}
