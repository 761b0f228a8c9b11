/**
 * What the question statistics report needs from the content: which interest items belong
 * to which role (an item belongs to every role its weights name; a negative weight makes it
 * count reversed for that role), and the number each scale answer stands for. Taken from
 * the content files themselves, so the report always matches the content version it names.
 */
import type { QuestionsFile, ScoringFile } from '../content/schema'

export interface InterestItem {
  role: string
  question: string
  /** 1, or -1 for an item that weighs against the role (its answers count reversed). */
  sign: 1 | -1
}

export function interestItems(questions: QuestionsFile): InterestItem[] {
  const items: InterestItem[] = []
  for (const question of questions.questions) {
    if (question.kind !== 'likert') continue
    for (const [role, weight] of Object.entries(question.weights)) {
      if (weight === undefined || weight === 0) continue
      items.push({ role, question: question.id, sign: weight > 0 ? 1 : -1 })
    }
  }
  return items
}

/** Scale answers as numbers (the scoring factors); "not sure" is left out, so it counts as unanswered. */
export function scaleScores(scoring: ScoringFile): Record<string, number> {
  return Object.fromEntries(scoring.likertScale.filter((step) => !step.unsure).map((step) => [step.id, step.factor]))
}

export interface ReportContent {
  version: string
  items: InterestItem[]
  scale: Record<string, number>
}

export function reportContent(scoring: ScoringFile, questions: QuestionsFile): ReportContent {
  return { version: scoring.version, items: interestItems(questions), scale: scaleScores(scoring) }
}
