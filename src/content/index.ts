/**
 * The app's content, checked once at load. A broken file stops the app with an
 * error naming the file and field, rather than scoring with bad data.
 */
import { buildContent, buildTexts } from './validate'
import questions from './questions.json'
import roles from './roles.json'
import scoring from './scoring.json'
import en from './locales/en.json'
import es from './locales/es.json'
import type { ContentTexts } from './schema'

export const content = buildContent({ 'scoring.json': scoring, 'questions.json': questions, 'roles.json': roles })

export const LOCALES = ['en', 'es'] as const
export type Locale = (typeof LOCALES)[number]

export const contentTexts: Record<Locale, ContentTexts> = {
  en: buildTexts(content, en, 'locales/en.json'),
  es: buildTexts(content, es, 'locales/es.json'),
}
