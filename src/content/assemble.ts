/**
 * Turns content files into the Content the engine scores: scale questions get one
 * option per scale step, weighted by the step's factor. No checking happens here:
 * validate.ts checks the same files first (at build time, in tests and in the CLI).
 */
import type { Content, Question, Role } from '../domain/types'
import type { QuestionsFile, RolesFile, ScoringFile } from './schema'

export function assembleContent(scoring: ScoringFile, questionsFile: QuestionsFile, rolesFile: RolesFile): Content {
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
    roles: rolesFile.roles as Role[],
    questions,
    settings: { closeMargin: scoring.closeMargin, patternedMinimumItems: scoring.patternedMinimumItems },
  }
}
