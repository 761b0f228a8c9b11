import type { AnswerCondition, Answers, Basis, Role } from './types'
import { conditionHolds } from './visibility'

export interface RequirementCheck {
  id: string
  basis: Basis
  /** The source's id when basis is `source`. */
  source?: string
  /** Helpful but not needed for the six-month estimate. */
  desirable: boolean
  met: boolean
}

export interface Readiness {
  /** True when every needed background item is met: training could take six months or less. */
  bringsBackground: boolean
  checks: RequirementCheck[]
}

const holds = (answers: Answers) => (c: AnswerCondition) => conditionHolds(c, answers)

/**
 * ONC's experts expected training for these roles to take six months or less when a
 * person brings an appropriate background. This checks the answers against the
 * background each role expects; every unmet, needed item is a gap to close.
 */
export function assessReadiness(role: Role, answers: Answers): Readiness {
  const checks = role.background.map((req) => ({
    id: req.id,
    basis: req.basis,
    ...(req.source ? { source: req.source } : {}),
    desirable: req.desirable ?? false,
    met: req.anyOf.some(holds(answers)) && (req.allOf ?? []).every(holds(answers)),
  }))
  return { bringsBackground: checks.every((c) => c.met || c.desirable), checks }
}
