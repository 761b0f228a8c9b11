import { useRouter } from 'vue-router'
import { useAssessmentStore } from '../stores/assessment'
import { usePreferencesStore } from '../stores/preferences'
import { useTextSizeStore } from '../stores/text-size'

/** Clears everything the last person left (answers, result, language, text size) and returns to the start. */
export function useKioskWipe() {
  const router = useRouter()
  const assessment = useAssessmentStore()
  const preferences = usePreferencesStore()
  const textSize = useTextSizeStore()
  return async function wipe(): Promise<void> {
    await assessment.startOver()
    await preferences.reset()
    textSize.reset()
    window.scrollTo(0, 0)
    await router.push('/')
  }
}
