import type { Answers, Basis, Role } from './types'
import { conditionHolds } from './visibility'

export interface RequirementCheck {
  id: string
  basis: Basis
  /** Helpful but not needed for the six-month estimate. */
  desirable: boolean
  met: boolean
}

export interface Readiness {
  /** True when every needed background item is met: training could take six months or less. */
  bringsBackground: boolean
  checks: RequirementCheck[]
}

/**
 * ONC's experts expected training for these roles to take six months or less when a
 * person brings an appropriate background. This checks the answers against the
 * background each role expects; every unmet, needed item is a gap to close.
 */
export function assessReadiness(role: Role, answers: Answers): Readiness {
  const checks = role.background.map((req) => ({
    id: req.id,
    basis: req.basis,
    desirable: req.desirable ?? false,
    met: req.anyOf.some((c) => conditionHolds(c, answers)),
  }))
  return { bringsBackground: checks.every((c) => c.met || c.desirable), checks }
}
