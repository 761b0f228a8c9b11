/**
 * Every word a person reads, in both languages, at school grade 8 or below, measured
 * with the hand-written measure in readability-measure.ts (Flesch–Kincaid for English,
 * Fernández-Huerta turned into a grade for Spanish).
 *
 * - Per text: every text of at least MIN_WORDS words is at grade CEILING or below. Shorter
 *   texts (labels, buttons, headings) are too short for a grade formula to mean much;
 *   they count in the overall figure.
 * - Overall: all the texts of a file together, at grade CEILING or below.
 * - Names we cannot change (ONC's role names, organizations, tools, occupation titles,
 *   credentials and exam codes) and {placeholders} count as one short word, web
 *   addresses are left out, and a Spanish gender ending such as "(a)" is not a word.
 * The figures are printed on every run.
 */
import { describe, expect, it } from 'vitest'
import enContent from '../../../src/content/locales/en.json'
import esContent from '../../../src/content/locales/es.json'
import enNext from '../../../src/content/locales/next-steps.en.json'
import esNext from '../../../src/content/locales/next-steps.es.json'
import occupations from '../../../src/content/occupations.json'
import enInterface from '../../../src/i18n/en'
import esInterface from '../../../src/i18n/es'
import {
  add,
  countText,
  englishSyllables,
  gradeFromEase,
  measure,
  sentencesOf,
  spanishSyllables,
  wordsOf,
  type Counts,
  type Language,
} from './readability-measure'

const CEILING = 8
const MIN_WORDS = 10

/** Names: said as they are, in any language. */
const NAMES = [
  ...Object.values(enContent.roles).map((r) => r.name),
  ...Object.values(esContent.roles).map((r) => r.name),
  ...Object.values(enNext.occupations).map((o) => o.title),
  ...Object.values(esNext.occupations).map((o) => o.title),
  ...Object.values(enNext.tools).map((t) => t.name),
  ...Object.values(esNext.tools).map((t) => t.name),
  ...occupations.certifications.flatMap((c) => [c.name, c.issuer]),
  'Health IT Role Finder',
  'Office of the National Coordinator for Health IT',
  'Oficina del Coordinador Nacional de Tecnología de la Información de Salud',
  'Oficina del Coordinador Nacional de TI de Salud',
  'U.S. Department of Health and Human Services',
  'Departamento de Salud y Servicios Humanos de los EE. UU.',
  'American Job Center',
  'CareerOneStop',
  'My Next Move',
  'O*NET',
  'HIT Pro',
  'AHIMA',
  'USDOL/ETA',
].sort((a, b) => b.length - a.length)

function prepare(text: string): string {
  let out = text
    .replace(/\{\s*\w+\s*\}/g, 'X')
    // Exam codes such as CHTS-CP are names too.
    .replace(/CHTS-[A-Z]{2}/g, 'X')
    // Spanish gender endings such as enfermero(a) are one word, read once.
    .replace(/\((?:a|as|os|es)\)/g, '')
  for (const name of NAMES) out = out.split(name).join('X')
  return out
}

function* textsOf(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value]
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* textsOf(item, `${path}[${i}]`)
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* textsOf(item, path ? `${path}.${key}` : key)
}

const FILES: [string, unknown, Language][] = [
  ['src/content/locales/en.json', enContent, 'en'],
  ['src/content/locales/es.json', esContent, 'es'],
  ['src/content/locales/next-steps.en.json', enNext, 'en'],
  ['src/content/locales/next-steps.es.json', esNext, 'es'],
  ['src/i18n/en.ts', enInterface, 'en'],
  ['src/i18n/es.ts', esInterface, 'es'],
]

interface Block {
  path: string
  words: number
  grade: number
}

function measureFile(data: unknown, language: Language) {
  let total: Counts = { words: 0, sentences: 0, syllables: 0 }
  const blocks: Block[] = []
  for (const [path, text] of textsOf(data)) {
    const counts = countText(prepare(text), language)
    if (counts.words === 0) continue
    total = add(total, counts)
    if (counts.words >= MIN_WORDS) blocks.push({ path, words: counts.words, grade: measure(counts, language).grade })
  }
  return { overall: measure(total, language), blocks: blocks.sort((a, b) => b.grade - a.grade) }
}

describe('readability of every text a person reads', () => {
  const figures = FILES.map(([file, data, language]) => ({ file, language, ...measureFile(data, language) }))

  it('prints the figures', () => {
    const lines = figures.map(
      (f) =>
        `${f.file.padEnd(40)} overall grade ${f.overall.grade.toFixed(1).padStart(4)} (${f.overall.words} words)` +
        `  texts of ${MIN_WORDS}+ words: ${String(f.blocks.length).padStart(3)}, hardest ${f.blocks[0]!.grade.toFixed(1)} (${f.blocks[0]!.path})`,
    )
    console.log(`Readability (grade ceiling ${CEILING}):\n${lines.join('\n')}`)
    expect(figures).toHaveLength(FILES.length)
  })

  it.each(FILES.map(([file]) => file))('%s: overall at grade 8 or below', (file) => {
    const f = figures.find((x) => x.file === file)!
    expect(f.overall.grade).toBeLessThanOrEqual(CEILING)
  })

  it.each(FILES.map(([file]) => file))('%s: every text of 10 words or more at grade 8 or below', (file) => {
    const f = figures.find((x) => x.file === file)!
    const over = f.blocks.filter((b) => b.grade > CEILING).map((b) => `${b.grade.toFixed(1)} ${b.path}`)
    expect(over).toEqual([])
  })
})

describe('the readability measure', () => {
  it('counts English syllables by rule, close to a dictionary', () => {
    const words: [string, number][] = [
      ['the', 1],
      ['made', 1],
      ['needed', 2],
      ['places', 2],
      ['table', 2],
      ['create', 2],
      ['idea', 3],
      ['period', 3],
      ['information', 4],
      ['technology', 4],
      ['health', 1],
      ['license', 2],
      ['clinical', 3],
      ['experience', 4],
      ['implementation', 5],
      ['people', 2],
      ['quiet', 2],
      ['usually', 4],
      ['management', 3],
      ['EHR', 3],
    ]
    for (const [word, syllables] of words) expect(englishSyllables(word), word).toBe(syllables)
  })

  it('counts Spanish syllables with diphthongs joined and hiatus split', () => {
    const words: [string, number][] = [
      ['que', 1],
      ['salud', 2],
      ['información', 4],
      ['tecnología', 5],
      ['poeta', 3],
      ['país', 2],
      ['ciudad', 2],
      ['muy', 1],
      ['y', 1],
      ['pingüino', 3],
      ['aéreo', 4],
      ['capacitación', 5],
    ]
    for (const [word, syllables] of words) expect(spanishSyllables(word), word).toBe(syllables)
  })

  it('splits words and sentences', () => {
    expect(wordsOf('Read about it at https://www.mynextmove.org/ — it is free.')).toEqual([
      'Read',
      'about',
      'it',
      'at',
      'it',
      'is',
      'free',
    ])
    expect(sentencesOf('One. Two! Three? Four')).toBe(4)
    expect(sentencesOf('A heading without a stop')).toBe(1)
    expect(sentencesOf('It costs $1.50. Then you pass.')).toBe(2)
  })

  it('gives the Flesch–Kincaid grade in English and a Fernández-Huerta grade in Spanish', () => {
    // 0.39 × 10 + 11.8 × 1.5 − 15.59 = 6.01
    expect(measure({ words: 20, sentences: 2, syllables: 30 }, 'en').grade).toBeCloseTo(6.01, 2)
    // 206.84 − 60 × 2 − 1.02 × 10 = 76.64, between 70 (grade 6) and 80 (grade 5)
    const spanish = measure({ words: 20, sentences: 2, syllables: 40 }, 'es')
    expect(spanish.ease).toBeCloseTo(76.64, 2)
    expect(spanish.grade).toBeCloseTo(5.336, 2)
    expect(gradeFromEase(60)).toBe(8)
    expect(gradeFromEase(65)).toBe(7)
    expect(gradeFromEase(50)).toBe(12)
  })
})
