/** A short message for the next page, e.g. "Client added" after the form, shown there once. */
import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Kept as an interface key and its values, so the message follows a change of language. */
export interface Flash {
  key: string
  params?: Record<string, string | number>
}

export const useFlashStore = defineStore('flash', () => {
  const flash = ref<Flash | null>(null)

  function say(key: string, params?: Record<string, string | number>): void {
    flash.value = params ? { key, params } : { key }
  }

  /** Hands over the message for the page just opened, once. */
  function take(): Flash | null {
    const message = flash.value
    flash.value = null
    return message
  }

  return { flash, say, take }
})
