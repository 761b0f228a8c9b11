/**
 * What the result leads with, said no more precisely than the numbers allow:
 * - no role stands out (the best fit is below `standOutLevel`): name none, suggest roles to explore;
 * - an exact tie at the top: the tied roles together, said to be equal (never settled by file order);
 * - close roles (within `closeMargin` of the best): the close roles together, as ONC's page allows
 *   one person to fill several roles;
 * - otherwise the one best fit.
 * Only eligible roles ever lead. Pure: it reads a scored result and the content's settings.
 */
import type { RoleScore } from './scoring'
import type { Content, RoleId } from './types'

export type LeadKind = 'none_stands_out' | 'tie' | 'close' | 'one'

export interface ResultLead {
  kind: LeadKind
  /** The roles the result leads with, best first; empty when no role stands out. */
  roles: RoleId[]
  /** Roles sharing the best shown fit, when two or more do (said as equal, in no order of merit). */
  tiedForBest: RoleId[]
  /** When no role stands out: the nearest roles, to suggest exploring (up to `EXPLORE_COUNT`). */
  explore: RoleId[]
  /** The best eligible role's shown fit, and the level it must reach to stand out. */
  bestFit: number
  standOutLevel: number
  closeMargin: number
  /** Shown points between the last role in the lead and the next eligible role; null when none follows. */
  aheadOfNext: number | null
}

/** How many roles to suggest exploring when none stands out. */
export const EXPLORE_COUNT = 3

/** What the lead reads of a ranking: enough for a stored session's fits to be led the same way (program-summary.ts). */
export type LeadRanking = readonly Pick<RoleScore, 'roleId' | 'shownFit' | 'eligible'>[]

export function leadOf(content: Pick<Content, 'settings'>, result: { ranking: LeadRanking }): ResultLead {
  const { closeMargin, standOutLevel } = content.settings
  const eligible = result.ranking.filter((s) => s.eligible)
  const best = eligible[0]!
  const tiedForBest = eligible.filter((s) => s.shownFit === best.shownFit).map((s) => s.roleId)
  const base = {
    tiedForBest: tiedForBest.length > 1 ? tiedForBest : [],
    bestFit: best.shownFit,
    standOutLevel,
    closeMargin,
  }
  if (best.shownFit < standOutLevel) {
    const explore = eligible.slice(0, EXPLORE_COUNT)
    return {
      ...base,
      kind: 'none_stands_out',
      roles: [],
      explore: explore.map((s) => s.roleId),
      aheadOfNext: gapToNext(eligible, explore.length),
    }
  }
  const leading = eligible.filter((s) => best.shownFit - s.shownFit <= closeMargin)
  const kind: LeadKind = tiedForBest.length > 1 ? 'tie' : leading.length > 1 ? 'close' : 'one'
  return {
    ...base,
    kind,
    roles: leading.map((s) => s.roleId),
    explore: [],
    aheadOfNext: gapToNext(eligible, leading.length),
  }
}

function gapToNext(eligible: LeadRanking, count: number): number | null {
  const last = eligible[count - 1]
  const next = eligible[count]
  return last && next ? last.shownFit - next.shownFit : null
}
