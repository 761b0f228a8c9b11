import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { content } from '../../../src/content/index'
import { leadOf } from '../../../src/domain/lead'
import { GAP_LIMIT, sessionOutcome, summarizeProgram } from '../../../src/domain/program-summary'
import { scoreAnswers } from '../../../src/domain/scoring'
import { sessionResultOf } from '../../../src/domain/session-result'
import type { Answers, RoleId } from '../../../src/domain/types'
import type { Session } from '../../../src/shared/records'
import { arbitraryAnswers } from '../../fixtures/arbitrary-answers'
import { checkProperty, testSeed } from '../../fixtures/seed'

type Fits = Record<RoleId, number>
const LOW: Fits = {
  clinical_consultant: 20,
  implementation_manager: 20,
  implementation_support: 20,
  redesign_specialist: 20,
  technical_support: 20,
  trainer: 20,
}
const LICENSED: Answers = { license_held: 'yes', license_status: 'active', license_kind: 'rn' }
const IT_WORKER: Answers = { it_years: '4_plus' }

let made = 0
/** A hand-made finished session: the fits given (20 for the rest), the answers given. */
function session(fits: Partial<Fits>, answers: Answers = {}, startedAt = '2026-03-02T10:00:00.000Z') {
  made++
  const allFits = { ...LOW, ...fits }
  return {
    id: `s${made}`,
    startedAt,
    answers,
    result: { fits: allFits, bestFit: 'trainer' as RoleId, contentVersion: content.version },
  } satisfies Pick<Session, 'id' | 'startedAt' | 'answers' | 'result'>
}

describe('one session: what it led with, worked out from its stored fits and answers', () => {
  it.each([
    {
      name: 'one role well ahead',
      fits: { implementation_manager: 80, trainer: 60 },
      answers: {},
      bestFit: 'implementation_manager',
      lead: 'one',
      bringsBackground: false,
      gaps: ['health_or_it_work', 'leading_people'],
    },
    {
      name: 'two roles within the close margin (8 points)',
      fits: { technical_support: 70, implementation_support: 62 },
      answers: IT_WORKER,
      bestFit: 'technical_support',
      lead: 'close',
      bringsBackground: true,
      gaps: [],
    },
    {
      name: 'just outside the close margin',
      fits: { technical_support: 70, implementation_support: 61 },
      answers: IT_WORKER,
      bestFit: 'technical_support',
      lead: 'one',
      bringsBackground: true,
      gaps: [],
    },
    {
      name: 'an exact tie at the top: the roles file order names the best fit',
      fits: { trainer: 60, implementation_manager: 60 },
      answers: {},
      bestFit: 'implementation_manager',
      lead: 'tie',
      bringsBackground: false,
      gaps: ['health_or_it_work', 'leading_people'],
    },
    {
      name: 'no role reaches the stand-out level (50)',
      fits: { trainer: 49 },
      answers: { teaching: 'formal' },
      bestFit: 'trainer',
      lead: 'none_stands_out',
      bringsBackground: true,
      gaps: [],
    },
    {
      name: 'the highest fit is a role the person is not eligible for',
      fits: { clinical_consultant: 95, redesign_specialist: 70 },
      answers: {},
      bestFit: 'redesign_specialist',
      lead: 'one',
      bringsBackground: false,
      gaps: ['health_care_or_it_work'],
    },
    {
      name: 'a licensed person is not offered the redesign role, whatever its fit',
      fits: { redesign_specialist: 95, clinical_consultant: 70 },
      answers: LICENSED,
      bestFit: 'clinical_consultant',
      lead: 'one',
      bringsBackground: true,
      gaps: [],
    },
    {
      name: 'a desirable item unmet is not a gap',
      fits: { trainer: 75 },
      answers: { health_work: 'clinical' },
      bestFit: 'trainer',
      lead: 'one',
      bringsBackground: true,
      gaps: [],
    },
  ])('$name', ({ fits, answers, bestFit, lead, bringsBackground, gaps }) => {
    expect(sessionOutcome(content, session(fits, answers as Answers))).toEqual({
      bestFit,
      lead,
      bringsBackground,
      gaps,
    })
  })

  it('has no outcome while the session is unfinished', () => {
    expect(sessionOutcome(content, { answers: {}, result: null })).toBeNull()
  })
})

describe('the program summary over a table of sessions', () => {
  const march = [
    session({ implementation_manager: 80 }, {}, '2026-03-01T09:00:00.000Z'),
    session({ implementation_manager: 78 }, IT_WORKER, '2026-03-02T09:00:00.000Z'),
    session({ technical_support: 70, implementation_support: 65 }, IT_WORKER, '2026-03-03T09:00:00.000Z'),
    session({ trainer: 60, implementation_manager: 60 }, {}, '2026-03-04T09:00:00.000Z'),
    session({ trainer: 40 }, {}, '2026-03-05T09:00:00.000Z'),
    { id: 'open', startedAt: '2026-03-06T09:00:00.000Z', answers: {}, result: null },
    session({ trainer: 90 }, {}, '2026-04-01T09:00:00.000Z'),
  ]

  it('counts every session in the range, and the assessments among them', () => {
    const summary = summarizeProgram(content, march, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    })
    expect(summary).toEqual({
      range: { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
      sessions: 6,
      finished: 5,
      bestFit: {
        clinical_consultant: 0,
        implementation_manager: 3,
        implementation_support: 0,
        redesign_specialist: 0,
        technical_support: 1,
        trainer: 1,
      },
      lead: { one: 2, close: 1, tie: 1, none_stands_out: 1 },
      bringsBackground: 1,
      gaps: [
        { roleId: 'implementation_manager', requirementId: 'leading_people', count: 3 },
        { roleId: 'implementation_manager', requirementId: 'health_or_it_work', count: 2 },
        { roleId: 'trainer', requirementId: 'teaching_or_health_background', count: 1 },
      ],
    })
  })

  it.each([
    { name: 'no range: everything', range: {}, sessions: 7, finished: 6 },
    { name: 'from is included', range: { from: '2026-03-05T09:00:00.000Z' }, sessions: 3, finished: 2 },
    { name: 'to is left out', range: { to: '2026-03-05T09:00:00.000Z' }, sessions: 4, finished: 4 },
    { name: 'an empty range', range: { from: '2027-01-01T00:00:00.000Z' }, sessions: 0, finished: 0 },
  ])('range: $name', ({ range, sessions, finished }) => {
    const summary = summarizeProgram(content, march, range)
    expect({ sessions: summary.sessions, finished: summary.finished }).toEqual({ sessions, finished })
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
    expect(sum(summary.bestFit)).toBe(finished)
    expect(sum(summary.lead)).toBe(finished)
  })

  it('keeps the most often named gaps, at most GAP_LIMIT, in an order that does not depend on session order', () => {
    const many = [
      ...Array.from({ length: 3 }, () => session({ implementation_support: 80 })),
      ...Array.from({ length: 2 }, () => session({ redesign_specialist: 80 })),
      ...Array.from({ length: 2 }, () => session({ technical_support: 80 })),
      session({ trainer: 80 }),
      session({ implementation_manager: 80 }),
    ]
    const gaps = summarizeProgram(content, many).gaps
    expect(gaps).toHaveLength(GAP_LIMIT)
    expect(gaps.map((g) => `${g.roleId}/${g.requirementId} ${g.count}`)).toEqual([
      'implementation_support/it_or_information_work 3',
      'redesign_specialist/health_care_or_it_work 2',
      'technical_support/it_work 2',
      'implementation_manager/health_or_it_work 1',
      'implementation_manager/leading_people 1',
    ])
    expect(summarizeProgram(content, [...many].reverse()).gaps).toEqual(gaps)
  })
})

describe('the stored result gives the lead the result page showed', () => {
  it('equals scoring the answers again, for any answers', async () => {
    // 200 answer sets scored twice: well under a second, more on a busy machine.
    await checkProperty(
      testSeed(1717),
      200,
      fc.property(arbitraryAnswers(content), (answers) => {
        const result = scoreAnswers(content, answers)
        const outcome = sessionOutcome(content, { answers, result: sessionResultOf(result) })!
        expect(outcome.bestFit).toBe(result.bestFit)
        expect(outcome.lead).toBe(leadOf(content, result).kind)
        expect(outcome.bringsBackground).toBe(result.ranking[0]!.readiness.bringsBackground)
        // isEligible is checkEligibility's rule: the ranking's eligibility, role by role.
        for (const score of result.ranking) {
          const alone = sessionOutcome(content, {
            answers,
            result: { ...sessionResultOf(result), fits: { ...LOW, [score.roleId]: 100 } },
          })!
          expect(alone.bestFit === score.roleId).toBe(score.eligible)
        }
      }),
    )
  }, 30_000)
})
