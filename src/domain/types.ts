/**
 * Plain data types shared by the content loader, the scoring engine and the UI.
 * Nothing here imports Vue, the DOM or Electron: the domain runs anywhere.
 */

import type { RoleId } from '../shared/roles'

// The role ids are part of the contract between processes (stored results use them).
export { ROLE_IDS, type RoleId } from '../shared/roles'

/**
 * Where a statement about a role comes from: ONC's own page (`onc`), another source we
 * read and name (`source`, never shown as ONC's), or our own judgement (`ours`).
 */
export type Basis = 'onc' | 'source' | 'ours'

/** A single-choice or Likert answer is one option id; a multiple-choice answer is a list of ids. */
export type AnswerValue = string | string[]
export type Answers = Record<string, AnswerValue>

export type QuestionKind = 'single' | 'multiple' | 'likert'

/** How much one option adds to (or takes from) each role's raw score. Missing roles count 0. */
export type RoleWeights = Partial<Record<RoleId, number>>

export interface QuestionOption {
  id: string
  weights: RoleWeights
  /** Chosen alone: selecting it clears the others (e.g. "None of these"). Multiple choice only. */
  exclusive?: boolean
  /** An honest "not sure": counts as neutral, and many of them earn a caution. */
  unsure?: boolean
}

export interface ShowIf {
  question: string
  anyOf: string[]
}

export interface Question {
  id: string
  section: SectionId
  kind: QuestionKind
  required: boolean
  options: QuestionOption[]
  /** Asked only when an earlier answer matches; hidden questions never count. */
  showIf?: ShowIf
}

export type SectionId = 'licensure' | 'background' | 'interests'

/** A condition on the answers, used for eligibility and background checks. */
export interface AnswerCondition {
  question: string
  anyOf: string[]
}

export interface BackgroundRequirement {
  id: string
  basis: Basis
  /** The source's id (roles.json `sources`) when basis is `source`. */
  source?: string
  /** Helpful but not needed: when unmet it is advice, not a gap. */
  desirable?: boolean
  /** Met when any one of these holds (and every `allOf` condition does). */
  anyOf: AnswerCondition[]
  allOf?: AnswerCondition[]
}

export interface Role {
  id: RoleId
  /** Met only when every condition holds; an unmet role is never the best fit. */
  eligibility: AnswerCondition[]
  /**
   * Not offered to people who meet another role's eligibility: ONC says the Information
   * Management Redesign Specialist's people "are not licensed clinical professionals".
   */
  notForPeopleEligibleFor?: RoleId
  /** The background the role expects; each unmet item is a training gap. */
  background: BackgroundRequirement[]
  examId: string | null
}

export interface ScoringSettings {
  /** Roles within this many fit points of the best fit are called close. */
  closeMargin: number
  /** A best fit below this does not stand out: the result says so instead of naming it. */
  standOutLevel: number
  /** Fewest answered scale items before a same-answer pattern earns a caution. */
  patternedMinimumItems: number
}

/** A source of a statement about a role, shown with it (never as ONC's unless it is ONC's page). */
export interface SourceInfo {
  publisher: string
  title: string
  address: string
  /** `official_site`: read on the publisher's own site; `copy`: read in a stored or archived copy. */
  verification: 'official_site' | 'copy'
  note?: string
}

export interface Content {
  version: string
  roles: Role[]
  /** Sources named by roles' background items (basis `onc` or `source`), by id. */
  sources: Record<string, SourceInfo>
  questions: Question[]
  settings: ScoringSettings
}
