import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../../scripts/csv.mjs'

describe('parseCsv (scripts/csv.mjs)', () => {
  it('reads quoted fields with doubled quotes, commas and line breaks inside', () => {
    expect(parseCsv('"a","say ""hi"", then","two\nlines"\n"b","",x\n')).toEqual([
      ['a', 'say "hi", then', 'two\nlines'],
      ['b', '', 'x'],
    ])
  })

  it('takes CRLF line ends and a last line without one', () => {
    expect(parseCsv('id,name\r\n1,Ana\r\n2,Luis')).toEqual([
      ['id', 'name'],
      ['1', 'Ana'],
      ['2', 'Luis'],
    ])
  })

  it('gives no rows for empty text', () => {
    expect(parseCsv('')).toEqual([])
  })
})
