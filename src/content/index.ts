/**
 * The app's content, ready to score. These files are checked (shapes, links between
 * them, a text for every id in every language) before they can ship: by the build
 * (vite.config.ts runs checked.ts and stops on any mistake), by `npm test`, and by
 * the command line. The app itself only assembles them, so it starts without a
 * validation library.
 */
import { loadOnce } from '../shared/load-once'
import { assembleContent, type EngineRolesFile } from './assemble'
import questions from './questions.json'
import roles from './roles.json'
import scoring from './scoring.json'
import englishFirst from './en-first'
import localProgramsFile from './local-programs.json'
import type { ContentTexts, QuestionsFile, ScoringFile } from './schema'
import type { LocalPrograms } from './local-programs'
import type { NextStepsTexts, OccupationsFile } from './next-steps-schema'

export const content = assembleContent(scoring as ScoringFile, questions as QuestionsFile, roles as EngineRolesFile)

export const LOCALES = ['en', 'es'] as const
export type Locale = (typeof LOCALES)[number]

/**
 * English ships with the first screen (the roles' and exams' words once loadLaterEnglishTexts
 * has run: see text-parts.ts); other languages are added whole by loadContentTexts.
 */
const en = { ...englishFirst } as ContentTexts
export const contentTexts: { en: ContentTexts } & Partial<Record<Locale, ContentTexts>> = { en }

/** Adds the English texts the first screens do not need (roles, exams). Safe to call often; a failed load may be tried again. */
export const loadLaterEnglishTexts: () => Promise<void> = loadOnce(async () => {
  Object.assign(en, (await import('./en-later')).default)
})

const CONTENT_WORDS: Record<Locale, () => Promise<ContentTexts>> = {
  en: async () => (await loadLaterEnglishTexts(), en),
  es: async () => (await import('./locales/es.json')).default,
}

/** Loads a language's content texts (questions, options, roles) once. */
export async function loadContentTexts(locale: Locale): Promise<ContentTexts> {
  return (contentTexts[locale] ??= await CONTENT_WORDS[locale]())
}

/** A workforce center's own programs and contacts (empty unless the center fills in local-programs.json). */
export const localPrograms = localProgramsFile as LocalPrograms

export interface NextSteps {
  /** Today's occupations, certifications and public tools per role, each with its source (our matching). */
  occupations: OccupationsFile
  texts: NextStepsTexts
}

const NEXT_STEPS_WORDS: Record<Locale, () => Promise<NextStepsTexts>> = {
  en: async () => (await import('./locales/next-steps.en.json')).default as NextStepsTexts,
  es: async () => (await import('./locales/next-steps.es.json')).default as NextStepsTexts,
}

/**
 * Occupations and next steps in one language. They load when a result is shown, so
 * they add nothing to the first screen's script.
 */
export async function loadNextSteps(locale: Locale): Promise<NextSteps> {
  const [occupations, texts] = await Promise.all([
    import('./occupations.json').then((m) => m.default as OccupationsFile),
    NEXT_STEPS_WORDS[locale](),
  ])
  return { occupations, texts }
}
