/**
 * The English content texts in two parts, as the interface words are (src/i18n/word-parts.ts):
 * the sections' and scale's words and the first question's ship in the start-up script; the
 * other questions', the roles' and the exams' words are fetched at the first answer, and any
 * screen past question 1 waits for them (loadLaterEnglishTexts, in src/main.ts).
 * locales/en.json stays one file: the app's build splits it with splitContentTexts
 * (vite.config.ts); anywhere else en-first.ts and en-later.ts are simply all of en.json.
 */
import type { ContentTexts } from './schema'

/** Sections of a content texts file that only results, role pages and the counselor area read. */
export const LATER_TEXT_SECTIONS = ['roles', 'exams'] as const satisfies readonly (keyof ContentTexts)[]

type Part = Partial<ContentTexts>

/**
 * Splits `texts` by section, every section into exactly one part, except the questions':
 * the first part has only the first question's words, the later part every question's, so
 * that adding the later part to the first (a shallow merge) gives all of them.
 */
export function splitContentTexts(texts: ContentTexts, firstQuestionId: string): { first: Part; later: Part } {
  const first: Record<string, unknown> = {}
  const later: Record<string, unknown> = {}
  for (const [section, words] of Object.entries(texts))
    ((LATER_TEXT_SECTIONS as readonly string[]).includes(section) ? later : first)[section] = words
  const firstQuestion = texts.questions[firstQuestionId]
  if (!firstQuestion) throw new Error(`Content texts: no words for the first question "${firstQuestionId}"`)
  first.questions = { [firstQuestionId]: firstQuestion }
  later.questions = texts.questions
  return { first: first as Part, later: later as Part }
}
