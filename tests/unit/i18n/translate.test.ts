import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import en from '../../../src/i18n/en'
import { fillPlaceholders, flattenMessages } from '../../../src/i18n/translate'

describe('fillPlaceholders', () => {
  it('fills every {name}, also with spaces inside the braces and repeated', () => {
    expect(fillPlaceholders('Question {current} of { total }: {current}', { current: 3, total: 29 })).toBe(
      'Question 3 of 29: 3',
    )
  })

  it('keeps a placeholder without a param visible, and leaves texts without braces alone', () => {
    expect(fillPlaceholders('Hello {name}', {})).toBe('Hello {name}')
    expect(fillPlaceholders('Hello {name}', { toString: 'x' })).toBe('Hello {name}')
    expect(fillPlaceholders('No braces', { name: 'x' })).toBe('No braces')
  })

  it('does not read special characters as syntax: what is written is what shows', () => {
    expect(fillPlaceholders('a@b.org | $5 {fit}', { fit: 7 })).toBe('a@b.org | $5 7')
  })
})

describe('flattenMessages', () => {
  it('gives each text its dotted key', () => {
    expect([...flattenMessages({ a: 'A', b: { c: 'C', d: { e: 'E' } } })]).toEqual([
      ['a', 'A'],
      ['b.c', 'C'],
      ['b.d.e', 'E'],
    ])
  })
})

/** Every `t('literal.key'…)` in the renderer's source. */
function literalKeys(folder: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const name of readdirSync(folder)) {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) {
      for (const [key, file] of literalKeys(path)) found.set(key, file)
    } else if (/\.(vue|ts)$/.test(name)) {
      for (const match of readFileSync(path, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) found.set(match[1]!, path)
    }
  }
  return found
}

describe('the interface words used in the source', () => {
  it('has an English text for every literal key the components ask for', () => {
    const english = flattenMessages(en)
    const used = literalKeys(join(__dirname, '../../../src'))
    expect(used.size).toBeGreaterThan(100)
    const missing = [...used].filter(([key]) => !english.has(key)).map(([key, file]) => `${key} (${file})`)
    expect(missing).toEqual([])
  })
})
