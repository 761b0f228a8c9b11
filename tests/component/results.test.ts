import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it as vitestIt } from 'vitest'
import { useAssessmentStore } from '../../src/stores/assessment'
import { answersFor, PERSONAS } from '../fixtures/personas'
import { memoryHost, mountApp } from './mount-app'
import { APP_TEST_TIMEOUT } from '../fixtures/waiting'

/** Every test here mounts the whole app: APP_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, APP_TEST_TIMEOUT)

afterEach(() => {
  document.body.innerHTML = ''
})

async function showResults(answers: Record<string, string | string[]>, host = memoryHost().host) {
  const mounted = await mountApp('/', host)
  const store = useAssessmentStore()
  for (const [id, value] of Object.entries(answers)) store.setAnswer(id, value)
  await mounted.router.push('/results')
  await flushPromises()
  return { ...mounted, store }
}

describe('the results view', () => {
  const trainer = PERSONAS.find((p) => p.expected === 'trainer')!

  it('shows the best fit, its training expectation and why, from the same numbers', async () => {
    const { wrapper, store } = await showResults(trainer.answers)
    const best = store.result!.ranking[0]!
    expect(wrapper.get('#best-fit-title').text()).toBe('Trainer')
    expect(wrapper.get('.best-fit__fit').text()).toBe(`Fit: ${best.shownFit} out of 100`)
    expect(wrapper.get('.training').text()).toContain('six months or less')

    const cells = wrapper.findAll('.why__table .numeric').map((c) => c.text())
    const numbers = wrapper
      .findAll('.why__table tbody td.numeric, .why__table tfoot td.numeric')
      .map((c) => Number(c.text().replace('−', '-')))
    const total = numbers.pop()!
    expect(numbers.reduce((a, b) => a + b, 0)).toBe(total)
    expect(total).toBe(best.shownFit)
    expect(cells.length).toBeGreaterThan(3)
  })

  it('lists all six roles with text values and marks the license-only role', async () => {
    const { wrapper } = await showResults(trainer.answers)
    const rows = wrapper.findAll('.fit-chart__row')
    expect(rows).toHaveLength(6)
    for (const row of rows) expect(row.get('.fit-chart__value').text()).toMatch(/^\d+ out of 100/)
    const ineligible = wrapper.get('.fit-chart__row--ineligible')
    expect(ineligible.text()).toContain('Clinical/Practitioner Consultant')
    expect(ineligible.text()).toContain('Needs an active clinical or public health license')
    expect(wrapper.findAll('details table tbody tr')).toHaveLength(6)
    expect(wrapper.find('a[href="#/roles/trainer"]').exists()).toBe(true)
  })

  it('says why the Redesign Specialist is not offered to a licensed clinician, without contradicting the license', async () => {
    const nurse = PERSONAS.find((p) => p.name.startsWith('Registered nurse who wants to redesign'))!
    const { wrapper } = await showResults(nurse.answers)
    const ineligible = wrapper.get('.fit-chart__row--ineligible')
    expect(ineligible.text()).toContain('Information Management Redesign Specialist')
    expect(ineligible.text()).toContain('ONC says this role is for people who are not licensed clinicians')
    expect(ineligible.text()).not.toContain('Needs an active clinical or public health license')
    expect(wrapper.get('#best-fit-title').text()).toBe('Clinical/Practitioner Consultant')
  })

  it('names the gaps when the background is missing', async () => {
    const newcomer = answersFor(
      { prefer_people_tech: 'mostly_people' },
      { like_design_course: 'strongly_like', like_teach_class: 'strongly_like' },
    )
    const { wrapper } = await showResults(newcomer)
    expect(wrapper.get('#best-fit-title').text()).toBe('Trainer')
    const training = wrapper.get('.training').text()
    expect(training).toContain('training may take longer')
    expect(training).toContain('How to close this gap:')
  })

  it('cautions about patterned answers and says when roles are close', async () => {
    const sameEverywhere = answersFor(
      {},
      Object.fromEntries(
        [
          'like_clinician_workflow',
          'like_quality_data',
          'like_clinician_voice',
          'like_lead_team',
          'like_plan_project',
          'like_vendors',
          'like_go_live_support',
          'like_setup_testing',
          'like_map_workflow',
          'like_redesign_work',
          'like_patching',
          'like_help_desk',
          'like_troubleshooting',
          'like_design_course',
          'like_teach_class',
          'like_plain_words',
        ].map((id) => [id, 'like']),
      ),
    )
    const { wrapper } = await showResults(sameEverywhere)
    expect(wrapper.text()).toContain('This result may not be reliable')
    expect(wrapper.text()).toContain('one person may fill several of these roles')
  })

  it('starts over only after confirming, and forgets everything', async () => {
    const { host, state } = memoryHost()
    const { wrapper, router, store } = await showResults(trainer.answers, host)
    expect(state.saved).not.toBeNull()
    await wrapper.get('.button--warning').trigger('click')
    await flushPromises()
    expect(document.activeElement?.classList.contains('confirm')).toBe(true)
    await wrapper.get('.confirm .button--warning').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/')
    expect(store.answers).toEqual({})
    expect(state.saved).toBeNull()
    expect(state.clears).toBe(1)
  })

  it('asks for the missing answers instead of showing a partial result', async () => {
    const { wrapper } = await showResults({ license_held: 'no' })
    expect(wrapper.text()).toContain('Answer all the questions to see your result.')
  })
})
