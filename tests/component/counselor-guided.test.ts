import { afterEach, describe, expect, it, vi } from 'vitest'
import { useAssessmentStore } from '../../src/stores/assessment'
import { PERSONAS } from '../fixtures/personas'
import { CONDITION_WAIT } from '../fixtures/waiting'
import { memoryHost, mountApp } from './mount-app'
import {
  fill,
  mountCounselor,
  PASSCODE,
  settle,
  STORE_TEST_TIMEOUT,
  submit,
  unlockedHost,
  until,
} from './counselor-support'
import { HostError } from '../../src/shared/errors'
import { useGuidedStore } from '../../src/stores/guided'

afterEach(() => {
  document.body.innerHTML = ''
})

const trainer = PERSONAS.find((p) => p.expected === 'trainer')!

describe('a guided session', () => {
  it(
    'saves each answer and the counselor’s note to the client’s record, and ends back at the record after the passcode',
    async () => {
      const { host } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa' })
      const { wrapper, router } = await mountCounselor(`/counselor/clients/${client.id}`, host)

      const start = wrapper.findAll('button').find((b) => b.text() === 'Start a guided session')!
      await start.trigger('click')
      await until(() => router.currentRoute.value.path === '/question/1', 'question 1')
      // The banner and the note load with the session, not with the app (App.vue, QuestionView.vue).
      await until(
        () => wrapper.find('.guided-banner').exists() && wrapper.find('#counselor-note').exists(),
        'the banner',
      )
      const banner = wrapper.get('.guided-banner')
      expect(banner.attributes('aria-label')).toBe('Guided session')
      expect(banner.text()).toContain('Guided session for Rosa')
      expect(banner.text()).toContain('End session')

      const note = wrapper.get('#counselor-note')
      expect(wrapper.get('label[for="counselor-note"]').text()).toBe('Counselor note (optional)')
      expect(note.attributes('aria-describedby')).toBe('counselor-note-hint')
      expect(wrapper.get('#counselor-note-hint').text()).toContain('not printed for the client')

      await wrapper.get('#answer-license_held-no').setValue(true)
      await note.setValue('Let her RN license lapse in 2019.')
      await note.trigger('change')
      await vi.waitFor(async () => {
        const { sessions } = await host.getClient({ clientId: client.id })
        expect(sessions).toHaveLength(1)
        const saved = await host.getSession({ sessionId: sessions[0]!.id })
        expect(saved.answers).toEqual({ license_held: 'no' })
        expect(saved.counselorNotes).toEqual({ license_held: 'Let her RN license lapse in 2019.' })
        expect(saved.completedAt).toBeNull()
      }, CONDITION_WAIT)

      await wrapper.get('main form').trigger('submit')
      await until(() => router.currentRoute.value.path === '/question/2', 'question 2')
      expect((wrapper.get('#counselor-note').element as HTMLTextAreaElement).value).toBe('')

      const store = useAssessmentStore()
      for (const [id, value] of Object.entries(trainer.answers)) store.setAnswer(id, value)
      await router.push('/results')
      await settle()
      expect(wrapper.get('#best-fit-title').text()).toBe('Trainer')
      expect(wrapper.findAll('.button--warning').filter((b) => b.text() === 'Start over')).toHaveLength(0)
      const back = wrapper.findAll('button').find((b) => b.text() === 'Back to Rosa’s record')!
      await back.trigger('click')
      // The session is over, but the client may still be at the screen: the record needs the passcode.
      await until(() => router.currentRoute.value.name === 'guided-leave', 'the passcode page')
      await fill(wrapper, { '#leave-passcode': PASSCODE })
      await submit(wrapper)
      await until(() => router.currentRoute.value.name === 'counselor-client', 'the client page')

      expect(useGuidedStore().session).toBeNull()
      expect(wrapper.find('.guided-banner').exists()).toBe(false)
      const rows = wrapper.findAll('.session-table tbody tr')
      expect(rows).toHaveLength(1)
      expect(rows[0]!.text()).toContain('Trainer')
      const { sessions } = await host.getClient({ clientId: client.id })
      const saved = await host.getSession({ sessionId: sessions[0]!.id })
      expect(saved.result?.bestFit).toBe('trainer')
      expect(saved.completedAt).not.toBeNull()
      expect(saved.counselorNotes).toEqual({ license_held: 'Let her RN license lapse in 2019.' })
      expect(Object.keys(saved.answers).length).toBeGreaterThan(20)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'saves a finished session with its result even before a result screen has loaded the scoring engine',
    async () => {
      const { host } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa' })
      await mountCounselor(`/counselor/clients/${client.id}`, host)
      const store = useAssessmentStore()
      useGuidedStore().start(client)
      // Every answer given on the question screens: no review or result screen has been opened.
      for (const [id, value] of Object.entries(trainer.answers)) store.setAnswer(id, value)
      await store.settled()
      const { sessions } = await host.getClient({ clientId: client.id })
      const saved = await host.getSession({ sessionId: sessions[0]!.id })
      expect(saved.completedAt).not.toBeNull()
      expect(saved.result?.bestFit).toBe('trainer')
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'can be ended part-way (which locks the counselor area) and continued later where it stopped',
    async () => {
      const { host } = await unlockedHost()
      const client = await host.createClient({ displayName: 'Rosa' })
      const { wrapper, router } = await mountCounselor(`/counselor/clients/${client.id}`, host)
      const store = useAssessmentStore()
      useGuidedStore().start(client)
      await router.push('/question/1')
      await wrapper.get('#answer-license_held-no').setValue(true)
      await wrapper.get('main form').trigger('submit')
      await until(() => router.currentRoute.value.path === '/question/2', 'question 2')

      await wrapper
        .findAll('.guided-banner button')
        .find((b) => b.text() === 'End session')!
        .trigger('click')
      await until(() => router.currentRoute.value.name === 'counselor-gate', 'the passcode gate')
      expect(wrapper.text()).toContain('The guided session is over. The counselor area is now locked.')
      expect((await host.counselorStatus()).unlocked).toBe(false)
      expect(useGuidedStore().session).toBeNull()
      expect(store.answers).toEqual({})
      await fill(wrapper, { '#gate-passcode': PASSCODE })
      await submit(wrapper)
      await until(() => router.currentRoute.value.name === 'counselor-clients', 'the client list')
      await router.push(`/counselor/clients/${client.id}`)
      await settle()
      const row = wrapper.get('.session-table tbody tr')
      expect(row.text()).toContain('Not finished')

      await row
        .findAll('button')
        .find((b) => b.text().startsWith('Continue'))!
        .trigger('click')
      await until(() => router.currentRoute.value.path === '/question/2', 'question 2 again')
      expect(useGuidedStore().session?.clientName).toBe('Rosa')
      expect(store.answers).toEqual({ license_held: 'no' })
      await until(() => wrapper.find('.guided-banner').exists(), 'the banner')
      expect(wrapper.get('.guided-banner').text()).toContain('Guided session for Rosa')
    },
    STORE_TEST_TIMEOUT,
  )

  it('has no counselor note outside a guided session', async () => {
    const { wrapper } = await mountApp('/question/1')
    expect(wrapper.find('#counselor-note').exists()).toBe(false)
    expect(wrapper.find('.guided-banner').exists()).toBe(false)
  })

  it(
    'when saving fails, says why in plain words and still exports the session as a file',
    async () => {
      const { host: real } = await unlockedHost()
      const client = await real.createClient({ displayName: 'Rosa' })
      const { host: base, state } = memoryHost()
      const failing = {
        ...real,
        saveFile: base.saveFile,
        saveSession: async () => {
          // As a real host fails: a code and the disk's reason; the English words are for the log.
          throw new HostError('write-failed', 'The session could not be saved: the disk is full.', { disk: 'full' })
        },
      }
      const { wrapper, router } = await mountApp('/', failing)
      useGuidedStore().start(client)
      await router.push('/question/1')
      await wrapper.get('#answer-license_held-no').setValue(true)
      await until(() => wrapper.find('.guided-banner [role="alert"]').exists(), 'the save problem')
      const alert = wrapper.get('.guided-banner [role="alert"]')
      expect(alert.text()).toContain('the disk is full')
      expect(alert.text()).toContain('You can still print the result, or export the session as a file.')
      expect(wrapper.findAll('main > .notice--warning')).toHaveLength(0)

      await alert.get('button').trigger('click')
      await until(() => state.files.length === 1, 'the exported file')
      expect(state.files[0]!.fileName).toMatch(/^session-\d{4}-\d{2}-\d{2}-[A-Za-z0-9-]{8}\.json$/)
      expect(wrapper.get('.guided-banner').text()).toContain(`Saved the file ${state.files[0]!.fileName}.`)
      // The file is a real session export: it imports into the record once saving works again.
      const imported = await real.importSession({ text: state.files[0]!.text })
      expect(imported).toMatchObject({ clientId: client.id, answers: { license_held: 'no' }, result: null })
    },
    STORE_TEST_TIMEOUT,
  )
})
