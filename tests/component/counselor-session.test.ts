import { afterEach, describe, expect, it } from 'vitest'
import { content } from '../../src/content'
import { scoreAnswers } from '../../src/domain/scoring'
import { ROLE_IDS } from '../../src/domain/types'
import { PERSONAS } from '../fixtures/personas'
import { addSession, mountCounselor, settle, STORE_TEST_TIMEOUT, unlockedHost, until } from './counselor-support'

afterEach(() => {
  document.body.innerHTML = ''
})

const trainer = PERSONAS.find((p) => p.expected === 'trainer')!
const manager = PERSONAS.find((p) => p.expected === 'implementation_manager')!

describe('the session page', () => {
  it(
    'shows the full result as the results page does, worked out from the stored answers, and the notes',
    async () => {
      const { host } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa' })
      const session = await addSession(host, client.id, trainer.answers, {
        notes: { license_held: 'Lapsed RN license', like_teach_class: 'Lit up talking about teaching' },
      })
      const { wrapper } = await mountCounselor(`/counselor/sessions/${session.id}`, host)
      const result = scoreAnswers(content, trainer.answers)
      const best = result.ranking[0]!

      expect(wrapper.get('main h1').text()).toBe('Result for Rosa')
      expect(wrapper.get('#best-fit-title').text()).toBe('Trainer')
      expect(wrapper.get('.best-fit__fit').text()).toBe(`Fit: ${best.shownFit} out of 100`)
      expect(wrapper.findAll('.fit-chart__row')).toHaveLength(6)
      expect(wrapper.get('.training').text()).toContain('six months or less')
      const whyTotal = wrapper.get('.why__total td').text()
      expect(Number(whyTotal)).toBe(best.shownFit)
      expect(wrapper.get('.next-steps').text()).toContain('Read about the Trainer role')
      expect(wrapper.get('.role-facts').text()).toContain('What the work is')

      const notes = wrapper.get('.counselor-notes')
      expect(notes.classes()).toContain('no-print')
      expect(notes.text()).toContain('They are not printed for the client.')
      expect(notes.text()).toContain('Health care license')
      expect(notes.text()).toContain('Lapsed RN license')
      expect(notes.text()).toContain('Lit up talking about teaching')
      // Nothing meant for the counselor only is left out of .no-print.
      for (const selector of ['.counselor-nav', '.button-row', '.counselor-notes']) {
        expect(wrapper.get(`.client-result ${selector}`).element.closest('.no-print')).not.toBeNull()
      }
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'prints through the host and exports the session as a file',
    async () => {
      const { host, state } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa' })
      const session = await addSession(host, client.id, trainer.answers)
      const { wrapper } = await mountCounselor(`/counselor/sessions/${session.id}`, host)
      const button = (label: string) => wrapper.findAll('button').find((b) => b.text() === label)!

      await button('Print or save as PDF').trigger('click')
      await until(() => state.printed === 1, 'the printout')
      expect(wrapper.get('[role="status"]').text()).toBe('Saved the PDF file.')

      await button('Export as file').trigger('click')
      await until(() => state.files.length === 1, 'the exported file')
      expect(state.files[0]!.mimeType).toBe('application/json')
      expect(JSON.parse(state.files[0]!.text)).toMatchObject({
        session: { id: session.id },
        client: { displayName: 'Rosa' },
      })
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'offers to continue a session that is not finished',
    async () => {
      const { host } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa' })
      const session = await host.saveSession({
        clientId: client.id,
        startedAt: new Date().toISOString(),
        locale: 'en',
        answers: { license_held: 'no' },
      })
      const { wrapper, router } = await mountCounselor(`/counselor/sessions/${session.id}`, host)
      expect(wrapper.text()).toContain('This session is not finished.')
      expect(wrapper.find('#best-fit-title').exists()).toBe(false)
      await wrapper
        .findAll('button')
        .find((b) => b.text() === 'Continue this session')!
        .trigger('click')
      await until(() => router.currentRoute.value.path === '/question/2', 'question 2')
      // The banner loads with the session (App.vue).
      await until(() => wrapper.find('.guided-banner').exists(), 'the banner')
      expect(wrapper.get('.guided-banner').text()).toContain('Guided session for Rosa')
    },
    STORE_TEST_TIMEOUT,
  )
})

describe('the compare page', () => {
  it(
    'shows each role’s fit then and now, the change, and the best fit of each',
    async () => {
      const { host } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa' })
      await addSession(host, client.id, manager.answers, { startedAt: '2026-01-10T15:00:00.000Z' })
      await addSession(host, client.id, trainer.answers, { startedAt: '2026-04-10T15:00:00.000Z' })
      const { wrapper } = await mountCounselor(`/counselor/clients/${client.id}/compare`, host)
      await until(() => wrapper.find('.compare-table').exists(), 'the comparison')
      expect(wrapper.get('main h1').text()).toBe('Compare Rosa’s sessions')

      const table = wrapper.get('.compare-table')
      expect(table.get('caption').text()).toMatch(/^Fit for each role, .*2026.* compared with .*2026/)
      expect(table.findAll('thead th').map((th) => th.text())).toEqual(['Role', 'Then', 'Now', 'Change'])
      const then = new Map(scoreAnswers(content, manager.answers).ranking.map((s) => [s.roleId, s.shownFit]))
      const now = new Map(scoreAnswers(content, trainer.answers).ranking.map((s) => [s.roleId, s.shownFit]))
      const rows = table.findAll('tbody tr')
      expect(rows).toHaveLength(ROLE_IDS.length)
      for (const [index, roleId] of ROLE_IDS.entries()) {
        const cells = rows[index]!.findAll('td').map((td) => td.text())
        const change = now.get(roleId)! - then.get(roleId)!
        expect(cells).toEqual([
          String(then.get(roleId)),
          String(now.get(roleId)),
          change === 0 ? 'No change' : change > 0 ? `+${change}` : `−${-change}`,
        ])
      }
      const best = wrapper.findAll('.summary-list__row').map((row) => row.text())
      expect(best[0]).toMatch(/^Then \(.*\)Implementation Manager/)
      expect(best[1]).toMatch(/^Now \(.*\)Trainer/)

      // Choosing the same session twice says so instead of a table of zeros.
      const picker = wrapper.get('#compare-then')
      await picker.setValue((wrapper.get('#compare-now').element as HTMLSelectElement).value)
      await settle()
      expect(wrapper.find('.compare-table').exists()).toBe(false)
      expect(wrapper.text()).toContain('These are the same session.')
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'draws each role’s fit then and now, with no colour for a rise or a fall, and the answers that moved it',
    async () => {
      const { host } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa' })
      await addSession(host, client.id, manager.answers, { startedAt: '2026-01-10T15:00:00.000Z' })
      await addSession(host, client.id, trainer.answers, { startedAt: '2026-04-10T15:00:00.000Z' })
      const { wrapper } = await mountCounselor(`/counselor/clients/${client.id}/compare`, host)
      await until(() => wrapper.find('#chart-progress').exists(), 'the progress chart')

      // Issue 17: a falling fit was shown in red (and a rising one in green), reading as bad or good news.
      for (const cell of wrapper.findAll('.compare-table td')) expect(cell.classes()).toEqual(['numeric'])
      expect(wrapper.find('.why__down, .why__up').exists()).toBe(false)

      const then = new Map(scoreAnswers(content, manager.answers).ranking.map((s) => [s.roleId, s.shownFit]))
      const now = new Map(scoreAnswers(content, trainer.answers).ranking.map((s) => [s.roleId, s.shownFit]))
      const chart = wrapper.get('#chart-progress')
      expect(chart.get('svg').attributes('role')).toBe('img')
      expect(chart.get('svg title').text()).toBe('Fit then and now')
      for (const roleId of ROLE_IDS) {
        expect(chart.get('desc').text()).toContain(`: ${then.get(roleId)} then, ${now.get(roleId)} now`)
      }
      expect(chart.findAll('.chart__row').map((row) => row.findAll('.chart__value')[0]!.text())).toEqual(
        ROLE_IDS.map((roleId) => String(then.get(roleId))),
      )

      // What moved each changed role: the listed points, the starting change and the rest add up to the change.
      const changed = ROLE_IDS.filter((roleId) => now.get(roleId) !== then.get(roleId))
      const roles = wrapper.findAll('.progress-role')
      expect(roles).toHaveLength(changed.length)
      for (const [index, roleId] of changed.entries()) {
        const role = roles[index]!
        expect(role.get('h3').text()).toMatch(new RegExp(`from ${then.get(roleId)} to ${now.get(roleId)}$`))
        const points = role
          .findAll('li')
          .map((li) => /([+−])(\d+) points$/.exec(li.text()))
          .map((match) => (match ? (match[1] === '−' ? -1 : 1) * Number(match[2]) : 0))
        expect(points.reduce((a, b) => a + b, 0)).toBe(now.get(roleId)! - then.get(roleId)!)
      }
      expect(roles[0]!.text()).toMatch(/“.+” then, “.+” now/)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'says when there are not yet two finished sessions',
    async () => {
      const { host } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa' })
      await addSession(host, client.id, trainer.answers)
      const { wrapper } = await mountCounselor(`/counselor/clients/${client.id}/compare`, host)
      expect(wrapper.text()).toContain('Two finished sessions are needed to compare. This client has 1 so far.')
    },
    STORE_TEST_TIMEOUT,
  )
})
