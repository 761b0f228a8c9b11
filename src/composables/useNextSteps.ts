import { shallowRef, watch, type ShallowRef } from 'vue'
import { useI18n } from '../i18n'
import type { NextStepsView } from '../domain/next-steps'
import type { LeadRole } from '../domain/report'
import { nextStepsIn } from '../stores/result-view'

/**
 * The next steps for these roles in the interface's language, loaded when first needed
 * (occupations and their words are not part of the start-up script). Null until loaded.
 */
export function useNextSteps(roles: () => LeadRole[] | null): ShallowRef<NextStepsView | null> {
  const { locale } = useI18n()
  const view = shallowRef<NextStepsView | null>(null)
  let asked = 0
  watch(
    [roles, locale],
    async ([wanted, language]) => {
      const ask = ++asked
      if (!wanted) {
        view.value = null
        return
      }
      const steps = await nextStepsIn(language, wanted)
      // A later language or result wins over an answer that arrives late.
      if (ask === asked) view.value = steps
    },
    { immediate: true },
  )
  return view
}
