import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAssessmentStore } from '../../src/stores/assessment'
import { usePreferencesStore } from '../../src/stores/preferences'
import { PERSONAS } from '../fixtures/personas'
import { memoryHost, mountApp } from './mount-app'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

const trainer = PERSONAS.find((p) => p.expected === 'trainer')!

describe('kiosk mode', () => {
  it('saves nothing about the person, not even the language', async () => {
    const { host, state } = memoryHost(null, { kiosk: true })
    const { wrapper } = await mountApp('/question/1', host)
    await wrapper.get('#answer-license_held-no').setValue(true)
    await wrapper.get('.language-switch').trigger('click')
    await flushPromises()
    expect(useAssessmentStore().answers).toEqual({ license_held: 'no' })
    expect(state.saves).toBe(0)
    expect(state.saved).toBeNull()
    expect(state.preferences).toBeNull()
  })

  it('warns after the idle time with an announced countdown, and "I\'m still here" keeps everything', async () => {
    const { host } = memoryHost(null, { kiosk: true, kioskIdleSeconds: 60 })
    const { wrapper } = await mountApp('/question/1', host)
    await wrapper.get('#answer-license_held-no').setValue(true)
    await vi.advanceTimersByTimeAsync(59_000)
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)
    await vi.advanceTimersByTimeAsync(1_500)
    const dialog = wrapper.get('[role="alertdialog"]')
    expect(dialog.text()).toContain('Are you still there?')
    expect(dialog.text()).toMatch(/cleared in 30 seconds/)
    expect(wrapper.get('[aria-live="assertive"]').text()).toMatch(/30 seconds/)
    expect(document.activeElement?.textContent?.trim()).toBe('I’m still here')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(dialog.text()).toMatch(/cleared in 20 seconds/)

    await dialog.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)
    expect(useAssessmentStore().answers).toEqual({ license_held: 'no' })
  })

  it('wipes the session and returns to the welcome screen in English when nobody answers', async () => {
    const { host } = memoryHost(null, { kiosk: true, kioskIdleSeconds: 60 })
    const { wrapper, router } = await mountApp('/question/1', host)
    const store = useAssessmentStore()
    for (const [id, value] of Object.entries(trainer.answers)) store.setAnswer(id, value)
    usePreferencesStore().setLocale('es')
    await router.push('/results')
    await flushPromises()
    await vi.advanceTimersByTimeAsync(60_000 + 31_000)
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/')
    expect(store.answers).toEqual({})
    expect(store.result).toBeNull()
    expect(usePreferencesStore().locale).toBe('en')
    expect(wrapper.get('h1').text()).toBe('Find the Health IT role that fits you')
  })

  it('offers to print at Finish, then wipes', async () => {
    const { host } = memoryHost(null, { kiosk: true })
    const { wrapper, router } = await mountApp('/', host)
    const store = useAssessmentStore()
    for (const [id, value] of Object.entries(trainer.answers)) store.setAnswer(id, value)
    await router.push('/results')
    await flushPromises()
    expect(wrapper.findAll('button').some((b) => b.text() === 'Start over')).toBe(false)
    await wrapper.findAll('button').find((b) => b.text() === 'Finish')!.trigger('click')
    await flushPromises()
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
    await wrapper.findAll('button').find((b) => b.text() === 'Print, then finish')!.trigger('click')
    await flushPromises()
    expect(print).toHaveBeenCalledOnce()
    expect(router.currentRoute.value.path).toBe('/')
    expect(store.answers).toEqual({})
  })

  it('stays off outside kiosk mode', async () => {
    const { host, state } = memoryHost()
    const { wrapper } = await mountApp('/question/1', host)
    await wrapper.get('#answer-license_held-no').setValue(true)
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)
    expect(state.saves).toBeGreaterThan(0)
  })
})
