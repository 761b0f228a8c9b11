import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it as vitestIt } from 'vitest'
import { useAssessmentStore } from '../../src/stores/assessment'
import { memoryHost, mountApp } from './mount-app'
import { APP_TEST_TIMEOUT } from '../fixtures/waiting'

/** Every test here mounts the whole app: APP_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, APP_TEST_TIMEOUT)

afterEach(() => {
  document.body.innerHTML = ''
})

async function next(wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper']) {
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}

describe('the questionnaire', () => {
  it('starts from the welcome screen', async () => {
    const { wrapper, router } = await mountApp('/')
    expect(wrapper.get('h1').text()).toBe('Find the Health IT role that fits you')
    await wrapper.get('a.button--primary').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/question/1')
    expect(wrapper.get('legend h1').text()).toContain('state license')
  })

  it('blocks Next until a required question is answered, with a linked error summary', async () => {
    const { wrapper, router } = await mountApp('/question/1')
    await next(wrapper)
    expect(router.currentRoute.value.path).toBe('/question/1')
    const summary = wrapper.get('.error-summary')
    expect(summary.attributes('role')).toBe('alert')
    expect(document.activeElement).toBe(summary.element)
    const link = summary.get('a')
    expect(link.text()).toBe('Choose an answer to continue.')
    expect(link.attributes('href')).toBe('#answer-license_held-yes')
    const describedBy = wrapper.get('fieldset').attributes('aria-describedby')!
    expect(describedBy.split(' ')).toContain('answer-license_held-error')

    await wrapper.get('#answer-license_held-no').setValue(true)
    expect(wrapper.find('.error-summary').exists()).toBe(false) // fixed, so the message goes
    await next(wrapper)
    expect(router.currentRoute.value.path).toBe('/question/2')
    expect(wrapper.find('.error-summary').exists()).toBe(false)
  })

  it('keeps answers when going back, and saves them as they are given', async () => {
    const { host, state } = memoryHost()
    const { wrapper, router } = await mountApp('/question/1', host)
    await wrapper.get('#answer-license_held-no').setValue(true)
    await next(wrapper)
    await wrapper.get('#answer-health_years-4_to_9').setValue(true)
    await next(wrapper)
    expect(wrapper.text()).toContain('Question 3 of 30')

    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Back')!
      .trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/question/2')
    expect((wrapper.get('#answer-health_years-4_to_9').element as HTMLInputElement).checked).toBe(true)
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Back')!
      .trigger('click')
    await flushPromises()
    expect((wrapper.get('#answer-license_held-no').element as HTMLInputElement).checked).toBe(true)
    expect(state.saved?.answers).toEqual({ license_held: 'no', health_years: '4_to_9' })
  })

  it('asks license follow-ups only of people who hold one', async () => {
    const { wrapper } = await mountApp('/question/1')
    await wrapper.get('#answer-license_held-yes').setValue(true)
    await next(wrapper)
    expect(wrapper.text()).toContain('Question 2 of 33')
    expect(wrapper.get('legend h1').text()).toBe('Which kinds of license do you hold?')
  })

  it('lets "none of these" stand alone in a multiple-choice question', async () => {
    const { wrapper } = await mountApp('/question/1')
    const store = useAssessmentStore()
    store.setAnswer('license_held', 'no')
    store.setAnswer('health_years', '1_to_3')
    await wrapper.vm.$router.push('/question/3')
    await flushPromises()
    await wrapper.get('#answer-health_work-clinical').setValue(true)
    await wrapper.get('#answer-health_work-library').setValue(true)
    expect(store.answers.health_work).toEqual(['clinical', 'library'])
    await wrapper.get('#answer-health_work-none').setValue(true)
    expect(store.answers.health_work).toEqual(['none'])
    await wrapper.get('#answer-health_work-public_health').setValue(true)
    expect(store.answers.health_work).toEqual(['public_health'])
  })

  it('does not let an address skip past unanswered questions', async () => {
    const { router } = await mountApp('/question/12')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/question/1')
  })
})
