/**
 * The content files, fully checked: what the build, the tests and the command line
 * load. A mistake throws a ContentError naming the file, the entry and the field.
 */
import { buildContent, buildTexts } from './validate'
import { buildLocalPrograms } from './local-programs'
import { buildNextStepsTexts, buildOccupations, type NextStepsTexts } from './next-steps-schema'
import occupationsFile from './occupations.json'
import localProgramsFile from './local-programs.json'
import nextStepsEn from './locales/next-steps.en.json'
import nextStepsEs from './locales/next-steps.es.json'
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
  const occupations = buildOccupations(occupationsFile, content)
  const nextStepsTexts: Record<Locale, NextStepsTexts> = {
    en: buildNextStepsTexts(occupations, content, nextStepsEn, 'locales/next-steps.en.json'),
    es: buildNextStepsTexts(occupations, content, nextStepsEs, 'locales/next-steps.es.json'),
  }
  const localPrograms = buildLocalPrograms(localProgramsFile)
  return { content, contentTexts, occupations, nextStepsTexts, localPrograms }
}
