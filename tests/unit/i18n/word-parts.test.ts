/** The English words split for start-up (src/i18n/word-parts.ts): nothing lost, nothing twice, the first screens' words first. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import en from '../../../src/i18n/en'
import { flattenMessages } from '../../../src/i18n/translate'
import { splitWords } from '../../../src/i18n/word-parts'

const { first, later } = splitWords(en)
const firstKeys = new Set(flattenMessages(first).keys())
const laterKeys = new Set(flattenMessages(later).keys())

describe('the English words in two parts', () => {
  it('puts every key in exactly one part, with its words', () => {
    const all = flattenMessages(en)
    expect(firstKeys.size + laterKeys.size).toBe(all.size)
    for (const [key, text] of all) {
      expect(firstKeys.has(key) !== laterKeys.has(key), key).toBe(true)
      expect(flattenMessages(firstKeys.has(key) ? first : later).get(key)).toBe(text)
    }
  })

  it('keeps every word the start-up screens use in the first part', () => {
    // The app shell and everything it and the welcome and question screens render.
    const files = [
      'src/App.vue',
      'src/views/WelcomeView.vue',
      'src/views/QuestionView.vue',
      ...['ChoiceQuestion', 'ErrorSummary', 'StepIndicator', 'LanguageSwitch', 'TextSizeControl', 'IdleWarning'].map(
        (name) => `src/components/${name}.vue`,
      ),
      'src/components/counselor/GuidedBanner.vue',
      'src/components/counselor/CounselorNote.vue',
    ]
    const used = files.flatMap((file) =>
      [...readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8').matchAll(/\bt\('([\w.-]+)'/g)].map(
        (match) => match[1]!,
      ),
    )
    expect(used.length).toBeGreaterThan(20)
    expect(used.filter((key) => !firstKeys.has(key))).toEqual([])
  })

  it('moves the result and counselor words out of the start-up script', () => {
    expect([...laterKeys].some((key) => key.startsWith('results.'))).toBe(true)
    expect([...laterKeys].filter((key) => key.startsWith('counselor.')).length).toBeGreaterThan(50)
  })
})
