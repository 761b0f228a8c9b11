import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it as vitestIt, vi } from 'vitest'
import { useAssessmentStore } from '../../src/stores/assessment'
import { usePreferencesStore } from '../../src/stores/preferences'
import { PERSONAS } from '../fixtures/personas'
import { memoryHost, mountApp, switchLanguage } from './mount-app'
import { settle, STORE_TEST_TIMEOUT, until } from './counselor-support'
import { APP_TEST_TIMEOUT } from '../fixtures/waiting'

/** Every test here mounts the whole app: APP_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown, timeout = APP_TEST_TIMEOUT) => vitestIt(name, body, timeout)

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
    await switchLanguage(wrapper)
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
    await usePreferencesStore().setLocale('es')
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
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Finish')!
      .trigger('click')
    await flushPromises()
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Print, then finish')!
      .trigger('click')
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

describe('leaving kiosk mode', () => {
  it('needs the counselor passcode, with a linked error when it is wrong', async () => {
    const { host, state } = memoryHost(null, { kiosk: true })
    const { wrapper, router } = await mountApp('/', host)
    const link = wrapper.get('a[href="#/kiosk/leave"]')
    expect(link.text()).toBe('Staff: leave kiosk mode')
    await router.push('/kiosk/leave')
    await flushPromises()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('.error-summary').text()).toContain('Enter the counselor passcode.')
    expect(state.kioskRequests).toEqual([])

    await wrapper.get('#leave-kiosk-passcode').setValue('guess')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('.error-summary').text()).toContain('That passcode is not right.')
    await wrapper.get('#leave-kiosk-passcode').setValue('center passcode')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(state.kioskRequests.at(-1)).toEqual({ enabled: false, passcode: 'center passcode' })
  })

  it('is not offered outside kiosk mode', async () => {
    const { wrapper, router } = await mountApp('/', memoryHost().host)
    expect(wrapper.find('a[href="#/kiosk/leave"]').exists()).toBe(false)
    await router.push('/kiosk/leave')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/')
  })
})

describe('turning kiosk mode on', () => {
  it(
    'is offered in the counselor area and asks the host to restart as a kiosk',
    async () => {
      vi.useRealTimers()
      const { host, state } = memoryHost()
      await host.counselorOpen({ passcode: 'center passcode' })
      const { wrapper, router } = await mountApp('/', host)
      await router.push('/counselor/clients')
      // The client list loads from the real encrypted store: wait until the app is idle.
      await settle()
      const setting = wrapper.get('.kiosk-setting')
      expect(setting.text()).toContain('saves nothing about anyone')
      await setting.get('button').trigger('click')
      await until(() => state.kioskRequests.length > 0, 'the request to the host')
      expect(state.kioskRequests).toEqual([{ enabled: true }])
    },
    STORE_TEST_TIMEOUT,
  )
})
