/**
 * Settings that outlive an assessment: for now, the interface language.
 * The i18n instance is passed in, so the store stays testable.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Composer } from 'vue-i18n'
import { LOCALES, type Locale } from '../content'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export const usePreferencesStore = defineStore('preferences', () => {
  const locale = ref<Locale>('en')
  let composer: Pick<Composer, 'locale'> | undefined

  function bindI18n(target: Pick<Composer, 'locale'>): void {
    composer = target
    composer.locale.value = locale.value
  }

  /** Switches language at once; answers are untouched because they are stored by id. */
  function setLocale(value: string): void {
    if (!isLocale(value)) return
    locale.value = value
    if (composer) composer.locale.value = value
  }

  return { locale, bindI18n, setLocale }
})
