/**
 * Checks a set of answers against the question bank, with plain-words messages.
 * Used by the questionnaire (one question at a time) and the command line (all at once).
 */
import type { AnswerValue, Answers, Content, Question } from './types'
import { isAsked } from './visibility'

export type AnswerProblem =
  | { kind: 'unknown_question'; questionId: string }
  | { kind: 'not_asked'; questionId: string }
  | { kind: 'missing'; questionId: string }
  | { kind: 'wrong_type'; questionId: string; expected: 'one option' | 'a list of options' }
  | { kind: 'unknown_option'; questionId: string; optionId: string }
  | { kind: 'exclusive_combined'; questionId: string; optionId: string }
  | { kind: 'duplicate_option'; questionId: string; optionId: string }

/** Problems with one question's answer; `undefined` means unanswered. */
export function checkAnswer(question: Question, answer: AnswerValue | undefined): AnswerProblem[] {
  const questionId = question.id
  if (answer === undefined || (Array.isArray(answer) && answer.length === 0)) {
    return question.required ? [{ kind: 'missing', questionId }] : []
  }
  if (question.kind === 'multiple' ? !Array.isArray(answer) : typeof answer !== 'string') {
    return [
      { kind: 'wrong_type', questionId, expected: question.kind === 'multiple' ? 'a list of options' : 'one option' },
    ]
  }
  const chosen = Array.isArray(answer) ? answer : [answer]
  const problems: AnswerProblem[] = []
  const seen = new Set<string>()
  for (const optionId of chosen) {
    const option = question.options.find((o) => o.id === optionId)
    if (!option) problems.push({ kind: 'unknown_option', questionId, optionId })
    else if (seen.has(optionId)) problems.push({ kind: 'duplicate_option', questionId, optionId })
    else if (option.exclusive && chosen.length > 1) problems.push({ kind: 'exclusive_combined', questionId, optionId })
    seen.add(optionId)
  }
  return problems
}

/** Every problem in a full set of answers, in question order. */
export function checkAnswers(content: Content, answers: Answers): AnswerProblem[] {
  const known = new Set(content.questions.map((q) => q.id))
  const problems: AnswerProblem[] = Object.keys(answers)
    .filter((id) => !known.has(id))
    .map((questionId) => ({ kind: 'unknown_question' as const, questionId }))
  for (const question of content.questions) {
    const answer = answers[question.id]
    if (!isAsked(question, answers)) {
      if (answer !== undefined) problems.push({ kind: 'not_asked', questionId: question.id })
      continue
    }
    problems.push(...checkAnswer(question, answer))
  }
  return problems
}

/** English wording for developers and the command line; the UI words its own messages per language. */
export function describeProblem(problem: AnswerProblem): string {
  const q = `"${problem.questionId}"`
  switch (problem.kind) {
    case 'unknown_question':
      return `there is no question ${q}`
    case 'not_asked':
      return `question ${q} is not asked with these answers, so it must be left out`
    case 'missing':
      return `question ${q} needs an answer`
    case 'wrong_type':
      return `question ${q} takes ${problem.expected}`
    case 'unknown_option':
      return `question ${q} has no option "${problem.optionId}"`
    case 'exclusive_combined':
      return `in question ${q}, "${problem.optionId}" cannot be chosen with other options`
    case 'duplicate_option':
      return `in question ${q}, "${problem.optionId}" is chosen twice`
  }
}
