import { describe, expect, it } from 'vitest'
import enContent from '../../../src/content/locales/en.json'
import esContent from '../../../src/content/locales/es.json'
import enInterface from '../../../src/i18n/en'
import esInterface from '../../../src/i18n/es'
import { content } from '../../../src/content/index'
import { buildTexts } from '../../../src/content/validate'
import {
  compareTranslations,
  placeholdersOf,
  syntaxCharactersOf,
  type Problem,
} from '../../../src/content/completeness'

/**
 * Content texts (es.json) that may be word for word the same as the English.
 * Keep this short: every entry needs a reason, and an entry that stops matching
 * fails the test (kind "unused_allowance") so it gets removed.
 */
const CONTENT_ALLOWED_IDENTICAL = [
  // "No" is the same word in Spanish. These four answer options are a plain "No",
  // and a longer Spanish wording would change the answer's meaning or weight.
  'questions.license_held.options.no',
  'questions.leadership.options.none',
  'questions.teaching.options.never',
  'questions.go_live.options.no',
]

/** Interface words (es.ts) that may be word for word the same as the English. */
const INTERFACE_ALLOWED_IDENTICAL = [
  // The product's name. It stays in English, as on the desktop shortcut, the
  // installer and the window title, so staff and job seekers call it the same thing.
  'app.name',
  // "Error:" is spelled the same in Spanish (read out by screen readers before a message).
  'question.errorPrefix',
]

const kinds = (problems: Problem[]) => problems.map((p) => `${p.kind} ${p.path}`)

describe('compareTranslations', () => {
  it('accepts a complete translation', () => {
    const en = { a: 'Hello {name}', list: ['One', 'Two'], group: { b: 'Yes' } }
    const es = { a: 'Hola {name}', list: ['Uno', 'Dos'], group: { b: 'Sí' } }
    expect(compareTranslations(en, es)).toEqual([])
  })

  it('finds a key missing from the translation, and one missing from the English', () => {
    const problems = compareTranslations({ a: 'Yes', b: { c: 'Back' } }, { a: 'Sí', b: {}, d: 'Extra' })
    expect(kinds(problems)).toEqual(['missing b.c', 'extra d'])
  })

  it('compares lists item by item', () => {
    expect(kinds(compareTranslations({ l: ['One', 'Two', 'Three'] }, { l: ['Uno', 'Dos'] }))).toEqual(['missing l[2]'])
    expect(kinds(compareTranslations({ l: ['One'] }, { l: ['Uno', 'Dos'] }))).toEqual(['extra l[1]'])
    expect(kinds(compareTranslations({ l: [{ t: 'One' }] }, { l: [{}] }))).toEqual(['missing l[0].t'])
  })

  it('finds empty texts in either language', () => {
    expect(kinds(compareTranslations({ a: 'Next', b: '' }, { a: '  ', b: 'Vacío' }))).toEqual(['empty a', 'empty b'])
    expect(compareTranslations({ a: 'Next' }, { a: '' })[0]!.message).toMatch(/translated text is empty/)
    expect(compareTranslations({ b: ' ' }, { b: 'Vacío' })[0]!.message).toMatch(/English text is empty/)
  })

  it('finds placeholders that differ', () => {
    const problems = compareTranslations(
      { a: 'Question {current} of {total}', b: 'Fit: {fit}', c: 'Hi {name}' },
      { a: 'Pregunta {actual} de {total}', b: 'Compatibilidad', c: 'Hola {name} {name}' },
    )
    expect(kinds(problems)).toEqual(['placeholders a', 'placeholders b'])
    expect(problems[0]!.message).toMatch(
      /English has \{current\}, \{total\}, the translation has \{actual\}, \{total\}/,
    )
    expect(problems[1]!.message).toMatch(/the translation has none/)
  })

  it('finds a text left in English, unless its path is allowed', () => {
    const en = { a: 'Start', b: 'EHR', nested: { list: ['Trainer'] } }
    const es = { a: 'Start ', b: 'EHR', nested: { list: ['Trainer'] } }
    expect(kinds(compareTranslations(en, es))).toEqual(['identical a', 'identical b', 'identical nested.list[0]'])
    expect(kinds(compareTranslations(en, es, ['a', 'b', 'nested.list[0]']))).toEqual([])
  })

  it('reports an allowance that no longer applies', () => {
    expect(kinds(compareTranslations({ a: 'Start' }, { a: 'Comenzar' }, ['a', 'gone']))).toEqual([
      'unused_allowance a',
      'unused_allowance gone',
    ])
  })

  it('finds a text where the other language has a group or list', () => {
    expect(kinds(compareTranslations({ a: 'Text', b: ['x'] }, { a: { x: 'Texto' }, b: 'x' }))).toEqual([
      'type a',
      'type b',
    ])
    expect(kinds(compareTranslations('Hello', { a: 'Hola' }))).toEqual(['type (root)'])
  })

  it('with messageSyntax, finds braces that are not a placeholder', () => {
    const en = { a: 'Fit: {fit}', b: 'Write to help', c: 'Costs 5' }
    const es = { a: 'Compatibilidad: { fit }', b: 'Escriba a ayuda@example.org | $5', c: 'Cuesta 5 {no es} nombre' }
    expect(kinds(compareTranslations(en, es))).toEqual([])
    const problems = compareTranslations(en, es, [], { messageSyntax: true })
    expect(kinds(problems)).toEqual(['syntax c'])
    expect(problems[0]!.message).toMatch(/"\{", "\}"/)
  })

  it('reads placeholder names and syntax characters', () => {
    expect(placeholdersOf('Part {number} of 3: {title} {number}')).toEqual(['number', 'title'])
    expect(placeholdersOf('No placeholders')).toEqual([])
    expect(syntaxCharactersOf('Part {number}: ok')).toEqual([])
    expect(syntaxCharactersOf('a@b | {')).toEqual(['{'])
  })
})

describe('the Spanish content (src/content/locales/es.json)', () => {
  it('has every English text, translated, with the same placeholders', () => {
    expect(compareTranslations(enContent, esContent, CONTENT_ALLOWED_IDENTICAL)).toEqual([])
  })

  it('passes the same checks the app runs when it loads a language', () => {
    expect(() => buildTexts(content, esContent, 'locales/es.json')).not.toThrow()
  })

  it('keeps the honesty markers: the ONC material and our suggestions are told apart', () => {
    for (const role of ['implementation_manager', 'implementation_support', 'technical_support'] as const) {
      expect(enContent.roles[role].background).toMatch(/^ONC material we could check does not say\./)
      expect(esContent.roles[role].background).toMatch(
        /^Los materiales de la ONC que pudimos revisar no lo dicen\. Sugerimos/,
      )
    }
    expect(esContent.roles.redesign_specialist.work).toContain('No es profesional con licencia clínica.')
  })
})

describe('the Spanish interface words (src/i18n/es.ts)', () => {
  it('has every English text, translated, with the same placeholders and no stray braces', () => {
    expect(compareTranslations(enInterface, esInterface, INTERFACE_ALLOWED_IDENTICAL, { messageSyntax: true })).toEqual(
      [],
    )
  })

  it('says which words are ours, not ONC’s', () => {
    expect(esInterface.results.training.ours).toBe('Sugerencia nuestra, no de la ONC')
    expect(esInterface.results.jobTitlesNote).toMatch(/no de la ONC/)
  })
})
