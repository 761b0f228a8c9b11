/**
 * Settings that outlive an assessment: for now, the interface language.
 * The i18n instance is passed in, so the store stays testable.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { LOCALES, type Locale } from '../content'
import { useHost } from '../host'
import type { AppI18n } from '../i18n'
import type { Preferences } from '../shared/host-contract'
import { useKioskStore } from './kiosk'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The counselor area locks after this many minutes without input, unless a counselor chose otherwise. */
export const DEFAULT_COUNSELOR_LOCK_MINUTES = 5

export const usePreferencesStore = defineStore('preferences', () => {
  const locale = ref<Locale>('en')
  /** A counselor setting; undefined means the default (and is not written). */
  const counselorLockMinutes = ref<number | undefined>(undefined)
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
      .savePreferences(saved())
      .catch(() => undefined)
  }

  function saved(): Preferences {
    return {
      schema: 1,
      locale: locale.value,
      ...(counselorLockMinutes.value !== undefined ? { counselorLockMinutes: counselorLockMinutes.value } : {}),
    }
  }

  /** How long the counselor area waits without input before it locks (1 to 60 minutes); throws when it cannot be saved. */
  async function setCounselorLockMinutes(minutes: number): Promise<void> {
    counselorLockMinutes.value = minutes
    await useHost().savePreferences(saved())
  }

  async function restore(): Promise<void> {
    const saved = await useHost()
      .loadPreferences()
      .catch(() => null)
    if (saved?.counselorLockMinutes !== undefined) counselorLockMinutes.value = saved.counselorLockMinutes
    if (saved) await apply(saved.locale).catch(() => undefined)
  }

  /** Back to English for the next person at a kiosk. */
  function reset(): Promise<void> {
    return apply('en')
  }

  return { locale, counselorLockMinutes, bindI18n, setLocale, setCounselorLockMinutes, restore, reset }
})
