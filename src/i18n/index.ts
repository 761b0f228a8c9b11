import { createI18n } from 'vue-i18n'
import en from './en'
import es from './es'

export type MessageSchema = typeof en

/** Composition-API i18n; messages compile without eval, so the strict CSP holds. */
export function createAppI18n(locale = 'en') {
  return createI18n<[MessageSchema], 'en' | 'es'>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, es },
  })
}
