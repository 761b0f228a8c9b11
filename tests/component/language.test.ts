import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it as vitestIt } from 'vitest'
import { useAssessmentStore } from '../../src/stores/assessment'
import { PERSONAS } from '../fixtures/personas'
import { usePreferencesStore } from '../../src/stores/preferences'
import { memoryHost, mountApp, switchLanguage } from './mount-app'
import { APP_TEST_TIMEOUT } from '../fixtures/waiting'

/** Every test here mounts the whole app: APP_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, APP_TEST_TIMEOUT)

afterEach(() => {
  document.body.innerHTML = ''
})

describe('switching language', () => {
  it('turns the whole question, its choices and the page language to Spanish, keeping answers', async () => {
    const { wrapper } = await mountApp('/question/1')
    const store = useAssessmentStore()
    await wrapper.get('#answer-license_held-no').setValue(true)
    expect(wrapper.get('legend h1').text()).toContain('state license')

    await switchLanguage(wrapper)
    await flushPromises()
    expect(document.documentElement.getAttribute('lang')).toBe('es')
    expect(wrapper.get('legend h1').text()).toMatch(/licencia/)
    expect(wrapper.get('label[for="answer-license_held-no"]').text()).toBe('No')
    expect(wrapper.get('label[for="answer-license_held-yes"]').text()).toBe('Sí')
    expect((wrapper.get('#answer-license_held-no').element as HTMLInputElement).checked).toBe(true)
    expect(store.answers).toEqual({ license_held: 'no' })
    expect(wrapper.get('.language-switch').text()).toBe('English')
    expect(wrapper.get('.language-switch').attributes('lang')).toBe('en')
  })

  it('shows the result, its training and why in Spanish', async () => {
    const { wrapper, router } = await mountApp('/')
    const store = useAssessmentStore()
    for (const [id, value] of Object.entries(PERSONAS.find((p) => p.expected === 'trainer')!.answers))
      store.setAnswer(id, value)
    await switchLanguage(wrapper)
    await router.push('/results')
    await flushPromises()
    expect(wrapper.get('#best-fit-title').text()).toBe('Capacitador(a) (Trainer)')
    expect(wrapper.get('.training').text()).toMatch(/seis meses/)
    expect(wrapper.get('.why__table caption').text()).toMatch(/\d+/)
    expect(wrapper.text()).not.toContain('Why this role fits')
  })
})

describe('remembering the language', () => {
  it('saves the choice and brings it back next time', async () => {
    const { host, state } = memoryHost()
    const { wrapper } = await mountApp('/', host)
    await switchLanguage(wrapper)
    await flushPromises()
    expect(state.preferences).toEqual({ schema: 1, locale: 'es' })
    document.body.innerHTML = ''

    await mountApp('/', host)
    await usePreferencesStore().restore()
    await flushPromises()
    expect(usePreferencesStore().locale).toBe('es')
    expect(document.querySelector('h1')?.textContent).toMatch(/[Ee]ncuentre|rol/)
  })
})
