/**
 * The interface's words, switched by language. A small in-house translator replaces
 * vue-i18n: the app needs only `t(key, { name })`, and the library (with its message
 * compiler) was 57 KB of the 263 KB start-up JavaScript. English ships in the first load;
 * another language (its interface words and its content texts) loads when chosen.
 */
import { inject, readonly, ref, type App, type InjectionKey, type Ref } from 'vue'
import { loadContentTexts, loadLaterEnglishTexts, type Locale } from '../content'
import type en from './en'
import firstWords from './en-first'
import { fillPlaceholders, flattenMessages, type MessageParams } from './translate'
import { loadOnce } from '../shared/load-once'

/** The shape every language must have: English's keys, any words. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
export type MessageSchema = Widen<typeof en>
export type { MessageParams }

const INTERFACE_WORDS: Record<Exclude<Locale, 'en'>, () => Promise<MessageSchema>> = {
  es: async () => (await import('./es')).default,
}

export interface Translator {
  /** The language shown now. It changes only once that language's words are loaded. */
  readonly locale: Readonly<Ref<Locale>>
  /** The text at a dotted key in the current language (English if missing there), placeholders filled. */
  t(key: string, params?: MessageParams): string
}

export interface AppI18n extends Translator {
  /** Loads a language's interface and content words, then shows it. The last call wins. */
  setLocale(locale: Locale): Promise<void>
  /**
   * Loads the English words the first screens do not need (results, roles, counselor area),
   * interface words and content texts both:
   * the router awaits it before any other screen (src/main.ts). Safe to call often.
   */
  loadLaterWords(): Promise<void>
  install(app: App): void
}

const I18N_KEY: InjectionKey<Translator> = Symbol('i18n')

export function createAppI18n(): AppI18n {
  const locale = ref<Locale>('en')
  const english = flattenMessages(firstWords)
  const tables = new Map<Locale, Map<string, string>>([['en', english]])
  let latestRequest = 0

  function t(key: string, params?: MessageParams): string {
    // Reading locale.value makes every render that translates follow a language switch.
    const text = tables.get(locale.value)?.get(key) ?? english.get(key)
    if (text === undefined) {
      if (import.meta.env.DEV) console.warn(`No interface text for "${key}"`)
      return key
    }
    return fillPlaceholders(text, params)
  }

  async function setLocale(next: Locale): Promise<void> {
    const request = ++latestRequest
    if (!tables.has(next) && next !== 'en') {
      const [words] = await Promise.all([INTERFACE_WORDS[next](), loadContentTexts(next)])
      tables.set(next, flattenMessages(words))
    }
    if (request === latestRequest) locale.value = next
  }

  const loadLaterWords = loadOnce(async () => {
    const [{ default: later }] = await Promise.all([import('./en-later'), loadLaterEnglishTexts()])
    for (const [key, text] of flattenMessages(later)) english.set(key, text)
  })

  const translator: AppI18n = {
    locale: readonly(locale),
    t,
    setLocale,
    loadLaterWords,
    install(app) {
      app.provide(I18N_KEY, translator)
    },
  }
  return translator
}

/** The translator for components, provided by the app's i18n plugin. */
export function useI18n(): Translator {
  const translator = inject(I18N_KEY)
  if (!translator) throw new Error('useI18n() needs the app i18n plugin (createAppI18n) installed')
  return translator
}
