import { afterEach, beforeEach, describe, expect, it as vitestIt } from 'vitest'
import { CSV_COLUMNS, type CounselorStore } from '../../../src/storage'
import { csvCell } from '../../../src/storage/sessions-csv'
import { ROLE_IDS } from '../../../src/domain/types'
import { content } from '../../../src/content/index'
import { sessionOutcome } from '../../../src/domain/program-summary'
import { scoreAnswers } from '../../../src/domain/scoring'
import { sessionResultOf } from '../../../src/domain/session-result'
import { PERSONAS } from '../../fixtures/personas'
import { SAMPLE_RESULT, makeTempFolder, openInFolder, removeFolder, sampleSession } from './helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

/** Every test here drives the real encrypted store: STORE_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, STORE_TEST_TIMEOUT)

describe('csvCell', () => {
  it('quotes every field and doubles inner quotes', () => {
    expect(csvCell('plain')).toBe('"plain"')
    expect(csvCell('')).toBe('""')
    expect(csvCell('say "hi", then leave')).toBe('"say ""hi"", then leave"')
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"')
  })

  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const dangerous of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(dangerous)).toBe(`"'${dangerous.replaceAll('"', '""')}"`)
    }
    expect(csvCell('Ana = friend')).toBe('"Ana = friend"')
    expect(csvCell('42')).toBe('"42"')
  })
})

describe('exportSessionsCsv', () => {
  let folder: string
  let store: CounselorStore
  beforeEach(async () => {
    folder = await makeTempFolder()
    store = (await openInFolder(folder)).store
  })
  afterEach(async () => {
    await store.close()
    await removeFolder(folder)
  })

  function lines(csv: string): string[] {
    expect(csv.endsWith('\r\n')).toBe(true)
    return csv.slice(1, -2).split('\r\n')
  }

  it('is UTF-8 with a byte-order mark, CRLF lines, a header, one row per session and a column per role', async () => {
    const client = await store.createClient({ displayName: 'Zoë "Z" Müller' })
    const finished = await store.saveSession(sampleSession(client.id))
    const unfinished = await store.saveSession({
      clientId: client.id,
      startedAt: '2026-03-03T10:00:00Z',
      locale: 'en',
      answers: {},
    })
    const csv = await store.exportSessionsCsv()
    const outcome = sessionOutcome(content, finished)!
    expect([...new TextEncoder().encode(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
    const [header, ...rows] = lines(csv)
    expect(header).toBe(CSV_COLUMNS.map((column) => `"${column}"`).join(','))
    expect(CSV_COLUMNS.filter((column) => column.startsWith('fit_'))).toHaveLength(6)
    expect(rows).toEqual([
      [
        finished.id,
        client.id,
        'Zoë ""Z"" Müller',
        '2026-03-02T14:00:00.000Z',
        '2026-03-02T14:35:10.000Z',
        'es-US',
        SAMPLE_RESULT.contentVersion,
        'trainer',
        ...ROLE_IDS.map((role) => String(SAMPLE_RESULT.fits[role])),
        outcome.lead,
        outcome.bringsBackground ? 'yes' : 'no',
        outcome.gaps.join('; '),
      ]
        .map((value) => `"${value}"`)
        .join(','),
      [
        unfinished.id,
        client.id,
        'Zoë ""Z"" Müller',
        '2026-03-03T10:00:00.000Z',
        '',
        'en',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]
        .map((value) => `"${value}"`)
        .join(','),
    ])
  })

  it('agrees with the program summary: the same sessions, best fits, leads and background counts', async () => {
    const client = await store.createClient({ displayName: 'Counted' })
    for (const persona of PERSONAS.slice(0, 4)) {
      const result = sessionResultOf(scoreAnswers(content, persona.answers))
      await store.saveSession(sampleSession(client.id, { answers: structuredClone(persona.answers), result }))
    }
    await store.saveSession({ clientId: client.id, startedAt: '2026-03-03T10:00:00Z', locale: 'en', answers: {} })
    const [header, ...rows] = lines(await store.exportSessionsCsv())
    const column = (name: string) => header!.split(',').indexOf(`"${name}"`)
    const cells = rows.map((row) => row.split(',').map((cell) => cell.slice(1, -1)))
    const counted = (name: string, value: string) => cells.filter((row) => row[column(name)] === value).length
    const summary = await store.summarizeSessions()
    expect(summary.sessions).toBe(rows.length)
    expect(summary.finished).toBe(cells.filter((row) => row[column('completed_at')] !== '').length)
    for (const role of ROLE_IDS) expect(summary.bestFit[role]).toBe(counted('best_fit', role))
    for (const [kind, count] of Object.entries(summary.lead)) expect(count).toBe(counted('lead', kind))
    expect(summary.bringsBackground).toBe(counted('brings_background', 'yes'))
    expect(summary.finished - summary.bringsBackground).toBe(counted('brings_background', 'no'))
  })

  it('neutralises formula injection in client names', async () => {
    const client = await store.createClient({ displayName: "=cmd|' /C calc'!A0" })
    await store.saveSession(sampleSession(client.id))
    const [, row] = lines(await store.exportSessionsCsv())
    expect(row).toContain(`"'=cmd|' /C calc'!A0"`)
  })

  it('exports only sessions started in [from, to) when given a range', async () => {
    const client = await store.createClient({ displayName: 'Ranged' })
    for (const startedAt of [
      '2026-01-31T23:59:59Z',
      '2026-02-01T00:00:00Z',
      '2026-02-28T23:59:59Z',
      '2026-03-01T00:00:00Z',
    ]) {
      await store.saveSession(sampleSession(client.id, { startedAt }))
    }
    const started = async (range: { from?: string; to?: string }) =>
      lines(await store.exportSessionsCsv(range))
        .slice(1)
        .map((row) => row.split(',')[3])
    expect(await started({ from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' })).toEqual([
      '"2026-02-01T00:00:00.000Z"',
      '"2026-02-28T23:59:59.000Z"',
    ])
    expect(await started({ from: '2026-02-01T01:00:00+01:00' })).toHaveLength(3)
    expect(await started({ to: '2026-02-01T00:00:00Z' })).toEqual(['"2026-01-31T23:59:59.000Z"'])
    expect(await started({})).toHaveLength(4)
  })

  it('refuses a backwards or malformed range, naming it', async () => {
    await expect(
      store.exportSessionsCsv({ from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'Could not export: "range" must have "from" before "to".',
    })
    await expect(store.exportSessionsCsv({ from: 'March' })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'from',
    })
  })
})
