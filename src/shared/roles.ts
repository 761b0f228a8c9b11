/**
 * The six ONC roles' ids, in the order of roles.json. Part of the contract (stored
 * results are keyed by them); the domain takes its RoleId from here.
 */
export const ROLE_IDS = [
  'clinical_consultant',
  'implementation_manager',
  'implementation_support',
  'redesign_specialist',
  'technical_support',
  'trainer',
] as const
export type RoleId = (typeof ROLE_IDS)[number]
