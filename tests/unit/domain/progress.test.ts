import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { content, contentTexts } from '../../../src/content/index'
import { compareOverTime, presentProgress } from '../../../src/domain/progress'
import { compareResults, presentResult } from '../../../src/domain/report'
import { breakdownRole, scoreAnswers } from '../../../src/domain/scoring'
import { arbitraryAnswers } from '../../fixtures/arbitrary-answers'
import { PERSONAS } from '../../fixtures/personas'
import { checkProperty, testSeed } from '../../fixtures/seed'

const texts = contentTexts.en
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const trainer = PERSONAS.find((p) => p.expected === 'trainer')!.answers
const technical = PERSONAS.find((p) => p.expected === 'technical_support')!.answers

describe("a client's progress: each role's fit then and now, and the answers that moved it", () => {
  it('has the same roles, names and fits as the compare table', () => {
    const view = (answers: typeof trainer) => presentResult(content, texts, answers, scoreAnswers(content, answers))
    const rows = compareResults(content, view(trainer), view(technical))
    const progress = presentProgress(content, texts, trainer, technical)
    expect(
      progress.map(({ roleId, name, before, after, change }) => ({ roleId, name, before, after, change })),
    ).toEqual(rows)
  })

  it('names the changed answers with their words then and now', () => {
    const moved = presentProgress(content, texts, trainer, technical).find((p) => p.roleId === 'technical_support')!
    expect(moved.change).toBeGreaterThan(0)
    const top = moved.raised[0]!
    expect(top.points).toBeGreaterThan(0)
    expect(top.question).toBe(texts.questions[top.questionId]!.short)
    expect(top.then).not.toBe(top.now)
  })

  it('has nothing to say when nothing changed', () => {
    for (const role of presentProgress(content, texts, trainer, trainer)) {
      expect(role).toMatchObject({ change: 0, startingChange: 0, raised: [], lowered: [], otherAnswers: 0 })
    }
  })

  it('adds up exactly: starting change + listed answers + other answers = the shown change, for any two answer sets', async () => {
    // 150 pairs, each broken down for six roles twice: about a second, more on a busy machine.
    await checkProperty(
      testSeed(1718),
      150,
      fc.property(arbitraryAnswers(content), arbitraryAnswers(content), fc.nat({ max: 5 }), (then, now, limit) => {
        for (const role of content.roles) {
          const moved = compareOverTime(
            breakdownRole(content, then, role.id),
            breakdownRole(content, now, role.id),
            limit,
          )
          const listed = [...moved.raised, ...moved.lowered]
          expect(moved.startingChange + sum(listed.map((c) => c.shownPoints)) + moved.otherPoints).toBe(moved.change)
          expect(moved.raised.length).toBeLessThanOrEqual(limit)
          expect(moved.raised.every((c) => c.shownPoints > 0)).toBe(true)
          expect(moved.lowered.every((c) => c.shownPoints < 0)).toBe(true)
        }
      }),
    )
  }, 60_000)
})
