/**
 * The English content texts in two parts, as the interface words are (src/i18n/word-parts.ts):
 * the sections', scale's and questions' words ship in the start-up script; the roles' and
 * exams' words load with the first screen that needs them (loadLaterWords in src/i18n).
 * locales/en.json stays one file: the app's build splits it with splitContentTexts
 * (vite.config.ts); anywhere else en-first.ts and en-later.ts are simply all of en.json.
 */
import type { ContentTexts } from './schema'

/** Sections of a content texts file that only results, role pages and the counselor area read. */
export const LATER_TEXT_SECTIONS = ['roles', 'exams'] as const satisfies readonly (keyof ContentTexts)[]

type Part = Partial<ContentTexts>

/** Splits `texts` by section; every section lands in exactly one part. */
export function splitContentTexts(texts: ContentTexts): { first: Part; later: Part } {
  const first: Record<string, unknown> = {}
  const later: Record<string, unknown> = {}
  for (const [section, words] of Object.entries(texts))
    ((LATER_TEXT_SECTIONS as readonly string[]).includes(section) ? later : first)[section] = words
  return { first: first as Part, later: later as Part }
}
