/**
 * The content files, fully checked: what the build, the tests and the command line
 * load. A mistake throws a ContentError naming the file, the entry and the field.
 */
import { buildContent, buildTexts } from './validate'
import questions from './questions.json'
import roles from './roles.json'
import scoring from './scoring.json'
import en from './locales/en.json'
import es from './locales/es.json'
import type { Locale } from './index'
import type { ContentTexts } from './schema'

export function loadCheckedContent() {
  const content = buildContent({ 'scoring.json': scoring, 'questions.json': questions, 'roles.json': roles })
  const contentTexts: Record<Locale, ContentTexts> = {
    en: buildTexts(content, en, 'locales/en.json'),
    es: buildTexts(content, es, 'locales/es.json'),
  }
  return { content, contentTexts }
}
