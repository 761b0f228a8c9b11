import { computed, nextTick, ref, type Ref } from 'vue'

export interface FieldError<F extends string> {
  field: F
  message: string
}

/**
 * A counselor form's problems, field by field: the message beside each field, the
 * error summary's links (each to its field's input), and moving focus to that summary
 * so a screen reader reads it at once. Bind the summary with `ref="summary"`.
 */
export function useFieldErrors<F extends string>(targetIdOf: (field: F) => string) {
  const errors = ref([]) as Ref<FieldError<F>[]>
  const summary = ref<{ focus(): void } | null>(null)
  const errorFor = (field: F) => errors.value.find((e) => e.field === field)?.message
  const summaryLinks = computed(() => errors.value.map((e) => ({ message: e.message, targetId: targetIdOf(e.field) })))

  async function focusSummary(): Promise<void> {
    await nextTick()
    summary.value?.focus()
  }

  return { errors, summary, errorFor, summaryLinks, focusSummary }
}
