/** The English words split for start-up (src/i18n/word-parts.ts): nothing lost, nothing twice, the first screens' words first. */
import { describe, expect, it } from 'vitest'
import en from '../../../src/i18n/en'
import { flattenMessages } from '../../../src/i18n/translate'
import { splitWords } from '../../../src/i18n/word-parts'
import { readSource, startupFiles } from '../../fixtures/startup-files'

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

  it('keeps every word the start-up script uses in the first part', () => {
    // The start-up script is src/main.ts and what it imports statically; import() is loaded later.
    // A kiosk's timer and text size buttons load on demand but show before any later screen has
    // loaded the later words, so their words count too.
    const shownBeforeLaterScreens = ['src/components/KioskIdle.vue', 'src/components/TextSizeControl.vue']
    const files = [...new Set(['src/main.ts', ...shownBeforeLaterScreens].flatMap((entry) => startupFiles(entry)))]
    expect(files).toContain('src/views/QuestionView.vue')
    expect(files).not.toContain('src/views/ResultsView.vue')
    // Every quoted English key counts, not only t('…'): keys chosen by a condition or passed as props too.
    // Not a flash message (say('…')): the page it goes to is shown after its words have loaded.
    const used = files.flatMap((file) =>
      [...readSource(file).matchAll(/(?<!say\()'([\w-]+(?:\.[\w-]+)+)'/g)]
        .map((match) => match[1]!)
        .filter((key) => firstKeys.has(key) || laterKeys.has(key)),
    )
    expect(used.length).toBeGreaterThan(20)
    expect(used).toEqual(expect.arrayContaining(['question.errors.missing', 'startOver.label', 'kiosk.idleTitle']))
    expect(used.filter((key) => !firstKeys.has(key))).toEqual([])
    // Keys made at run time (t(`hostErrors.${code}`)) need their whole section first.
    const made = files.flatMap((file) =>
      [...readSource(file).matchAll(/\bt\(\s*`([\w.-]+)\.\$\{/g)].map((match) => match[1]!),
    )
    for (const prefix of made)
      expect(
        [...laterKeys].filter((key) => key.startsWith(`${prefix}.`)),
        prefix,
      ).toEqual([])
  })

  it('moves the result and counselor words out of the start-up script', () => {
    expect([...laterKeys].some((key) => key.startsWith('results.'))).toBe(true)
    expect([...laterKeys].filter((key) => key.startsWith('counselor.')).length).toBeGreaterThan(50)
  })
})
