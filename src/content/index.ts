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
import es from './locales/es.json'
import type { ContentTexts, QuestionsFile, RolesFile, ScoringFile } from './schema'

export const content = assembleContent(scoring as ScoringFile, questions as QuestionsFile, roles as RolesFile)

export const LOCALES = ['en', 'es'] as const
export type Locale = (typeof LOCALES)[number]

export const contentTexts: Record<Locale, ContentTexts> = { en, es }
