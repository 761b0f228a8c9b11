/**
 * Turns content files into the Content the engine scores: scale questions get one
 * option per scale step, weighted by the step's factor. No checking happens here:
 * validate.ts checks the same files first (at build time, in tests and in the CLI).
 */
import type { AnswerCondition, Content, Question, Role, RoleId } from '../domain/types'
import type { QuestionsFile, RolesFile, ScoringFile } from './schema'

/**
 * What the engine reads of roles.json. The file also keeps, for editors and the checks, ONC's
 * descriptions, quotes and reasons; the app's build ships only this part (rolesForEngine).
 */
export interface EngineRolesFile {
  sources: RolesFile['sources']
  roles: (Omit<Role, 'notForPeopleEligibleFor'> & { notForPeopleEligibleFor?: { role: RoleId } })[]
}

export function assembleContent(
  scoring: ScoringFile,
  questionsFile: QuestionsFile,
  rolesFile: EngineRolesFile,
): Content {
  const questions: Question[] = questionsFile.questions.map((q) =>
    q.kind === 'likert'
      ? {
          id: q.id,
          section: q.section,
          kind: q.kind,
          required: q.required,
          showIf: q.showIf,
          // A scale answer moves each role by the question's weight times the answer's factor.
          options: scoring.likertScale.map((step) => ({
            id: step.id,
            unsure: step.unsure,
            weights: Object.fromEntries(Object.entries(q.weights).map(([role, w]) => [role, (w ?? 0) * step.factor])),
          })),
        }
      : { ...q },
  )
  return {
    version: scoring.version,
    roles: rolesFile.roles.map(assembleRole),
    sources: rolesFile.sources,
    questions,
    settings: {
      closeMargin: scoring.closeMargin,
      standOutLevel: scoring.standOutLevel,
      patternedMinimumItems: scoring.patternedMinimumItems,
    },
  }
}

const conditionOf = (c: AnswerCondition): AnswerCondition => ({ question: c.question, anyOf: c.anyOf })

/** The rules the engine needs; the reasons and quotes stay in the file for editors and the checks. */
function assembleRole(role: EngineRolesFile['roles'][number]): Role {
  return {
    id: role.id,
    eligibility: role.eligibility.map(conditionOf),
    ...(role.notForPeopleEligibleFor ? { notForPeopleEligibleFor: role.notForPeopleEligibleFor.role } : {}),
    background: role.background.map((req) => ({
      id: req.id,
      basis: req.basis,
      ...(req.source ? { source: req.source } : {}),
      ...(req.desirable !== undefined ? { desirable: req.desirable } : {}),
      anyOf: req.anyOf.map(conditionOf),
      ...(req.allOf ? { allOf: req.allOf.map(conditionOf) } : {}),
    })),
    examId: role.examId,
  }
}

/** roles.json cut to what assembleContent reads (the build ships this): assembling it gives the same content. */
export function rolesForEngine(rolesFile: EngineRolesFile): EngineRolesFile {
  return {
    sources: rolesFile.sources,
    roles: rolesFile.roles.map((role) => {
      const { notForPeopleEligibleFor, ...rules } = assembleRole(role)
      return notForPeopleEligibleFor ? { ...rules, notForPeopleEligibleFor: { role: notForPeopleEligibleFor } } : rules
    }),
  }
}
