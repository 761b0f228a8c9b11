/**
 * The center's clients and conflicts with a fake center: search and copy, both copies of
 * a conflict side by side, a choice required before anything is kept, and every refusal
 * said in plain words.
 */
import { afterEach, describe, expect, it } from 'vitest'
import en from '../../src/i18n/center.en'
import { CENTER_PROBLEMS } from '../../src/shared/center-problems'
import type { CenterClientSummary } from '../../src/shared/center-contract'
import { ANA, CLIENT_CONFLICT, centerHost, connectedStatus, refused } from './center-support'
import { mountCounselor, STORE_TEST_TIMEOUT, submit, until } from './counselor-support'

afterEach(() => {
  document.body.innerHTML = ''
})

const ROSA: CenterClientSummary = {
  id: '0b6c3a4e-5f1d-4c2a-9e8b-7d6f5a4b3c2d',
  displayName: 'Rosa Díaz',
  contact: 'rosa@example.org',
  updatedAt: '2026-03-08T16:00:00.000Z',
  updatedBy: 'ben_kim',
  version: 4,
  sessionCount: 2,
  lastSessionAt: '2026-03-08T15:00:00.000Z',
  onThisComputer: false,
}

describe('center clients', () => {
  it(
    'searches the center and copies a client to this computer, with a link to the record',
    async () => {
      const { host, fake } = await centerHost(connectedStatus(ANA))
      fake.answers.centerListClients = () => ({ ok: true, clients: [ROSA] })
      fake.answers.centerCopyClient = () => ({
        ok: true,
        client: { ...CLIENT_CONFLICT.center.record },
        sessions: 2,
      })
      const { wrapper } = await mountCounselor('/counselor/center/clients', host)
      await until(() => wrapper.find('.center-client-table').exists(), 'the list')
      expect(fake.callsOf('centerListClients')).toEqual([{ query: '' }])

      await wrapper.get('#center-client-search').setValue('  rosa ')
      await submit(wrapper, 'main form')
      expect(fake.callsOf('centerListClients').at(-1)).toEqual({ query: 'rosa' })
      const row = wrapper.get('.center-client-table tbody tr')
      expect(row.text()).toContain('Rosa Díaz')
      expect(row.text()).toContain('ben_kim')
      expect(row.text()).toContain(en.clients.no)

      await row.get('button').trigger('click')
      await until(() => wrapper.text().includes('Copied Rosa Díaz and their sessions (2) to this computer.'), 'copied')
      expect(fake.callsOf('centerCopyClient')).toEqual([{ clientId: ROSA.id }])
      expect(wrapper.get('.center-client-table tbody tr').text()).toContain(en.clients.yes)
      expect(wrapper.get('[role="status"] a').attributes('href')).toContain(`/counselor/clients/${ROSA.id}`)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'says why a copy was refused, naming the client',
    async () => {
      const { host, fake } = await centerHost(connectedStatus(ANA))
      fake.answers.centerListClients = () => ({ ok: true, clients: [{ ...ROSA, onThisComputer: true }] })
      fake.answers.centerCopyClient = () => refused('waiting-changes')
      const { wrapper } = await mountCounselor('/counselor/center/clients', host)
      await until(() => wrapper.find('.center-client-table').exists(), 'the list')
      const button = wrapper.get('.center-client-table tbody button')
      expect(button.text()).toContain(en.clients.copyAgain)
      await button.trigger('click')
      await until(() => wrapper.find('[role="alert"]').exists(), 'the refusal')
      expect(wrapper.get('[role="alert"]').text()).toBe(
        `Rosa Díaz was not copied. ${CENTER_PROBLEMS['waiting-changes'].en}`,
      )
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'says so when the computer is not connected, and shows no list',
    async () => {
      const { host, fake } = await centerHost()
      fake.answers.centerListClients = () => refused('not-set-up')
      const { wrapper } = await mountCounselor('/counselor/center/clients', host)
      await until(() => wrapper.find('[role="alert"]').exists(), 'the refusal')
      expect(wrapper.get('[role="alert"]').text()).toBe(CENTER_PROBLEMS['not-set-up'].en)
      expect(wrapper.find('.center-client-table').exists()).toBe(false)
    },
    STORE_TEST_TIMEOUT,
  )
})

describe('conflicts', () => {
  it(
    'shows both copies side by side, marks what differs, and keeps the chosen one',
    async () => {
      const { host, fake } = await centerHost(connectedStatus(ANA, { conflicts: 1 }))
      let open = [CLIENT_CONFLICT]
      fake.answers.centerListConflicts = () => ({ ok: true, conflicts: open })
      fake.answers.centerResolveConflict = () => {
        open = []
        return { ok: true, version: 5 }
      }
      const { wrapper } = await mountCounselor('/counselor/center/conflicts', host)
      await until(() => wrapper.find('.conflict-copies').exists(), 'the conflict')
      const table = wrapper.get('.conflict-copies')
      const headers = table.findAll('thead th').map((th) => th.text())
      expect(headers).toEqual([
        en.conflicts.what,
        'The center’s copy (last changed by ana_lopez)',
        'Sent from ben_kim’s computer',
      ])
      const contactRow = table.findAll('tbody tr').find((tr) => tr.text().includes(en.conflicts.contact))!
      expect(contactRow.findAll('td').map((td) => td.text())).toEqual(['rosa@example.org', '555-0142'])
      expect(contactRow.text()).toContain(en.conflicts.differs)
      const nameRow = table.findAll('tbody tr').find((tr) => tr.find('th').text() === en.conflicts.name)!
      expect(nameRow.text()).not.toContain(en.conflicts.differs)
      expect(wrapper.text()).toContain(en.conflicts.otherKept)

      // Nothing is kept without a choice: the summary links to the first option.
      await submit(wrapper, '.conflict form')
      const summary = wrapper.get('.error-summary')
      expect(summary.get('a').text()).toBe('Choose which copy of Rosa Díaz to keep.')
      expect(summary.get('a').attributes('href')).toBe('#keep-7-center')
      expect(document.activeElement).toBe(summary.element)
      expect(fake.callsOf('centerResolveConflict')).toEqual([])

      await wrapper.get('#keep-7-incoming').setValue(true)
      await submit(wrapper, '.conflict form')
      await until(() => fake.callsOf('centerResolveConflict').length === 1, 'the choice')
      expect(fake.callsOf('centerResolveConflict')).toEqual([{ conflictId: 7, keep: 'incoming', centerVersion: 4 }])
      await until(() => wrapper.text().includes('Kept the copy from ben_kim’s computer for Rosa Díaz.'), 'kept')
      expect(wrapper.find('.error-summary').exists()).toBe(false)
      expect(wrapper.text()).toContain(en.conflicts.none)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'when the record changed again, says so at the choice and shows the newer copies',
    async () => {
      const { host, fake } = await centerHost(connectedStatus(ANA))
      let open = [CLIENT_CONFLICT]
      fake.answers.centerListConflicts = () => ({ ok: true, conflicts: open })
      fake.answers.centerResolveConflict = () => {
        open = [
          {
            ...CLIENT_CONFLICT,
            center: {
              ...CLIENT_CONFLICT.center,
              version: 5,
              record: { ...CLIENT_CONFLICT.center.record, contact: 'rosa.diaz@example.org' },
            },
          },
        ]
        return refused('changed-again')
      }
      const { wrapper } = await mountCounselor('/counselor/center/conflicts', host)
      await until(() => wrapper.find('.conflict-copies').exists(), 'the conflict')
      await wrapper.get('#keep-7-center').setValue(true)
      await submit(wrapper, '.conflict form')
      await until(() => wrapper.find('.error-summary').exists(), 'the refusal')
      expect(wrapper.get('.error-summary a').text()).toBe(CENTER_PROBLEMS['changed-again'].en)
      expect(wrapper.get('.conflict-copies').text()).toContain('rosa.diaz@example.org')
      expect(fake.callsOf('centerListConflicts')).toHaveLength(2)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'when a conflict was dealt with elsewhere, says so plainly',
    async () => {
      const { host, fake } = await centerHost(connectedStatus(ANA))
      let open = [CLIENT_CONFLICT]
      fake.answers.centerListConflicts = () => ({ ok: true, conflicts: open })
      fake.answers.centerResolveConflict = () => {
        open = []
        return refused('not-found')
      }
      const { wrapper } = await mountCounselor('/counselor/center/conflicts', host)
      await until(() => wrapper.find('.conflict-copies').exists(), 'the conflict')
      await wrapper.get('#keep-7-center').setValue(true)
      await submit(wrapper, '.conflict form')
      await until(() => wrapper.find('[role="alert"]').exists(), 'the message')
      expect(wrapper.get('[role="alert"]').text()).toBe(CENTER_PROBLEMS['not-found'].en)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'shows the two copies of a session: answers, best fit and notes',
    async () => {
      const { host, fake } = await centerHost(connectedStatus(ANA))
      const base = {
        id: '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        clientId: CLIENT_CONFLICT.clientId,
        startedAt: '2026-03-08T15:00:00.000Z',
        completedAt: '2026-03-08T15:20:00.000Z',
        locale: 'en' as const,
        answers: { license_held: 'no' },
        counselorNotes: {},
        result: null,
      }
      fake.answers.centerListConflicts = () => ({
        ok: true,
        conflicts: [
          {
            ...CLIENT_CONFLICT,
            id: 8,
            kind: 'session',
            center: {
              record: { ...base, counselorNotes: { license_held: 'Asked twice' } },
              version: 2,
              updatedBy: 'ana_lopez',
            },
            incoming: { record: { ...base, completedAt: null } },
          },
        ],
      })
      const { wrapper } = await mountCounselor('/counselor/center/conflicts', host)
      await until(() => wrapper.find('.conflict-copies').exists(), 'the conflict')
      expect(wrapper.get('.conflict h2').text()).toBe('Rosa Díaz: a session')
      const finished = wrapper
        .findAll('.conflict-copies tbody tr')
        .find((tr) => tr.text().includes(en.conflicts.finished))!
      expect(finished.findAll('td')[1]!.text()).toBe(en.conflicts.notFinished)
      expect(finished.text()).toContain(en.conflicts.differs)
      expect(wrapper.get('.conflict-copies').text()).toContain('Asked twice')
    },
    STORE_TEST_TIMEOUT,
  )
})
