/**
 * Settings that outlive an assessment: for now, the interface language.
 * The i18n instance is passed in, so the store stays testable.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { LOCALES, type Locale } from '../content'
import { useHost } from '../host'
import type { AppI18n } from '../i18n'
import { useKioskStore } from './kiosk'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export const usePreferencesStore = defineStore('preferences', () => {
  const locale = ref<Locale>('en')
  let i18n: Pick<AppI18n, 'setLocale' | 'locale'> | undefined

  function bindI18n(target: Pick<AppI18n, 'setLocale' | 'locale'>): Promise<void> {
    i18n = target
    return target.setLocale(locale.value)
  }

  /**
   * The language changes once its words have loaded, so nothing shows half-translated.
   * If another switch (a kiosk wipe, say) came in meanwhile, the translator's last choice stands.
   */
  async function apply(value: Locale): Promise<void> {
    if (!i18n) {
      locale.value = value
      return
    }
    await i18n.setLocale(value)
    locale.value = i18n.locale.value
  }

  /**
   * Switches language (answers are stored by id, so they stay) and remembers it. If the
   * other language's words cannot be loaded, the current language simply stays.
   */
  async function setLocale(value: string): Promise<void> {
    if (!isLocale(value)) return
    try {
      await apply(value)
    } catch {
      return
    }
    // A kiosk remembers nothing. Elsewhere remembering is a nicety: a failed save leaves the switch in place.
    if (useKioskStore().enabled || locale.value !== value) return
    await useHost()
      .savePreferences({ schema: 1, locale: value })
      .catch(() => undefined)
  }

  async function restore(): Promise<void> {
    const saved = await useHost()
      .loadPreferences()
      .catch(() => null)
    if (saved) await apply(saved.locale).catch(() => undefined)
  }

  /** Back to English for the next person at a kiosk. */
  function reset(): Promise<void> {
    return apply('en')
  }

  return { locale, bindI18n, setLocale, restore, reset }
})
