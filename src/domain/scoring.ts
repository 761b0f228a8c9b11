/**
 * The scoring engine: answers in, a ranked and explained result out.
 *
 * For each role, every asked question adds the weight of the chosen option(s).
 * The sum is placed between the lowest and highest sums any answers could give
 * (ranges.ts), which yields a fit from 0 to 100. The same per-question amounts,
 * scaled the same way, are the explanation: `baseline + Σ contribution.points = fit`.
 */
import type { AnswerCondition, Answers, Content, Role, RoleId } from './types'
import { checkEligibility, type EligibilityCheck } from './eligibility'
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
  const { roleIds, questions } = prepare(content)
  const asked = askedQuestions(content, answers).map((q) => questions.get(q.id)!)

  // One pass over the answers gathers every role's raw contribution at once, in one flat
  // array (answer i, role r at i * roleCount + r): far fewer allocations per call.
  const roleCount = roleIds.length
  // Plain arrays: typed arrays are slow to allocate, and these are made on every call.
  const lowest: number[] = new Array(roleCount).fill(0)
  const span: number[] = new Array(roleCount).fill(0)
  const answeredIds: string[] = []
  const answeredOptions: string[][] = []
  const raws: number[] = new Array(asked.length * roleCount).fill(0)
  for (const prepared of asked) {
    for (let r = 0; r < roleCount; r++) {
      lowest[r]! += prepared.min[r]!
      span[r]! += prepared.max[r]! - prepared.min[r]!
    }
    const answer = answers[prepared.question.id]
    if (answer === undefined) continue
    const optionIds = Array.isArray(answer) ? answer : [answer]
    const offset = answeredIds.length * roleCount
    for (const optionId of optionIds) {
      const weights = prepared.weights.get(optionId)
      if (weights) for (let r = 0; r < roleCount; r++) raws[offset + r]! += weights[r]!
    }
    answeredIds.push(prepared.question.id)
    answeredOptions.push(optionIds)
  }
  const answered = { questionIds: answeredIds, optionIds: answeredOptions, raws, roleCount }

  const scores = content.roles.map((role, r) =>
    scoreRole(role, r, checkEligibility(content.roles, role, answers), answers, lowest[r]!, span[r]!, answered),
  )
  const order = new Map(roleIds.map((id, i) => [id, i]))
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

function sameStanding(a: RoleScore, b: RoleScore): boolean {
  return a.eligible === b.eligible && a.shownFit === b.shownFit
}

interface AnsweredQuestions {
  questionIds: string[]
  optionIds: string[][]
  /** Raw weight of answer i for role r at i * roleCount + r. */
  raws: number[]
  roleCount: number
}

function scoreRole(
  role: Role,
  roleIndex: number,
  eligibility: EligibilityCheck,
  answers: Answers,
  lowest: number,
  span: number,
  answered: AnsweredQuestions,
): RoleScore {
  const { raws, roleCount } = answered
  const count = answered.questionIds.length
  const scale = span > 0 ? 100 / span : 0
  const baseline = -lowest * scale
  // values[0] is the baseline; values[i + 1] is answer i's points.
  const values: number[] = [baseline]
  let fit = baseline
  for (let i = 0; i < count; i++) {
    const points = raws[i * roleCount + roleIndex]! * scale
    values.push(points)
    fit += points
  }
  fit = clamp(fit)
  return new ScoredRole(
    role.id,
    fit,
    baseline,
    eligibility,
    assessReadiness(role, answers),
    values,
    answered,
    roleIndex,
  )
}

/**
 * A role's score. The per-answer breakdown (whole-number points that add up to the
 * shown fit) is worked out from the same numbers the first time it is read: ranking
 * needs only the fits, and most roles' explanations are never shown.
 */
class ScoredRole implements RoleScore {
  readonly shownFit: number
  readonly eligible: boolean
  readonly unmetEligibility: AnswerCondition[]
  readonly excludedBy: RoleId | null
  rank = 0
  tiedWith: RoleId[] = []
  private breakdown: { shownBaseline: number; contributions: Contribution[] } | undefined

  constructor(
    readonly roleId: RoleId,
    readonly fit: number,
    readonly baseline: number,
    eligibility: EligibilityCheck,
    readonly readiness: Readiness,
    private readonly values: number[],
    private readonly answered: AnsweredQuestions,
    private readonly roleIndex: number,
  ) {
    this.shownFit = Math.round(fit)
    this.eligible = eligibility.eligible
    this.unmetEligibility = eligibility.unmet
    this.excludedBy = eligibility.excludedBy
  }

  get shownBaseline(): number {
    return this.explain().shownBaseline
  }

  get contributions(): Contribution[] {
    return this.explain().contributions
  }

  private explain() {
    if (this.breakdown) return this.breakdown
    const { questionIds, optionIds, raws, roleCount } = this.answered
    const shown = roundToTotal(this.values, this.shownFit)
    const contributions: Contribution[] = []
    for (let i = 0; i < questionIds.length; i++) {
      contributions.push({
        questionId: questionIds[i]!,
        optionIds: optionIds[i]!,
        raw: raws[i * roleCount + this.roleIndex]!,
        points: this.values[i + 1]!,
        shownPoints: shown[i + 1]!,
      })
    }
    return (this.breakdown = { shownBaseline: shown[0]!, contributions })
  }
}

/** Guards against float dust (e.g. 100.00000000001); valid answers always land in 0–100. */
function clamp(value: number): number {
  return Math.min(100, Math.max(0, value))
}
