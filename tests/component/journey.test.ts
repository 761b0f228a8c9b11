/**
 * The journey around the result (issue 13): a shared computer asks before it shows saved
 * answers, Start over is on every question behind a confirmation, and Change on Check your
 * answers comes back there after the changed question and any follow-up it opens.
 */
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it as vitestIt, vi } from 'vitest'
import type { SavedProgress } from '../../src/shared/host-contract'
import { useAssessmentStore } from '../../src/stores/assessment'
import { useResultViewStore } from '../../src/stores/result-view'
import { PERSONAS } from '../fixtures/personas'
import { APP_TEST_TIMEOUT, CONDITION_WAIT } from '../fixtures/waiting'
import { appIsIdle, memoryHost, mountApp } from './mount-app'

/** Every test here mounts the whole app: APP_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, APP_TEST_TIMEOUT)

afterEach(() => {
  document.body.innerHTML = ''
})

const trainer = PERSONAS.find((p) => p.expected === 'trainer' && p.answers.license_held === 'no')!
const saved = (answers = trainer.answers, route = '/results'): SavedProgress => ({
  schema: 1,
  savedAt: '2026-11-30T10:00:00.000Z',
  answers,
  route,
})

/** The app opened at `path` on a computer where someone left progress, as start-up does. */
async function openWithSaved(progress: SavedProgress) {
  const memory = memoryHost(progress)
  const mounted = await mountApp('/', memory.host)
  const store = useAssessmentStore()
  expect(await store.resume()).toBeNull()
  await flushPromises()
  return { ...mounted, ...memory, store }
}

const settle = () => vi.waitFor(() => expect(appIsIdle()).toBe(true), CONDITION_WAIT)

describe('saved progress on a shared computer', () => {
  it('asks "Continue or start over?" and shows nothing of the answers until Continue', async () => {
    const { wrapper, router, store } = await openWithSaved(saved())
    expect(router.currentRoute.value.path).toBe('/')
    expect(wrapper.get('#saved-title').text()).toBe('Continue where you left off, or start over?')
    // Nothing of the answers is in the store's answers or on the page.
    expect(store.answers).toEqual({})
    expect(useResultViewStore().view).toBeNull()
    expect(wrapper.text()).not.toContain('Trainer')
    expect(wrapper.find('.welcome > .button-row').exists()).toBe(false)

    await wrapper.get('.saved-prompt .button--primary').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/results')
    expect(wrapper.get('#best-fit-title').text()).toBe('Trainer')
  })

  it('starts over from the prompt, erasing the saved answers', async () => {
    const { wrapper, router, store, state } = await openWithSaved(saved())
    await wrapper.get('.saved-prompt .button--secondary').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/question/1'), CONDITION_WAIT)
    await settle()
    expect(state.saved).toBeNull()
    expect(store.heldProgress).toBeNull()
    expect(wrapper.findAll('input:checked')).toHaveLength(0)
  })

  it('continues at once on a question, review or result address (a reload of the same window)', async () => {
    const { wrapper, router } = await openWithSaved(saved())
    await router.push('/results')
    await settle()
    expect(wrapper.get('#best-fit-title').text()).toBe('Trainer')
  })

  it('never asks in a kiosk, which saves nothing', async () => {
    const memory = memoryHost(saved(), { kiosk: true })
    const { wrapper } = await mountApp('/', memory.host)
    expect(wrapper.find('#saved-title').exists()).toBe(false)
  })
})

describe('Start over on every question', () => {
  it('is on each question and erases only after the confirmation; backing out keeps every answer', async () => {
    const { host, state } = memoryHost()
    const { wrapper, router } = await mountApp('/', host)
    const store = useAssessmentStore()
    store.setAnswer('license_held', 'no')
    await router.push('/question/2')
    await settle()
    const startOver = () => wrapper.get('.question-page__start-over .button--warning')
    expect(startOver().text()).toBe('Start over')
    await startOver().trigger('click')
    await flushPromises()
    expect(wrapper.get('.confirm').text()).toContain('This erases all your answers')
    // "No, go back" loses nothing.
    await wrapper.get('.confirm .button--secondary').trigger('click')
    await flushPromises()
    expect(store.answers).toEqual({ license_held: 'no' })
    expect(state.saved?.answers).toEqual({ license_held: 'no' })

    await startOver().trigger('click')
    await flushPromises()
    await wrapper.get('.confirm .button--warning').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/'), CONDITION_WAIT)
    expect(store.answers).toEqual({})
    expect(state.saved).toBeNull()
  })
})

describe('Change from Check your answers', () => {
  async function atReview(answers = trainer.answers) {
    const { wrapper, router } = await mountApp('/')
    const store = useAssessmentStore()
    for (const [id, value] of Object.entries(answers)) store.setAnswer(id, value)
    await router.push('/review')
    await settle()
    return { wrapper, router, store }
  }
  const changeLink = (wrapper: Awaited<ReturnType<typeof atReview>>['wrapper'], number: number) =>
    wrapper.findAll('.summary-list__action a').find((a) => a.attributes('href') === `#/question/${number}?from=review`)!

  it('returns to Check your answers after the changed question', async () => {
    const { wrapper, router, store } = await atReview()
    const position = store.questions.findIndex((q) => q.id === 'like_teach_class') + 1
    await changeLink(wrapper, position).trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe(`/question/${position}?from=review`)
    expect(wrapper.get('button[type="submit"]').text()).toBe('Save and go back to check your answers')
    await wrapper.get('#answer-like_teach_class-dislike').setValue(true)
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(router.currentRoute.value.path).toBe('/review')
    expect(store.answers.like_teach_class).toBe('dislike')
  })

  it('asks a follow-up the change opens, then returns to Check your answers', async () => {
    const { wrapper, router, store } = await atReview()
    expect(store.answers.license_held).toBe('no')
    await changeLink(wrapper, 1).trigger('click')
    await settle()
    await wrapper.get('#answer-license_held-yes').setValue(true)
    await wrapper.get('form').trigger('submit')
    await settle()
    // The license's kind is newly asked: question 2, still from review.
    expect(router.currentRoute.value.fullPath).toBe('/question/2?from=review')
    expect(store.questions[1]!.id).toBe('license_kind')
    await wrapper.get('#answer-license_kind-rn').setValue(true)
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/question/3?from=review')
    await wrapper.get('#answer-license_status-active').setValue(true)
    await wrapper.get('form').trigger('submit')
    await settle()
    // Every follow-up answered: back to Check your answers, not through every later question.
    const open = store.firstOpenQuestion
    if (open === 0) expect(router.currentRoute.value.path).toBe('/review')
    else expect(router.currentRoute.value.fullPath).toBe(`/question/${open}?from=review`)
  })
})

describe('a guided session on a computer with saved progress', () => {
  it('keeps the session’s answers: held progress never replaces them', async () => {
    const { router, store } = await openWithSaved(saved())
    store.replaceAnswers({ license_held: 'yes' })
    await router.push('/question/1')
    await settle()
    expect(store.answers).toEqual({ license_held: 'yes' })
    expect(store.heldProgress).toBeNull()
  })
})
