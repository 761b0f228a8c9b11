/** The English content texts split for start-up (src/content/text-parts.ts): question 1 first, nothing lost. */
import { describe, expect, it } from 'vitest'
import en from '../../../src/content/locales/en.json'
import questions from '../../../src/content/questions.json'
import type { ContentTexts } from '../../../src/content/schema'
import { LATER_TEXT_SECTIONS, splitContentTexts } from '../../../src/content/text-parts'

const texts = en as ContentTexts
const firstId = questions.questions[0]!.id
const { first, later } = splitContentTexts(texts, firstId)

describe('the English content texts in two parts', () => {
  it("ships only question 1's words of all the questions at start-up", () => {
    expect(Object.keys(first.questions ?? {})).toEqual([firstId])
    expect(first.questions?.[firstId]).toEqual(texts.questions[firstId])
  })

  it('gives back every text when the later part is added to the first, as loadLaterEnglishTexts does', () => {
    expect({ ...first, ...later }).toEqual(texts)
  })

  it('keeps the roles and exams for later, and the sections and scale first', () => {
    for (const section of LATER_TEXT_SECTIONS) {
      expect(later).toHaveProperty(section)
      expect(first).not.toHaveProperty(section)
    }
    expect(first.sections).toEqual(texts.sections)
    expect(first.likertScale).toEqual(texts.likertScale)
  })

  it('names the question when it has no words', () => {
    expect(() => splitContentTexts(texts, 'no_such_question')).toThrow('no_such_question')
  })
})
