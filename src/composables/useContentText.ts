import { computed } from 'vue'
import { useI18n } from '../i18n'
import { content, contentTexts } from '../content'
import { answerLabel } from '../domain/answer-label'

/** The content's words (questions, options, roles) in the current language. */
export function useContentText() {
  const { locale } = useI18n()
  const texts = computed(() => contentTexts[locale.value] ?? contentTexts.en)
  return {
    texts,
    roleName: (roleId: string) => texts.value.roles[roleId as keyof typeof texts.value.roles]?.name ?? roleId,
    optionLabel: (questionId: string, optionIds: string[]) => answerLabel(content, texts.value, questionId, optionIds),
  }
}
