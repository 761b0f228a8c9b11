import type { ContentTexts } from '../content/schema'
import type { Content } from './types'

/** An answer in words: the chosen options' labels in the given texts, the option id where a label is missing. */
export function answerLabel(content: Content, texts: ContentTexts, questionId: string, optionIds: string[]): string {
  const question = content.questions.find((q) => q.id === questionId)
  const labels = optionIds.map((id) =>
    question?.kind === 'likert' ? texts.likertScale[id] : texts.questions[questionId]?.options?.[id],
  )
  return labels.map((l, i) => l ?? optionIds[i]).join('; ')
}
