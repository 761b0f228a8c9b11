/** A center refusal in the interface's language: the code's own sentence, never the English one main sent. */
import { useI18n } from '../../i18n'
import { CENTER_PROBLEMS, type CenterProblem } from '../../shared/center-problems'

export function useCenterProblemText(): (refusal: { reason: CenterProblem }) => string {
  const { locale } = useI18n()
  return ({ reason }) => (CENTER_PROBLEMS[reason] ?? CENTER_PROBLEMS.unexpected)[locale.value]
}
