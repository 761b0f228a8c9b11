/**
 * Where the stores call the result presenter (src/domain/report.ts): a result's view
 * model in the interface's language. Screens render what comes out; they never score.
 */
import { content, contentTexts, type Locale } from '../content'
import { presentResult, type ResultView } from '../domain/report'
import { scoreAnswers, type AssessmentResult } from '../domain/scoring'
import type { Answers } from '../domain/types'

/** Scores the answers with today's content (unless scored already) and presents the result. */
export function presentIn(
  locale: Locale,
  answers: Answers,
  result: AssessmentResult = scoreAnswers(content, answers),
): ResultView {
  return presentResult(content, contentTexts[locale] ?? contentTexts.en, answers, result)
}
