import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { content, contentTexts } from '../../../src/content/index'
import es from '../../../src/content/locales/es.json'
import type { ContentTexts } from '../../../src/content/schema'
import { compareResults, presentResult } from '../../../src/domain/report'
import { breakdownRole, scoreAnswers } from '../../../src/domain/scoring'
import { arbitraryAnswers } from '../../fixtures/arbitrary-answers'
import { PERSONAS } from '../../fixtures/personas'

const present = (answers: (typeof PERSONAS)[number]['answers'], texts: ContentTexts = contentTexts.en) =>
  presentResult(content, texts, answers, scoreAnswers(content, answers))

describe('the result presenter', () => {
  it.each(PERSONAS.map((p) => [p.name, p] as const))('%s: plain data, with the same numbers as the score', (_n, p) => {
    const result = scoreAnswers(content, p.answers)
    const view = present(p.answers)
    expect(structuredClone(view)).toEqual(view)
    expect(JSON.parse(JSON.stringify(view))).toEqual(view)
    expect(view.bestFit.roleId).toBe(result.bestFit)
    expect(view.ranking.map((r) => [r.roleId, r.fit])).toEqual(result.ranking.map((s) => [s.roleId, s.shownFit]))
    const why = view.bestFit.explanation
    const listed = [...why.raised, ...why.lowered].reduce((total, row) => total + row.points, 0)
    expect(why.startingPoint + listed + why.otherAnswers).toBe(view.bestFit.fit)
    expect(why.startingPoint).toBe(breakdownRole(content, p.answers, result.bestFit).shownBaseline)
  })

  it('words everything in the language of the texts it is given', () => {
    const manager = PERSONAS.find((p) => p.expected === 'implementation_manager')!
    const spanish = present(manager.answers, es as ContentTexts)
    expect(spanish.bestFit.name).toBe(es.roles.implementation_manager.name)
    expect(spanish.ranking.map((r) => r.name)).toEqual(spanish.ranking.map((r) => es.roles[r.roleId].name))
    expect(spanish.bestFit.explanation.raised[0]!.question).toBe(
      es.questions[spanish.bestFit.explanation.raised[0]!.questionId as keyof typeof es.questions].short,
    )
  })

  it('names every role shown as equal best, the best first (seed 11)', () => {
    const sets = fc.sample(arbitraryAnswers(content), { numRuns: 200, seed: 11 })
    const tied = sets.find((a) => scoreAnswers(content, a).ranking[0]!.tiedWith.length > 0)
    expect(tied, 'a tied answer set among the first 200 of seed 11').toBeDefined()
    const view = present(tied!)
    expect(view.bestFit.equalNames).toEqual(
      [view.bestFit.roleId, ...view.bestFit.tiedWith].map((id) => contentTexts.en.roles[id].name),
    )
    expect(present(PERSONAS[0]!.answers).bestFit.equalNames).toEqual([])
  })

  it('compares two results role by role, in the roles file’s order', () => {
    const [first, second] = [PERSONAS[0]!, PERSONAS[PERSONAS.length - 1]!]
    const [then, now] = [present(first.answers), present(second.answers)]
    const rows = compareResults(content, then, now)
    expect(rows.map((r) => r.roleId)).toEqual(content.roles.map((r) => r.id))
    for (const row of rows) {
      expect(row.before).toBe(then.ranking.find((r) => r.roleId === row.roleId)!.fit)
      expect(row.after).toBe(now.ranking.find((r) => r.roleId === row.roleId)!.fit)
      expect(row.change).toBe(row.after - row.before)
    }
  })
})
