/**
 * Settings that outlive an assessment: for now, the interface language.
 * The i18n instance is passed in, so the store stays testable.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Composer } from 'vue-i18n'
import { LOCALES, type Locale } from '../content'
import { useHost } from '../host'
import { useKioskStore } from './kiosk'

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

  function apply(value: Locale): void {
    locale.value = value
    if (composer) composer.locale.value = value
  }

  /** Switches language at once (answers are stored by id, so they stay) and remembers it. */
  function setLocale(value: string): void {
    if (!isLocale(value)) return
    apply(value)
    // A kiosk remembers nothing. Elsewhere remembering is a nicety: a failed save leaves the switch in place.
    if (useKioskStore().enabled) return
    useHost().savePreferences({ schema: 1, locale: value }).catch(() => undefined)
  }

  async function restore(): Promise<void> {
    const saved = await useHost().loadPreferences().catch(() => null)
    if (saved) apply(saved.locale)
  }

  /** Back to English for the next person at a kiosk. */
  function reset(): void {
    apply('en')
  }

  return { locale, bindI18n, setLocale, restore, reset }
})
