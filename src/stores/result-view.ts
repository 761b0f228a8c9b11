/**
 * Where the stores call the result presenter (src/domain/report.ts): a result's view
 * model in the interface's language. Screens render what comes out; they never score.
 * Apart from the assessment store, so the presenter loads with the results screen, not
 * at start-up.
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { content, contentTexts, loadNextSteps, localPrograms, type Locale } from '../content'
import {
  presentNextSteps,
  presentOccupations,
  type NextStepsView,
  type PresentedOccupation,
} from '../domain/next-steps'
import { presentResult, type LeadRole, type ResultView } from '../domain/report'
import { scoreAnswers, type AssessmentResult } from '../domain/scoring'
import type { Answers, RoleId } from '../domain/types'
import { useAssessmentStore } from './assessment'
import { usePreferencesStore } from './preferences'

/** The assessment's result as the results page shows it, in the interface's language. */
export const useResultViewStore = defineStore('result-view', () => {
  const assessment = useAssessmentStore()
  const preferences = usePreferencesStore()
  const view = computed(() =>
    assessment.result ? presentIn(preferences.locale, assessment.givenAnswers, assessment.result) : null,
  )
  return { view }
})

/** Scores the answers with today's content (unless scored already) and presents the result. */
export function presentIn(
  locale: Locale,
  answers: Answers,
  result: AssessmentResult = scoreAnswers(content, answers),
): ResultView {
  return presentResult(content, contentTexts[locale] ?? contentTexts.en, answers, result)
}

/** Next steps for the roles a result leads with (today's occupations, steps, tools, the center's programs). */
export async function nextStepsIn(locale: Locale, roles: LeadRole[]): Promise<NextStepsView> {
  const { occupations, texts } = await loadNextSteps(locale)
  return presentNextSteps(occupations, texts, localPrograms, roles, locale)
}

/** One role's occupations and the words to label them, for the role pages. */
export async function occupationsIn(
  locale: Locale,
  roleId: RoleId,
): Promise<{
  occupations: PresentedOccupation[]
  labels: NextStepsView['labels']
  matching: string
  sharedWith: Map<string, RoleId[]>
}> {
  const { occupations, texts } = await loadNextSteps(locale)
  const sharedWith = new Map<string, RoleId[]>()
  for (const id of occupations.roles[roleId]!.occupations)
    sharedWith.set(
      id,
      content.roles
        .map((r) => r.id)
        .filter((other) => other !== roleId && occupations.roles[other]!.occupations.includes(id)),
    )
  return {
    occupations: presentOccupations(occupations, texts, roleId, locale),
    labels: texts.labels,
    matching: texts.matching,
    sharedWith,
  }
}
