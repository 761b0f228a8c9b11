import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { content } from '../../../src/content/index'
import { checkAnswers } from '../../../src/domain/answers'
import { breakdownRole, scoreAnswers } from '../../../src/domain/scoring'
import { roundToTotal } from '../../../src/domain/rounding'
import { ROLE_IDS } from '../../../src/domain/types'
import { arbitraryAnswers } from '../../fixtures/arbitrary-answers'
import { PERSONAS } from '../../fixtures/personas'

const answers = arbitraryAnswers(content)
const RUNS = { numRuns: 500 }
const likertQuestions = content.questions.filter((q) => q.kind === 'likert')
const SCALE = ['strongly_dislike', 'dislike', 'neutral', 'like', 'strongly_like']

describe('scoring properties over random valid answers', () => {
  it('generates only valid answer sets (guards the generator itself)', () => {
    fc.assert(
      fc.property(answers, (a) => checkAnswers(content, a).length === 0),
      RUNS,
    )
  })

  it('gives every role a fit from 0 to 100 whose explanation adds up', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = scoreAnswers(content, a)
        expect(result.ranking.map((s) => s.roleId).sort()).toEqual([...ROLE_IDS].sort())
        for (const s of result.ranking) {
          expect(s.fit).toBeGreaterThanOrEqual(0)
          expect(s.fit).toBeLessThanOrEqual(100)
          const b = breakdownRole(content, a, s.roleId)
          expect([b.fit, b.shownFit]).toEqual([s.fit, s.shownFit])
          expect(s.baseline + b.contributions.reduce((t, c) => t + c.points, 0)).toBeCloseTo(s.fit, 9)
          expect(b.shownBaseline + b.contributions.reduce((t, c) => t + c.shownPoints, 0)).toBe(s.shownFit)
        }
      }),
      RUNS,
    )
  })

  it('never picks the Clinical/Practitioner Consultant without an active license', () => {
    fc.assert(
      fc.property(answers, (a) => {
        fc.pre(a.license_status !== 'active')
        expect(scoreAnswers(content, a).bestFit).not.toBe('clinical_consultant')
      }),
      RUNS,
    )
  })

  it('gives the same result for the same answers, whatever their key order', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const reversed = Object.fromEntries(Object.entries(a).reverse())
        const [one, two] = [scoreAnswers(content, reversed), scoreAnswers(content, a)]
        expect(one).toEqual(two)
        // The breakdown is worked out apart from the score, so compare it explicitly too.
        const breakdown = (answers: typeof a) => one.ranking.map((s) => breakdownRole(content, answers, s.roleId))
        expect(breakdown(reversed)).toEqual(breakdown(a))
      }),
      { numRuns: 200 },
    )
  })

  it("never lowers a role's fit when the person likes one of its activities more", () => {
    const question = fc.constantFrom(...likertQuestions)
    fc.assert(
      fc.property(answers, question, fc.integer({ min: 0, max: 3 }), (a, q, step) => {
        const lower = { ...a, [q.id]: SCALE[step]! }
        const higher = { ...a, [q.id]: SCALE[step + 1]! }
        const before = scoreAnswers(content, lower).ranking
        const after = scoreAnswers(content, higher).ranking
        for (const roleId of Object.keys(q.options[0]!.weights)) {
          const weight = q.options.find((o) => o.id === 'strongly_like')!.weights[roleId as never] ?? 0
          if (weight <= 0) continue
          const fitBefore = before.find((s) => s.roleId === roleId)!.fit
          const fitAfter = after.find((s) => s.roleId === roleId)!.fit
          expect(fitAfter).toBeGreaterThan(fitBefore)
        }
      }),
      RUNS,
    )
  })

  it('makes each of the six roles the best fit for some answers', () => {
    const winners = new Set(PERSONAS.map((p) => scoreAnswers(content, p.answers).bestFit))
    expect([...winners].sort()).toEqual([...ROLE_IDS].sort())
  })
})

describe('roundToTotal', () => {
  it('rounds to whole numbers that keep the total', () => {
    expect(roundToTotal([40.4, 10.3, -3.2, 5.5], 53)).toEqual([40, 10, -3, 6])
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (values) => {
          const total = Math.round(values.reduce((a, b) => a + b, 0)) + 0 // + 0 turns -0 into 0
          const rounded = roundToTotal(values, total)
          expect(rounded.reduce((a, b) => a + b, 0)).toBe(total)
          rounded.forEach((r, i) => expect(Math.abs(r - values[i]!)).toBeLessThan(1.000001))
        },
      ),
    )
  })
})
