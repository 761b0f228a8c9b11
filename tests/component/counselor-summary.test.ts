import { describe, expect, it } from 'vitest'
import { content, contentTexts } from '../../src/content'
import { parseCsv } from '../../scripts/csv.mjs'
import { PERSONAS } from '../fixtures/personas'
import { addSession, fill, mountCounselor, STORE_TEST_TIMEOUT, submit, unlockedHost, until } from './counselor-support'

const trainer = PERSONAS.find((p) => p.expected === 'trainer')!
const manager = PERSONAS.find((p) => p.expected === 'implementation_manager')!
const roleName = (id: keyof typeof contentTexts.en.roles) => contentTexts.en.roles[id].name

async function hostWithSessions() {
  const made = await unlockedHost()
  const ana = await made.host.createClient({ displayName: 'Ana' })
  const marcus = await made.host.createClient({ displayName: 'Marcus' })
  await addSession(made.host, ana.id, trainer.answers, { startedAt: '2026-01-10T15:00:00.000Z' })
  await addSession(made.host, ana.id, manager.answers, { startedAt: '2026-03-05T15:00:00.000Z' })
  await addSession(made.host, marcus.id, manager.answers, { startedAt: '2026-03-20T15:00:00.000Z' })
  await made.host.saveSession({ clientId: marcus.id, startedAt: '2026-03-21T15:00:00.000Z', locale: 'en', answers: {} })
  return made
}

/** Each chart's bars as "label: number", in order. */
function bars(wrapper: Awaited<ReturnType<typeof mountCounselor>>['wrapper'], id: string): string[] {
  return wrapper
    .get(`#${id}`)
    .findAll('.chart__row')
    .map((row) => `${row.get('.chart__label').text()}: ${row.get('.chart__value').text()}`)
}

describe('the program summary page', () => {
  it(
    'shows every session at first, as charts with the summary function’s numbers beside the bars',
    async () => {
      const { host } = await hostWithSessions()
      const { wrapper } = await mountCounselor('/counselor/summary', host)
      await until(() => wrapper.find('.summary-figures').exists(), 'the summary')
      expect(wrapper.get('main h1').text()).toBe('Program summary')
      expect(wrapper.get('.summary-results h2').text()).toBe('All sessions')
      expect(wrapper.get('.summary-figures').text()).toBe(
        'Finished assessments: 3. Sessions started, finished or not: 4.',
      )
      const summary = await host.summarizeSessions({})
      expect(bars(wrapper, 'chart-best-fit')).toEqual(
        content.roles.map((role) => {
          const count = summary.bestFit[role.id]
          return `${roleName(role.id)}: ${count} (${Math.round((100 * count) / 3)}%)`
        }),
      )
      expect(bars(wrapper, 'chart-best-fit')).toContain(`${roleName('implementation_manager')}: 2 (67%)`)
      expect(bars(wrapper, 'chart-lead')).toEqual([
        `One role stood out: ${summary.lead.one} (${Math.round((100 * summary.lead.one) / 3)}%)`,
        `Some roles were close: ${summary.lead.close} (${Math.round((100 * summary.lead.close) / 3)}%)`,
        `Some roles were equal: ${summary.lead.tie} (${Math.round((100 * summary.lead.tie) / 3)}%)`,
        `No role stood out: ${summary.lead.none_stands_out} (${Math.round((100 * summary.lead.none_stands_out) / 3)}%)`,
      ])
      const brings = summary.bringsBackground
      expect(bars(wrapper, 'chart-background')).toEqual([
        `Has the background: ${brings} (${Math.round((100 * brings) / 3)}%)`,
        `Has a gap to close: ${3 - brings} (${Math.round((100 * (3 - brings)) / 3)}%)`,
      ])
      // Every chart is named and described, and has its table.
      for (const svg of wrapper.findAll('svg')) {
        const title = svg.get('title')
        expect(svg.attributes('aria-labelledby')).toBe(title.attributes('id'))
        expect(svg.get('desc').text()).toMatch(/The largest is .+: \d+ \(\d+%\)\./)
      }
      expect(wrapper.findAll('details table').length).toBe(wrapper.findAll('svg').length)
      expect(wrapper.find('.counselor-nav a[href="#/counselor/summary"]').exists()).toBe(true)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'summarizes a date range (both days included), and exports that range as CSV',
    async () => {
      const { host, state } = await hostWithSessions()
      const { wrapper } = await mountCounselor('/counselor/summary', host)
      await until(() => wrapper.find('.summary-figures').exists(), 'the summary')
      await fill(wrapper, { '#summary-from': '2026-03-01', '#summary-to': '2026-03-20' })
      await submit(wrapper)
      await until(() => wrapper.get('.summary-results h2').text().startsWith('Sessions started from'), 'the range')
      expect(wrapper.get('.summary-figures').text()).toBe(
        'Finished assessments: 2. Sessions started, finished or not: 2.',
      )
      expect(bars(wrapper, 'chart-best-fit')).toContain(`${roleName('implementation_manager')}: 2 (100%)`)

      await wrapper
        .findAll('button')
        .find((b) => b.text() === 'Export CSV file')!
        .trigger('click')
      await until(() => state.files.length === 1, 'the CSV file')
      const [header, ...rows] = parseCsv(state.files[0]!.text.slice(1))
      expect(rows).toHaveLength(2)
      expect(rows.map((row) => row[header!.indexOf('best_fit')])).toEqual([
        'implementation_manager',
        'implementation_manager',
      ])
      expect(wrapper.text()).toContain('Sessions in the file: 2.')
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'names a day it cannot read, and a range that ends before it starts',
    async () => {
      const { host } = await hostWithSessions()
      const { wrapper } = await mountCounselor('/counselor/summary', host)
      await fill(wrapper, { '#summary-from': '2026-03-20', '#summary-to': '2026-03-01' })
      await submit(wrapper)
      expect(wrapper.get('.error-summary').text()).toContain('The first day must be on or before the last day')
      const link = wrapper.get('.error-summary a')
      expect(link.attributes('href')).toBe('#summary-from')
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'says so when no one finished an assessment in the range',
    async () => {
      const { host } = await hostWithSessions()
      const { wrapper } = await mountCounselor('/counselor/summary', host)
      await fill(wrapper, { '#summary-from': '2027-01-01', '#summary-to': '' })
      await submit(wrapper)
      await until(() => wrapper.text().includes('No one finished the assessment in these dates.'), 'the empty note')
      expect(wrapper.findAll('svg')).toHaveLength(0)
    },
    STORE_TEST_TIMEOUT,
  )
})
