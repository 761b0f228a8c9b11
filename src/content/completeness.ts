/**
 * Compares a translation with the English original, text by text: every key
 * present on both sides, no empty text, the same {placeholders}, and no text
 * left in English by mistake. Pure: no Vue, DOM or Node, so the app, the CLI and
 * the tests can all use it.
 *
 * Objects are compared key by key and arrays index by index. A problem names the
 * text by its path, e.g. `roles.trainer.jobTitles[1]` or `results.fit`.
 */
import { PLACEHOLDER } from '../i18n/translate'

export type ProblemKind =
  /** The English has a text the translation lacks. */
  | 'missing'
  /** The translation has a text the English lacks. */
  | 'extra'
  /** One side has a text where the other has a group (or a list), or the kinds of value differ. */
  | 'type'
  /** A text is empty or only spaces, in either language. */
  | 'empty'
  /** The two texts do not use the same {placeholder} names. */
  | 'placeholders'
  /** The translation is exactly the English text and the path is not allowed to be. */
  | 'identical'
  /** A path is allowed to be identical but is not (or does not exist): the allowance is stale. */
  | 'unused_allowance'
  /** A text has a brace that is not part of a `{name}` placeholder (only with `messageSyntax`). */
  | 'syntax'

export interface Problem {
  kind: ProblemKind
  /** Where the text is, e.g. `questions.license_held.options.no`; `(root)` for the whole file. */
  path: string
  message: string
}

export interface CompareOptions {
  /**
   * Also refuse any `{` or `}` that is not part of a simple `{name}` placeholder, in
   * either language. Use it for interface messages, whose placeholders the translator
   * fills: a stray brace is almost always a broken placeholder.
   */
  messageSyntax?: boolean
}

/** The distinct {placeholder} names a text uses, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort()
}

/** The braces a text uses outside its {placeholders}. */
export function syntaxCharactersOf(text: string): string[] {
  const rest = text.replace(PLACEHOLDER, '')
  return [...new Set(rest.match(/[{}]/g) ?? [])]
}

type Kind = 'text' | 'list' | 'group' | 'other'

function kindOf(value: unknown): Kind {
  if (typeof value === 'string') return 'text'
  if (Array.isArray(value)) return 'list'
  if (value !== null && typeof value === 'object') return 'group'
  return 'other'
}

const KIND_NAMES: Record<Kind, string> = { text: 'a text', list: 'a list', group: 'a group of texts', other: 'a value' }

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return path ? `${path}.${key}` : key
}

const shown = (path: string) => path || '(root)'

/**
 * Every problem found comparing `other` (a translation) with `en` (the original).
 * `allowIdentical` lists the paths whose translation may legitimately equal the
 * English, e.g. an acronym or a product name; an allowance that no longer
 * applies is itself reported, so the list stays short and true.
 */
export function compareTranslations(
  en: unknown,
  other: unknown,
  allowIdentical: Iterable<string> = [],
  options: CompareOptions = {},
): Problem[] {
  const problems: Problem[] = []
  const allowed = new Set(allowIdentical)
  const usedAllowances = new Set<string>()
  const add = (kind: ProblemKind, path: string, message: string) => problems.push({ kind, path: shown(path), message })

  const checkText = (text: string, path: string, language: string) => {
    if (text.trim() === '') add('empty', path, `the ${language} text is empty`)
    if (options.messageSyntax) {
      const characters = syntaxCharactersOf(text)
      if (characters.length > 0)
        add(
          'syntax',
          path,
          `the ${language} text uses ${characters.map((c) => `"${c}"`).join(', ')}, which the translator would show as it is`,
        )
    }
  }

  const walk = (a: unknown, b: unknown, path: string) => {
    const kindA = kindOf(a)
    const kindB = kindOf(b)
    if (kindA !== kindB) {
      add('type', path, `the English has ${KIND_NAMES[kindA]} here but the translation has ${KIND_NAMES[kindB]}`)
      return
    }
    if (kindA === 'text') {
      const textA = a as string
      const textB = b as string
      checkText(textA, path, 'English')
      checkText(textB, path, 'translated')
      const namesA = placeholdersOf(textA)
      const namesB = placeholdersOf(textB)
      if (namesA.join() !== namesB.join()) {
        const list = (names: string[]) => (names.length ? names.map((n) => `{${n}}`).join(', ') : 'none')
        add(
          'placeholders',
          path,
          `placeholders differ: English has ${list(namesA)}, the translation has ${list(namesB)}`,
        )
      }
      if (textA.trim() !== '' && textA.trim() === textB.trim()) {
        if (allowed.has(shown(path))) usedAllowances.add(shown(path))
        else add('identical', path, `the translation is the same as the English ("${textA.trim()}")`)
      }
      return
    }
    if (kindA === 'list') {
      const listA = a as unknown[]
      const listB = b as unknown[]
      listA.forEach((item, i) => {
        if (i < listB.length) walk(item, listB[i], childPath(path, i))
        else add('missing', childPath(path, i), 'the translation lacks this item')
      })
      for (let i = listA.length; i < listB.length; i++) add('extra', childPath(path, i), 'the English has no such item')
      return
    }
    if (kindA === 'group') {
      const groupA = a as Record<string, unknown>
      const groupB = b as Record<string, unknown>
      for (const key of Object.keys(groupA)) {
        if (Object.hasOwn(groupB, key)) walk(groupA[key], groupB[key], childPath(path, key))
        else add('missing', childPath(path, key), 'the translation lacks this text')
      }
      for (const key of Object.keys(groupB)) {
        if (!Object.hasOwn(groupA, key)) add('extra', childPath(path, key), 'the English has no such text')
      }
      return
    }
    if (!Object.is(a, b)) add('type', path, `the values differ: ${String(a)} and ${String(b)}`)
  }

  walk(en, other, '')
  for (const path of allowed) {
    if (!usedAllowances.has(path))
      add(
        'unused_allowance',
        path,
        'allowed to match the English, but it does not (or does not exist): remove it from the list',
      )
  }
  return problems
}

/** One line per problem, for error messages and reports. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path}: ${p.kind}: ${p.message}`).join('\n')
}
