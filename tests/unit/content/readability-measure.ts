/**
 * A hand-written readability measure for the app's words, in English and Spanish.
 *
 * English: the Flesch–Kincaid grade level,
 *   0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
 * Spanish: Fernández-Huerta's reading ease in the form corrected by Gwillim Law (2011),
 *   L = 206.84 − 60 × (syllables / words) − 1.02 × (words / sentences),
 * turned into a school grade with the scale published with the formula
 * (90–100 grade 4, 80–90 grade 5, 70–80 grade 6, 60–70 grades 7–8, 50–60 pre-university,
 * 30–50 selective courses, 0–30 university): a straight line between those band edges,
 * so L = 60 is grade 8, L = 70 grade 6 and L = 50 grade 12.
 *
 * Syllables are counted by rules (vowel groups, silent endings, Spanish diphthongs and
 * hiatus), not a dictionary: close enough for a ceiling, not for a single word.
 */

export type Language = 'en' | 'es'

export interface Counts {
  words: number
  sentences: number
  syllables: number
}

export interface Measure extends Counts {
  /** A US school grade: Flesch–Kincaid (English) or Fernández-Huerta converted (Spanish). */
  grade: number
  /** Fernández-Huerta's reading ease (Spanish only). */
  ease?: number
}

const LETTER = /[A-Za-zÀ-ÿ]/

/** English words that the rules below miscount, with their syllables. */
const ENGLISH_EXCEPTIONS: Record<string, number> = {
  business: 2,
  businesses: 3,
  science: 2,
  fluid: 2,
  people: 2,
  every: 2,
  everyone: 3,
  different: 3,
  several: 3,
  interest: 3,
  interested: 4,
  interests: 3,
  family: 3,
  general: 3,
  someone: 2,
  sometimes: 2,
  something: 2,
  whole: 1,
  once: 1,
  one: 1,
  done: 1,
  gone: 1,
  give: 1,
  have: 1,
  live: 1,
  move: 1,
  some: 1,
  come: 1,
  where: 1,
  there: 1,
  here: 1,
  were: 1,
  more: 1,
  before: 2,
  because: 2,
  online: 2,
  email: 2,
  website: 2,
  workplace: 2,
  software: 2,
  hardware: 2,
  database: 3,
  databases: 4,
  welcome: 2,
  coworker: 3,
  coworkers: 3,
}

/** Syllables in one English word (letters only). Acronyms are read letter by letter. */
export function englishSyllables(word: string): number {
  if (isAcronym(word)) return acronymSyllables(word)
  let w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (w.length === 0) return 0
  const known = ENGLISH_EXCEPTIONS[w] ?? ENGLISH_EXCEPTIONS[w.replace(/s$/, '')]
  if (known !== undefined) return known
  if (w.length <= 3) return 1
  // "qu" and "gu" before a vowel: the u is not a vowel sound ("quiet", "guide").
  w = w.replace(/([qg])u(?=[aeiouy])/g, '$1')
  // y before a vowel is a consonant ("employer", "layer"); at the start too ("year").
  w = w.replace(/y(?=[aeiou])/g, 'j')
  let count = (w.match(/[aeiouy]+/g) ?? []).length
  // Silent endings: "made", "lines", "lived" (but "able", "places", "needed" keep theirs).
  if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w) && count > 1) count--
  else if (/[^aeiouysxzgc]es$/.test(w) && !/(?:ch|sh)es$/.test(w) && count > 1) count--
  else if (/[^aeiouytd]ed$/.test(w) && count > 1) count--
  // A silent e before an ending: "management", "likely", "careful".
  if (/[^aeiouy]e(?:ment|ly|ful|fully|less|ness)s?$/.test(w)) count--
  // Vowel pairs said as two syllables: "area", "idea", "create", "radio", "period", "usually", "quiet", "being".
  count += (w.match(/[dr]eas?$|crea(?=t)|i[aou]|eo(?!p)|(?<![gq])u[ao]|(?<![ct])ie(?=[nt])|[aeiou]ing/g) ?? []).length
  // ...except in endings said as one: "nation", "special", "technician", "various".
  count -= (w.match(/(?:tion|sion|cian|tial|cial|ious)/g) ?? []).length
  return Math.max(1, count)
}

const SPANISH_VOWEL = /[aeiouáéíóúü]/
const SPANISH_STRONG = /[aeoáéóíú]/

/** Syllables in one Spanish word: vowel nuclei, with diphthongs joined and hiatus split. */
export function spanishSyllables(word: string): number {
  if (isAcronym(word)) return acronymSyllables(word)
  const w = word.toLowerCase().replace(/[^a-záéíóúüñ]/g, '')
  if (w === 'y') return 1
  let count = 0
  let previous = ''
  for (const letter of w) {
    if (!SPANISH_VOWEL.test(letter)) {
      previous = ''
      continue
    }
    // Two strong vowels (or an accented í/ú next to a vowel) are two syllables; otherwise a diphthong.
    const joins = previous !== '' && !(SPANISH_STRONG.test(previous) && SPANISH_STRONG.test(letter))
    if (!joins) count++
    previous = letter
  }
  return Math.max(1, count)
}

function isAcronym(word: string): boolean {
  return word.length >= 2 && /^[A-Z]+s?$/.test(word) && /[A-Z]{2}/.test(word)
}

function acronymSyllables(word: string): number {
  // Each letter is said on its own; W is three syllables ("double-u").
  return [...word.replace(/s$/, '')].reduce((n, letter) => n + (letter === 'W' ? 3 : 1), 0)
}

/** Words of a text: runs with a letter in them; numbers count as one short word. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .split(/[\s/–—-]+/)
    .map((t) => t.replace(/^[^A-Za-zÀ-ÿ0-9]+|[^A-Za-zÀ-ÿ0-9]+$/g, ''))
    .filter((t) => t.length > 0 && (LETTER.test(t) || /\d/.test(t)))
}

/** Sentences end at . ! ? (a text without an end mark is one sentence, like a heading). */
export function sentencesOf(text: string): number {
  const ends = text.replace(/\d\.\d/g, '0').match(/[.!?]+(?=\s|$|["”’)])/g) ?? []
  const trailing = /[.!?]["”’)]*\s*$/.test(text.trim()) ? 0 : 1
  return Math.max(1, ends.length + trailing)
}

export function countText(text: string, language: Language): Counts {
  const words = wordsOf(text)
  const syllablesOf = language === 'en' ? englishSyllables : spanishSyllables
  return {
    words: words.length,
    sentences: sentencesOf(text),
    syllables: words.reduce((n, w) => n + (/^\d/.test(w) ? 1 : syllablesOf(w)), 0),
  }
}

export function add(a: Counts, b: Counts): Counts {
  return { words: a.words + b.words, sentences: a.sentences + b.sentences, syllables: a.syllables + b.syllables }
}

export function measure(counts: Counts, language: Language): Measure {
  const wordsPerSentence = counts.words / counts.sentences
  const syllablesPerWord = counts.syllables / counts.words
  if (language === 'en') return { ...counts, grade: 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59 }
  const ease = 206.84 - 60 * syllablesPerWord - 1.02 * wordsPerSentence
  return { ...counts, ease, grade: gradeFromEase(ease) }
}

/** Band edges of the Fernández-Huerta scale: [reading ease, school grade at that edge]. */
const EASE_TO_GRADE: [number, number][] = [
  [100, 3],
  [90, 4],
  [80, 5],
  [70, 6],
  [60, 8],
  [50, 12],
  [30, 14],
  [0, 17],
]

export function gradeFromEase(ease: number): number {
  if (ease >= 100) return 3 - (ease - 100) / 10
  for (let i = 1; i < EASE_TO_GRADE.length; i++) {
    const [high, gradeAtHigh] = EASE_TO_GRADE[i - 1]!
    const [low, gradeAtLow] = EASE_TO_GRADE[i]!
    if (ease >= low) return gradeAtLow + ((gradeAtHigh - gradeAtLow) * (ease - low)) / (high - low)
  }
  return 17 + -ease / 10
}
