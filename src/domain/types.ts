/**
 * Plain data types shared by the content loader, the scoring engine and the UI.
 * Nothing here imports Vue, the DOM or Electron: the domain runs anywhere.
 */

import type { RoleId } from '../shared/roles'

// The role ids are part of the contract between processes (stored results use them).
export { ROLE_IDS, type RoleId } from '../shared/roles'

/** Where a statement about a role comes from: ONC's own words, or our own reading of them. */
export type Basis = 'onc' | 'ours'

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
  /** Helpful but not needed: when unmet it is advice, not a gap. */
  desirable?: boolean
  /** Met when any one condition holds. */
  anyOf: AnswerCondition[]
}

export interface Role {
  id: RoleId
  /** Met only when every condition holds; an unmet role is never the best fit. */
  eligibility: AnswerCondition[]
  /** The background the role expects; each unmet item is a training gap. */
  background: BackgroundRequirement[]
  examId: string | null
}

export interface ScoringSettings {
  /** Roles within this many fit points of the best fit are called close. */
  closeMargin: number
  /** Fewest answered scale items before a same-answer pattern earns a caution. */
  patternedMinimumItems: number
}

export interface Content {
  version: string
  roles: Role[]
  questions: Question[]
  settings: ScoringSettings
}
