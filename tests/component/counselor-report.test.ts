import { afterEach, describe, expect, it } from 'vitest'
import { ROLE_IDS } from '../../src/domain/types'
import { PERSONAS } from '../fixtures/personas'
import { parseCsv } from '../../scripts/csv.mjs'
import { addSession, fill, mountCounselor, STORE_TEST_TIMEOUT, submit, unlockedHost, until } from './counselor-support'

afterEach(() => {
  document.body.innerHTML = ''
})

const trainer = PERSONAS.find((p) => p.expected === 'trainer')!
const manager = PERSONAS.find((p) => p.expected === 'implementation_manager')!

/** Three sessions of two clients, one named with a comma and quotes (CSV's hard cases). */
async function hostWithSessions() {
  const made = await unlockedHost()
  const rosa = await made.host.createClient({ displayName: 'Ana "Annie" López, Jr.' })
  const marcus = await made.host.createClient({ displayName: '=Marcus' })
  await addSession(made.host, rosa.id, trainer.answers, { startedAt: '2026-01-10T15:00:00.000Z' })
  await addSession(made.host, rosa.id, manager.answers, { startedAt: '2026-03-05T15:00:00.000Z' })
  await addSession(made.host, marcus.id, manager.answers, { startedAt: '2026-03-20T15:00:00.000Z' })
  return made
}

describe('export for reporting', () => {
  it(
    'saves a CSV with one row per session, a column per role, and counts the sessions first',
    async () => {
      const { host, state } = await hostWithSessions()
      const { wrapper } = await mountCounselor('/counselor/report', host)
      expect(wrapper.get('main h1').text()).toBe('Export for reporting')
      expect(wrapper.text()).toContain('The file has client names in it.')
      await until(() => wrapper.get('.report-count').text() === 'Sessions to export: 3', 'the count')

      await submit(wrapper)
      await until(() => state.files.length === 1, 'the CSV file')
      const file = state.files[0]!
      expect(file.mimeType).toBe('text/csv')
      expect(file.fileName).toMatch(/\.csv$/)
      expect(file.text.startsWith('\uFEFF')).toBe(true)
      const [header, ...rows] = parseCsv(file.text.slice(1))
      expect(header).toEqual(expect.arrayContaining(['session_id', 'client_name', 'started_at', 'best_fit']))
      for (const role of ROLE_IDS) expect(header).toContain(`fit_${role}`)
      expect(rows).toHaveLength(3)
      const column = (name: string) => rows.map((row) => row[header!.indexOf(name)])
      expect(column('client_name')).toEqual(['Ana "Annie" López, Jr.', 'Ana "Annie" López, Jr.', "'=Marcus"])
      expect(column('best_fit')).toEqual(['trainer', 'implementation_manager', 'implementation_manager'])
      for (const row of rows) {
        expect(row).toHaveLength(header!.length)
        for (const role of ROLE_IDS) expect(Number(row[header!.indexOf(`fit_${role}`)])).toBeGreaterThanOrEqual(0)
      }
      expect(wrapper.text()).toContain(`Saved the file ${file.fileName}. Sessions in the file: 3.`)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'exports only the sessions started between two days, both included',
    async () => {
      const { host, state } = await hostWithSessions()
      const { wrapper } = await mountCounselor('/counselor/report', host)
      await wrapper.get('#report-range').setValue(true)
      await submit(wrapper)
      const summary = wrapper.get('.error-summary')
      expect(summary.text()).toContain('Enter the first day')
      expect(summary.text()).toContain('Enter the last day')
      expect(state.files).toHaveLength(0)

      await fill(wrapper, { '#report-from': '2026-03-20', '#report-to': '2026-03-01' })
      await submit(wrapper)
      expect(wrapper.get('.error-summary').text()).toContain('The first day must be on or before the last day')

      await fill(wrapper, { '#report-from': '2026-03-01', '#report-to': '2026-03-20' })
      await until(() => wrapper.get('.report-count').text() === 'Sessions to export: 2', 'the count for March')
      await submit(wrapper)
      await until(() => state.files.length === 1, 'the CSV file')
      const [header, ...rows] = parseCsv(state.files[0]!.text.slice(1))
      expect(rows.map((row) => row[header!.indexOf('started_at')])).toEqual([
        '2026-03-05T15:00:00.000Z',
        '2026-03-20T15:00:00.000Z',
      ])

      await fill(wrapper, { '#report-from': '2025-01-01', '#report-to': '2025-01-31' })
      await submit(wrapper)
      await until(() => wrapper.find('.error-summary').exists(), 'the error')
      expect(wrapper.get('.error-summary').text()).toContain('There are no sessions to export for these dates')
      expect(state.files).toHaveLength(1)
    },
    STORE_TEST_TIMEOUT,
  )
})
