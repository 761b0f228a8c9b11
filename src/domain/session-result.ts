/**
 * The result block stored with a session (src/shared/records.ts): each role's shown
 * fit from the ranking, the best fit and the content version. One place makes it, for
 * guided sessions saved as they go and for a session exported when saving failed.
 */
import type { SessionResult } from '../shared/records'
import type { AssessmentResult } from './scoring'

export function sessionResultOf(result: AssessmentResult): SessionResult {
  return {
    fits: Object.fromEntries(result.ranking.map((s) => [s.roleId, s.shownFit])) as SessionResult['fits'],
    bestFit: result.bestFit,
    contentVersion: result.contentVersion,
  }
}
