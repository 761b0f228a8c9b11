/**
 * Who a role is for. The Clinical/Practitioner Consultant needs an active license of a
 * licensed clinical or public-health profession; ONC says the Information Management
 * Redesign Specialist's people "are not licensed clinical professionals", so a person
 * who meets the first role's license rule is not offered the second. One rule, so the
 * result never names a role on the same screen that says it is not for this person.
 */
import type { AnswerCondition, Answers, Role, RoleId } from './types'
import { conditionHolds } from './visibility'

export interface EligibilityCheck {
  eligible: boolean
  /** The role's own conditions that do not hold. */
  unmet: AnswerCondition[]
  /** Set when the role is not for people who meet this other role's eligibility, and the person does. */
  excludedBy: RoleId | null
}

/** True when the role has eligibility conditions and every one holds. */
export function meetsEligibility(role: Role, answers: Answers): boolean {
  return role.eligibility.length > 0 && role.eligibility.every((c) => conditionHolds(c, answers))
}

export function checkEligibility(roles: readonly Role[], role: Role, answers: Answers): EligibilityCheck {
  const unmet = role.eligibility.filter((c) => !conditionHolds(c, answers))
  const other = role.notForPeopleEligibleFor && roles.find((r) => r.id === role.notForPeopleEligibleFor)
  const excludedBy = other && meetsEligibility(other, answers) ? other.id : null
  return { eligible: unmet.length === 0 && excludedBy === null, unmet, excludedBy }
}
