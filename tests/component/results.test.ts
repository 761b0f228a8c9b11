import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it as vitestIt, vi } from 'vitest'
import { useAssessmentStore } from '../../src/stores/assessment'
import { useResultViewStore } from '../../src/stores/result-view'
import { CLOSE_ROLES, NONE_STANDS_OUT, TRAINER_WITH_GAPS } from '../fixtures/lead-cases'
import { answersFor, PERSONAS } from '../fixtures/personas'
import { memoryHost, mountApp } from './mount-app'
import { APP_TEST_TIMEOUT, CONDITION_WAIT } from '../fixtures/waiting'

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
    expect(wrapper.findAll('.fit-chart details table tbody tr')).toHaveLength(6)
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
    const { wrapper } = await showResults(TRAINER_WITH_GAPS)
    expect(wrapper.get('#best-fit-title').text()).toBe('Trainer')
    const training = wrapper.get('.training').text()
    expect(training).toContain('training may take longer')
    expect(training).toContain('How to close this gap:')
  })

  it('cautions about patterned answers, and names no best fit when none stands out', async () => {
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
    expect(wrapper.get('#lead-title').text()).toBe('No role stands out yet')
    expect(wrapper.find('#best-fit-title').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('Your best fit')
  })

  it('leads with close roles together, says what separates them, and gives next steps for each', async () => {
    const { wrapper } = await showResults(CLOSE_ROLES)
    const view = useResultViewStore().view!
    expect(view.lead.kind).toBe('close')
    expect(wrapper.get('#lead-title').text()).toBe('Several roles fit you about as well')
    expect(wrapper.find('#best-fit-title').exists()).toBe(false)
    const names = wrapper.findAll('.lead-panel__name').map((n) => n.text())
    expect(names).toEqual(view.leadRoles.map((r) => r.name))
    expect(wrapper.get('.lead-panel').text()).toContain('one person may fill several of these roles')
    // The words a person reads (the exact-points table aside) never say "starting point".
    const why = wrapper
      .findAll('.person-why > :not(details)')
      .map((part) => part.text())
      .join(' ')
    expect(why).toContain(`What separates ${names[0]} and ${names[1]}`)
    expect(why).not.toMatch(/starting point/i)
    await vi.waitFor(() => expect(wrapper.findAll('.next-steps__role')).toHaveLength(names.length), CONDITION_WAIT)
  })

  it('says no role stands out and suggests roles to explore, each linked to its page', async () => {
    const { wrapper } = await showResults(NONE_STANDS_OUT)
    const view = useResultViewStore().view!
    const lead = wrapper.get('.lead-panel--none')
    expect(lead.text()).toContain('No role stands out yet')
    expect(lead.text()).toContain(`Your highest fit is ${view.lead.bestFit} out of 100`)
    for (const role of view.exploreRoles) expect(lead.find(`a[href="#/roles/${role.roleId}"]`).exists()).toBe(true)
    expect(wrapper.find('.person-why').exists()).toBe(false)
    expect(wrapper.find('.training').exists()).toBe(false)
  })

  it('words "why" for a person, keeps the exact points in a table, and shows today’s occupations', async () => {
    const { wrapper } = await showResults(trainer.answers)
    const why = useResultViewStore().view!.why
    const words = wrapper.get('.person-why')
    expect(words.text()).toContain('What raised your fit for Trainer')
    for (const row of why.raised)
      expect(words.text()).toContain(`${row.question}: ${row.answer} (+${row.points} points)`)
    expect(words.text()).toContain(`${why.comparison!.name} comes next, ${why.comparison!.gap} points lower.`)
    // The starting point stays, worded, in the details table only.
    expect(words.get('details .why__table').text()).toContain('Starting point')
    await vi.waitFor(() => expect(wrapper.find('.next-steps').exists()).toBe(true), CONDITION_WAIT)
    const steps = wrapper.get('.next-steps').text()
    expect(steps).toContain('Training and Development Specialists')
    expect(steps).toContain('O*NET code 13-1151.00')
    expect(steps).toContain('Our own matching of today’s occupations to this role, not ONC’s.')
    expect(steps).toContain('https://www.mynextmove.org/')
    // Addresses are printed, never links.
    expect(wrapper.findAll('.next-steps a')).toHaveLength(0)
    // The printout holds the lead, all six fits and the addresses.
    const printout = wrapper.get('.printout').text()
    expect(printout).toContain('Health IT Role Finder')
    expect(printout).toContain(`Your best fit: Trainer (${useResultViewStore().view!.bestFit.fit} out of 100)`)
    expect(wrapper.findAll('.printout__fits li')).toHaveLength(6)
    expect(printout).toContain('https://www.careeronestop.org/')
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
