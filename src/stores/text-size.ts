/**
 * How large the app's text is, for a kiosk whose menu (and so its zoom keys) is gone.
 * Kept in memory only: the kiosk wipe puts it back for the next person.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

/** Percent of the normal text size; every size in the app is in rem, so all of it scales. */
export const TEXT_SIZES = [100, 125, 150, 175, 200] as const
export type TextSize = (typeof TEXT_SIZES)[number]

export const useTextSizeStore = defineStore('textSize', () => {
  const step = ref(0)
  const percent = computed<TextSize>(() => TEXT_SIZES[step.value] ?? 100)
  const canGrow = computed(() => step.value < TEXT_SIZES.length - 1)
  const canShrink = computed(() => step.value > 0)

  function larger(): void {
    if (canGrow.value) step.value += 1
  }
  function smaller(): void {
    if (canShrink.value) step.value -= 1
  }
  function reset(): void {
    step.value = 0
  }

  return { percent, canGrow, canShrink, larger, smaller, reset }
})
