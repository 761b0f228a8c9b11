import type { AnswerCondition, Answers, Content, Question } from './types'

/** True when the answer to the condition's question includes any of its options. */
export function conditionHolds(condition: AnswerCondition, answers: Answers): boolean {
  const answer = answers[condition.question]
  if (answer === undefined) return false
  if (typeof answer === 'string') return condition.anyOf.includes(answer)
  for (const optionId of answer) if (condition.anyOf.includes(optionId)) return true
  return false
}

export function isAsked(question: Question, answers: Answers): boolean {
  return !question.showIf || conditionHolds(question.showIf, answers)
}

/** The questions this person is asked, in order; follow-ups appear once their trigger is answered. */
export function askedQuestions(content: Content, answers: Answers): Question[] {
  return content.questions.filter((q) => isAsked(q, answers))
}

/** Drops answers to questions no longer asked (e.g. license details after answering "No"). */
export function withoutHiddenAnswers(content: Content, answers: Answers): Answers {
  const kept: Answers = {}
  for (const q of askedQuestions(content, answers)) {
    const answer = answers[q.id]
    if (answer !== undefined) kept[q.id] = answer
  }
  return kept
}
