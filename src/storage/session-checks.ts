/**
 * A session's answers and result checked against the question bank, on every save and
 * import: the same answer checks as the assessment (domain/answers.ts), and a stored
 * result must be exactly what scoring gives for those answers, so a session page never
 * shows a fit that disagrees with its own answers.
 */
import { content } from '../content'
import { checkAnswers, describeProblem } from '../domain/answers'
import { scoreAnswers } from '../domain/scoring'
import type { Answers } from '../domain/types'
import { StorageError } from './errors'
import type { SessionResult } from '../shared/records'

export interface CheckedSession {
  answers: Answers
  /** Null while the session is unfinished: answers may then still be missing. */
  result: SessionResult | null
}

/** Throws `answers-mismatch` or `result-mismatch` in plain words led by `action` ("Could not import the session"). */
export function checkSessionAgainstContent(session: CheckedSession, action: string): void {
  const unfinished = session.result === null
  const problems = checkAnswers(content, session.answers).filter(
    (problem) => !(unfinished && problem.kind === 'missing'),
  )
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''
    throw new StorageError(
      'answers-mismatch',
      `${action}: its answers do not fit this app's questions: ${describeProblem(problems[0]!)}${more}.`,
      { field: `answers.${problems[0]!.questionId}` },
    )
  }
  if (session.result === null) return
  const { result } = session
  if (result.contentVersion !== content.version) {
    throw new StorageError(
      'result-mismatch',
      `${action}: its result was worked out with another version of the questions (${result.contentVersion}; ` +
        `this app has ${content.version}).`,
      { field: 'result.contentVersion' },
    )
  }
  const scored = scoreAnswers(content, session.answers)
  const differing = scored.ranking.find((score) => result.fits[score.roleId] !== score.shownFit)
  if (differing) {
    throw new StorageError(
      'result-mismatch',
      `${action}: its result does not match its answers (it gives "${differing.roleId}" a fit of ` +
        `${result.fits[differing.roleId]}, and the answers give ${differing.shownFit}).`,
      { field: `result.fits.${differing.roleId}` },
    )
  }
  if (result.bestFit !== scored.bestFit) {
    throw new StorageError(
      'result-mismatch',
      `${action}: its result does not match its answers (its best fit is "${result.bestFit}", and the answers ` +
        `give "${scored.bestFit}").`,
      { field: 'result.bestFit' },
    )
  }
}
