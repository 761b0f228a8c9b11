import { createI18n } from 'vue-i18n'
import en from './en'
import es from './es'

/** The shape every language must have: English's keys, any words. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
export type MessageSchema = Widen<typeof en>

/** Composition-API i18n; messages compile without eval, so the strict CSP holds. */
export function createAppI18n(locale: 'en' | 'es' = 'en') {
  const messages: Record<'en' | 'es', MessageSchema> = { en, es }
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages,
  })
}
