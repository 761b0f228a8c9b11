import { afterEach, describe, expect, it } from 'vitest'
import { PERSONAS } from '../fixtures/personas'
import {
  addSession,
  fill,
  mountCounselor,
  settle,
  STORE_TEST_TIMEOUT,
  submit,
  unlockedHost,
  until,
} from './counselor-support'
import { switchLanguage } from './mount-app'

afterEach(() => {
  document.body.innerHTML = ''
})

const trainer = PERSONAS.find((p) => p.expected === 'trainer')!

describe('the client list', () => {
  it(
    'adds a client: a name or pseudonym is required, contact and notes are optional',
    async () => {
      const { host } = await unlockedHost()
      const { wrapper, router } = await mountCounselor('/counselor/clients', host)
      expect(wrapper.text()).toContain('No clients yet. Add a client to start.')
      await wrapper.get('a[href="#/counselor/clients/new"]').trigger('click')
      await until(() => wrapper.find('#client-name').exists(), 'the add form')
      expect(wrapper.get('main h1').text()).toBe('Add a client')
      expect(wrapper.get('label[for="client-contact"]').text()).toBe('Contact (optional)')

      await fill(wrapper, { '#client-name': '   ' })
      await submit(wrapper)
      const summary = wrapper.get('.error-summary')
      expect(summary.text()).toContain('Enter a name or pseudonym')
      expect(summary.get('a').attributes('href')).toBe('#client-name')
      expect(document.activeElement).toBe(summary.element)
      expect(wrapper.get('#client-name').attributes('aria-describedby')).toBe('client-name-hint client-name-error')

      await fill(wrapper, {
        '#client-name': 'Rosa Díaz',
        '#client-contact': '555-0100',
        '#client-notes': 'Prefers mornings.',
      })
      await submit(wrapper)
      await until(() => router.currentRoute.value.name === 'counselor-client', 'the client page')
      expect(wrapper.get('main h1').text()).toBe('Rosa Díaz')
      expect(wrapper.text()).toContain('Rosa Díaz was added.')
      expect(wrapper.text()).toContain('555-0100')
      expect(wrapper.text()).toContain('Prefers mornings.')
      expect(wrapper.text()).toContain('No sessions yet.')
      const [stored] = await host.listClients({ query: '' })
      expect(stored).toMatchObject({ displayName: 'Rosa Díaz', contact: '555-0100' })
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'searches by name or contact, ignoring accents and case',
    async () => {
      const { host } = await unlockedHost()
      await host.createClient({ displayName: 'Rosa Díaz', contact: 'rosa@example.org' })
      await host.createClient({ displayName: 'Marcus Lee', contact: '555-0199' })
      await host.createClient({ displayName: 'Ana Ruiz' })
      const { wrapper } = await mountCounselor('/counselor/clients', host)
      const names = () => wrapper.findAll('.client-table tbody th').map((th) => th.text())
      expect(names()).toEqual(['Ana Ruiz', 'Marcus Lee', 'Rosa Díaz'])
      expect(wrapper.get('.client-table caption').text()).toBe('Clients, by name')

      await fill(wrapper, { '#client-search': 'DIAZ' })
      await submit(wrapper, 'form.search')
      expect(names()).toEqual(['Rosa Díaz'])
      expect(wrapper.get('[role="status"]').text()).toContain('Clients found: 1')

      await fill(wrapper, { '#client-search': '0199' })
      await submit(wrapper, 'form.search')
      expect(names()).toEqual(['Marcus Lee'])

      await fill(wrapper, { '#client-search': 'nobody' })
      await submit(wrapper, 'form.search')
      expect(names()).toEqual([])
      expect(wrapper.text()).toContain('No clients match “nobody”.')

      await wrapper.get('.link-button').trigger('click')
      await settle()
      expect(names()).toHaveLength(3)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'changes a client’s details',
    async () => {
      const { host } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa', contact: 'old@example.org' })
      const { wrapper, router } = await mountCounselor(`/counselor/clients/${client.id}/edit`, host)
      expect(wrapper.get('main h1').text()).toBe('Change Rosa’s details')
      expect((wrapper.get('#client-contact').element as HTMLInputElement).value).toBe('old@example.org')
      await fill(wrapper, { '#client-name': 'Rosa D.', '#client-contact': '' })
      await submit(wrapper)
      await until(() => router.currentRoute.value.name === 'counselor-client', 'the client page')
      expect(wrapper.get('main h1').text()).toBe('Rosa D.')
      expect(wrapper.text()).toContain('The changes were saved.')
      expect((await host.getClient({ clientId: client.id })).client).toMatchObject({
        displayName: 'Rosa D.',
        contact: null,
      })
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'lists sessions newest first with the date in the current language and the best fit',
    async () => {
      const { host } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa' })
      await addSession(host, client.id, trainer.answers, { startedAt: '2026-01-15T15:00:00.000Z' })
      await addSession(host, client.id, PERSONAS[0]!.answers, { startedAt: '2026-03-02T15:00:00.000Z' })
      const { wrapper } = await mountCounselor(`/counselor/clients/${client.id}`, host)
      const rows = wrapper.findAll('.session-table tbody tr')
      expect(rows).toHaveLength(2)
      const expectedDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date('2026-03-02T15:00:00.000Z'),
      )
      expect(rows[0]!.get('th').text()).toBe(expectedDate)
      expect(rows[0]!.text()).toContain('Clinical/Practitioner Consultant')
      expect(rows[1]!.text()).toContain('Trainer')
      expect(rows[0]!.get('a').text()).toBe(`Open the session of ${expectedDate}`)
      expect(wrapper.find('a[href$="/compare"]').exists()).toBe(true)

      await switchLanguage(wrapper)
      await settle()
      const spanish = new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date('2026-03-02T15:00:00.000Z'),
      )
      expect(wrapper.findAll('.session-table tbody th')[0]!.text()).toBe(spanish)
      expect(wrapper.text()).toContain('Empezar una sesión guiada')
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'exports one session as a JSON file',
    async () => {
      const { host, state } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa' })
      const session = await addSession(host, client.id, trainer.answers)
      const { wrapper } = await mountCounselor(`/counselor/clients/${client.id}`, host)
      const exportButton = wrapper.findAll('.session-table button').find((b) => b.text().startsWith('Export'))!
      await exportButton.trigger('click')
      await until(() => state.files.length === 1, 'the saved file')
      const file = JSON.parse(state.files[0]!.text) as { session: { id: string }; client: { displayName: string } }
      expect(file.session.id).toBe(session.id)
      expect(file.client.displayName).toBe('Rosa')
      expect(wrapper.get('[role="status"]').text()).toContain(`Saved the file ${state.files[0]!.fileName}.`)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'imports a session from a JSON file chosen with the file field, and explains a bad file',
    async () => {
      const elsewhere = await unlockedHost()
      const original = await elsewhere.host.createClient({ displayName: 'Rosa' })
      const exported = await addSession(elsewhere.host, original.id, trainer.answers, {
        notes: { license_held: 'No license yet' },
      })
      const fileText = (await elsewhere.host.exportSession({ sessionId: exported.id })).text

      const { host } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa Díaz' })
      const { wrapper } = await mountCounselor(`/counselor/clients/${client.id}`, host)
      const input = wrapper.get('#import-file')
      const choose = (text: string, name: string) =>
        Object.defineProperty(input.element, 'files', {
          configurable: true,
          value: [new File([text], name, { type: 'application/json' })],
        })

      await submit(wrapper, 'main form')
      expect(wrapper.get('.error-summary').text()).toContain('Choose a file to import')

      choose('{"not": "a session"}', 'other.json')
      await submit(wrapper, 'main form')
      await until(
        () =>
          wrapper
            .find('#import-file-error')
            .text()
            .includes('This file is not a session exported from Health IT Role Finder.'),
        'the import error',
      )
      expect(wrapper.get('.error-summary a').attributes('href')).toBe('#import-file')

      choose(fileText, 'session.json')
      await submit(wrapper, 'main form')
      await until(() => wrapper.findAll('.session-table tbody tr').length === 1, 'the imported session')
      expect(wrapper.find('.error-summary').exists()).toBe(false)
      expect(wrapper.text()).toContain('The session of')
      expect(wrapper.get('.session-table tbody tr').text()).toContain('Trainer')
      const { sessions } = await host.getClient({ clientId: client.id })
      expect(sessions.map((s) => s.id)).toEqual([exported.id])
      expect((await host.getSession({ sessionId: exported.id })).counselorNotes).toEqual({
        license_held: 'No license yet',
      })
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'deletes a client and all their sessions for good, after confirming',
    async () => {
      const { host } = await unlockedHost()
      const client = await host.createClient({
        displayName: 'Rosa Díaz',
        contact: 'rosa@example.org',
        notes: 'Private note',
      })
      const session = await addSession(host, client.id, trainer.answers, { notes: { license_held: 'Secret' } })
      const { wrapper, router } = await mountCounselor(`/counselor/clients/${client.id}`, host)

      await wrapper.get('.button--warning').trigger('click')
      await settle()
      const confirm = wrapper.get('.confirm')
      expect(document.activeElement).toBe(confirm.element)
      expect(confirm.text()).toContain('Delete Rosa Díaz for good?')
      await confirm.get('.button--secondary').trigger('click')
      await settle()
      expect(wrapper.find('.confirm').exists()).toBe(false)
      expect(await host.listClients({ query: '' })).toHaveLength(1)

      await wrapper.get('.button--warning').trigger('click')
      await settle()
      await wrapper.get('.confirm .button--warning').trigger('click')
      await until(() => router.currentRoute.value.name === 'counselor-clients', 'the client list')
      expect(wrapper.text()).toContain('Rosa Díaz and all their sessions were deleted.')
      expect(wrapper.text()).toContain('No clients yet.')

      expect(await host.listClients({ query: '' })).toEqual([])
      expect(await host.listClients({ query: 'rosa' })).toEqual([])
      await expect(host.getClient({ clientId: client.id })).rejects.toThrow(/not stored/)
      await expect(host.getSession({ sessionId: session.id })).rejects.toThrow(/not stored/)
      const csv = await host.exportSessionsCsv({})
      expect(csv.text).not.toContain('Rosa')

      await router.push(`/counselor/clients/${client.id}`)
      await settle()
      expect(wrapper.get('main h1').text()).toBe('This record could not be opened')
      expect(wrapper.text()).toContain('not stored')
    },
    STORE_TEST_TIMEOUT,
  )
})
