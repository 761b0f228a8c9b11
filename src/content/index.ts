/**
 * The app's content, ready to score. These files are checked (shapes, links between
 * them, a text for every id in every language) before they can ship: by the build
 * (vite.config.ts runs checked.ts and stops on any mistake), by `npm test`, and by
 * the command line. The app itself only assembles them, so it starts without a
 * validation library.
 */
import { assembleContent } from './assemble'
import questions from './questions.json'
import roles from './roles.json'
import scoring from './scoring.json'
import en from './locales/en.json'
import type { ContentTexts, QuestionsFile, RolesFile, ScoringFile } from './schema'

export const content = assembleContent(scoring as ScoringFile, questions as QuestionsFile, roles as RolesFile)

export const LOCALES = ['en', 'es'] as const
export type Locale = (typeof LOCALES)[number]

/** English ships with the first screen; other languages are added by loadContentTexts. */
export const contentTexts: { en: ContentTexts } & Partial<Record<Locale, ContentTexts>> = { en }

const CONTENT_WORDS: Record<Locale, () => Promise<ContentTexts>> = {
  en: async () => en,
  es: async () => (await import('./locales/es.json')).default,
}

/** Loads a language's content texts (questions, options, roles) once. */
export async function loadContentTexts(locale: Locale): Promise<ContentTexts> {
  return (contentTexts[locale] ??= await CONTENT_WORDS[locale]())
}
