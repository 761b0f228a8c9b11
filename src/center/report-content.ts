/** The shipped content as the question statistics report needs it (see question-items.ts). */
import questions from '../content/questions.json'
import scoring from '../content/scoring.json'
import type { QuestionsFile, ScoringFile } from '../content/schema'
import { ROLE_IDS } from '../domain/types'
import { reportContent, type ReportContent } from './question-items'

export const REPORT_CONTENT: ReportContent & { roleOrder: readonly string[]; questionOrder: readonly string[] } = {
  ...reportContent(scoring as ScoringFile, questions as QuestionsFile),
  roleOrder: ROLE_IDS,
  questionOrder: (questions as QuestionsFile).questions.map((question) => question.id),
}
