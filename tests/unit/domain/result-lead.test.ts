import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { content } from '../../../src/content/index'
import { compareRoles } from '../../../src/domain/compare'
import { explainForPerson } from '../../../src/domain/explain'
import { EXPLORE_COUNT, leadOf } from '../../../src/domain/lead'
import { breakdownRole, scoreAnswers } from '../../../src/domain/scoring'
import type { Answers, Content } from '../../../src/domain/types'
import { isAsked } from '../../../src/domain/visibility'
import { arbitraryAnswers } from '../../fixtures/arbitrary-answers'
import { answersFor, PERSONAS } from '../../fixtures/personas'
import { testSeed } from '../../fixtures/seed'

// Seeded so a failure can be replayed; fast-check prints the seed and the shrunk answers.
const RUNS = { numRuns: 300, seed: testSeed(2613) }
// Each property scores hundreds of answer sets: a second here, much more on a busy machine.
const PROPERTY = { timeout: 60_000 }
const answers = arbitraryAnswers(content)
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

/** The first option of every question asked: the "first option everywhere" answers. */
function firstOptionEverywhere(): Answers {
  const first: Answers = {}
  for (const q of content.questions)
    if (isAsked(q, first)) first[q.id] = q.kind === 'multiple' ? [q.options[0]!.id] : q.options[0]!.id
  return first
}

describe('what the result leads with', () => {
  it('says no role stands out when the best fit is below the documented level, and suggests roles to explore', () => {
    const result = scoreAnswers(content, firstOptionEverywhere())
    const lead = leadOf(content, result)
    expect(result.ranking[0]!.shownFit).toBeLessThan(content.settings.standOutLevel)
    expect(lead.kind).toBe('none_stands_out')
    expect(lead.roles).toEqual([])
    expect(lead.explore).toEqual(
      result.ranking
        .filter((s) => s.eligible)
        .slice(0, EXPLORE_COUNT)
        .map((s) => s.roleId),
    )
    // The README's reasons for the level: every answer neutral gives a best fit of about 36.
    const neutral = scoreAnswers(content, answersFor({}))
    expect(leadOf(content, neutral).kind).toBe('none_stands_out')
    expect(neutral.ranking[0]!.shownFit).toBeLessThan(40)
  })

  it('names one best fit for every persona, each well above the level', () => {
    for (const persona of PERSONAS) {
      const lead = leadOf(content, scoreAnswers(content, persona.answers))
      expect(lead, persona.name).toMatchObject({ kind: 'one', roles: [persona.expected], tiedForBest: [] })
      expect(lead.aheadOfNext!).toBeGreaterThan(content.settings.closeMargin)
      expect(lead.bestFit, persona.name).toBeGreaterThanOrEqual(60)
    }
  })

  it('leads with close roles together and says an exact tie instead of settling it by file order', () => {
    const generalist = answersFor(
      { it_years: '4_plus', it_work: ['help_desk', 'software'], teaching: 'formal', go_live: 'support' },
      {
        like_go_live_support: 'strongly_like',
        like_teach_class: 'strongly_like',
        like_help_desk: 'strongly_like',
        like_setup_testing: 'like',
        like_design_course: 'like',
        like_patching: 'like',
      },
    )
    const lead = leadOf(content, scoreAnswers(content, generalist))
    expect(['close', 'tie']).toContain(lead.kind)
    expect(lead.roles.length).toBeGreaterThan(1)

    // A made-up content whose two roles always tie: the lead says so.
    const twins: Content = {
      ...content,
      questions: [
        {
          id: 'q',
          section: 'interests',
          kind: 'single',
          required: true,
          options: [
            { id: 'a', weights: { trainer: 1, technical_support: 1 } },
            { id: 'b', weights: {} },
          ],
        },
      ],
      roles: content.roles.filter((r) => r.id === 'trainer' || r.id === 'technical_support'),
    }
    const tie = leadOf(twins, scoreAnswers(twins, { q: 'a' }))
    expect(tie).toMatchObject({ kind: 'tie', tiedForBest: ['technical_support', 'trainer'] })
    expect(tie.roles).toEqual(['technical_support', 'trainer'])
  })

  it('follows its rules for any answers: only eligible roles, in ranking order, within the margin', PROPERTY, () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = scoreAnswers(content, a)
        const lead = leadOf(content, result)
        const eligible = result.ranking.filter((s) => s.eligible)
        const best = eligible[0]!
        const { standOutLevel, closeMargin } = content.settings
        const tied = eligible.filter((s) => s.shownFit === best.shownFit).map((s) => s.roleId)
        expect(lead.tiedForBest).toEqual(tied.length > 1 ? tied : [])
        if (best.shownFit < standOutLevel) {
          expect(lead.kind).toBe('none_stands_out')
          expect(lead.roles).toEqual([])
          expect(lead.explore.length).toBe(Math.min(EXPLORE_COUNT, eligible.length))
          return
        }
        const within = eligible.filter((s) => best.shownFit - s.shownFit <= closeMargin).map((s) => s.roleId)
        expect(lead.roles).toEqual(within)
        expect(lead.roles[0]).toBe(result.bestFit)
        expect(lead.kind).toBe(tied.length > 1 ? 'tie' : within.length > 1 ? 'close' : 'one')
        const next = eligible[within.length]
        expect(lead.aheadOfNext).toBe(next ? eligible[within.length - 1]!.shownFit - next.shownFit : null)
        if (lead.aheadOfNext !== null) expect(lead.aheadOfNext).toBeGreaterThanOrEqual(0)
      }),
      RUNS,
    )
  })
})

describe('what separates two roles, from the same contributions', () => {
  it('adds up to the gap between the shown fits, for any answers and any two roles', PROPERTY, () => {
    fc.assert(
      fc.property(answers, fc.nat(5), fc.nat(5), (a, i, j) => {
        const ranking = scoreAnswers(content, a).ranking
        const [first, second] = [ranking[i]!, ranking[j]!].map((s) => breakdownRole(content, a, s.roleId)) as [
          ReturnType<typeof breakdownRole>,
          ReturnType<typeof breakdownRole>,
        ]
        const c = compareRoles(first, second)
        expect(c.gap).toBe(first.shownFit - second.shownFit)
        const listed = sum([...c.forFirst, ...c.forSecond].map((d) => d.shownPoints))
        expect(c.startingGap + listed + c.otherPoints).toBe(c.gap)
        expect(c.forFirst.every((d) => d.shownPoints > 0)).toBe(true)
        expect(c.forSecond.every((d) => d.shownPoints < 0)).toBe(true)
        // Every listed difference is exactly one answer's points for one role minus the other's.
        for (const d of [...c.forFirst, ...c.forSecond]) {
          const mine = first.contributions.find((x) => x.questionId === d.questionId)!
          const theirs = second.contributions.find((x) => x.questionId === d.questionId)!
          expect(d.points).toBeCloseTo(mine.points - theirs.points, 9)
          expect(d.shownPoints).toBe(mine.shownPoints - theirs.shownPoints)
        }
      }),
      RUNS,
    )
  })

  it('puts the answers that differ most first', () => {
    const nurse = PERSONAS.find((p) => p.name.startsWith('Physical therapist'))!
    const ranking = scoreAnswers(content, nurse.answers).ranking
    const [first, second] = ranking.slice(0, 2).map((s) => breakdownRole(content, nurse.answers, s.roleId))
    const c = compareRoles(first!, second!)
    expect(c.first).toBe('trainer')
    expect(c.forFirst.map((d) => d.questionId)).toContain('like_design_course')
    const points = c.forFirst.map((d) => d.points)
    expect(points).toEqual([...points].sort((x, y) => y - x))
  })
})

describe('the explanation worded for a person', () => {
  it('says what raised and lowered the role and compares the best fit with the next role', () => {
    const manager = PERSONAS.find((p) => p.expected === 'implementation_manager')!
    const result = scoreAnswers(content, manager.answers)
    const why = explainForPerson(content, manager.answers, result, 'implementation_manager')
    expect(why.raised.map((c) => c.questionId)).toContain('like_lead_team')
    expect(why.comparison).toMatchObject({
      first: 'implementation_manager',
      second: result.ranking.filter((s) => s.eligible)[1]!.roleId,
    })
    const other = explainForPerson(content, manager.answers, result, 'trainer')
    expect(other.comparison).toMatchObject({ first: 'trainer', second: 'implementation_manager' })
    expect(other.comparison!.gap).toBeLessThan(0)
  })

  it('keeps the same numbers as the score for any answers and role', PROPERTY, () => {
    fc.assert(
      fc.property(answers, fc.nat(5), (a, index) => {
        const result = scoreAnswers(content, a)
        const score = result.ranking[index]!
        const why = explainForPerson(content, a, result, score.roleId)
        const listed = sum([...why.raised, ...why.lowered].map((c) => c.shownPoints))
        expect(why.shownBaseline + listed + why.otherPoints).toBe(score.shownFit)
        expect(why.shownFit).toBe(score.shownFit)
        expect(why.raised.length).toBeLessThanOrEqual(3)
        if (why.comparison)
          expect(why.comparison.gap).toBe(
            score.shownFit - result.ranking.find((s) => s.roleId === why.comparison!.second)!.shownFit,
          )
      }),
      RUNS,
    )
  })
})
