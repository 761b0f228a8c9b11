import { describe, expect, it } from 'vitest'
import { content } from '../../../src/content/index'
import { checkAnswers } from '../../../src/domain/answers'
import { explainRole } from '../../../src/domain/explain'
import { breakdownRole, scoreAnswers } from '../../../src/domain/scoring'
import { answersFor, PERSONAS } from '../../fixtures/personas'

const fitOf = (answers: Parameters<typeof scoreAnswers>[1], roleId: string) =>
  scoreAnswers(content, answers).ranking.find((s) => s.roleId === roleId)!
const breakdownOf = (answers: Parameters<typeof scoreAnswers>[1], roleId: string) =>
  breakdownRole(content, answers, fitOf(answers, roleId).roleId)

describe('personas written from the role descriptions', () => {
  it('covers every role at least twice', () => {
    for (const role of content.roles) {
      expect(PERSONAS.filter((p) => p.expected === role.id).length).toBeGreaterThanOrEqual(2)
    }
  })

  it('has at least three of each of issue 13’s hard cases: a certificate, a license, a trainer', () => {
    for (const group of ['credential', 'licensed', 'trainer'] as const)
      expect(PERSONAS.filter((p) => p.group === group).length).toBeGreaterThanOrEqual(3)
  })

  it.each(PERSONAS.map((p) => [p.name, p] as const))('%s', (_name, persona) => checkPersona(persona))

  function checkPersona(persona: (typeof PERSONAS)[number]) {
    expect(checkAnswers(content, persona.answers)).toEqual([])
    const result = scoreAnswers(content, persona.answers)
    expect(result.bestFit).toBe(persona.expected)
    expect(result.ranking[0]!.rank).toBe(1)
    const expected = result.ranking.find((s) => s.roleId === persona.expected)!
    if (persona.counselor?.bringsBackground !== undefined)
      expect(expected.readiness.bringsBackground, 'background for the expected role').toBe(
        persona.counselor.bringsBackground,
      )
    for (const roleId of persona.counselor?.notEligible ?? [])
      expect(result.ranking.find((s) => s.roleId === roleId)!.eligible, `${roleId} is ruled out`).toBe(false)
  }
})

describe('eligibility and the license rule', () => {
  const redesigner = PERSONAS.find((p) => p.expected === 'redesign_specialist')!

  it('never makes the Clinical/Practitioner Consultant the best fit without an active license', () => {
    const clinicalFan = answersFor(
      {
        license_held: 'yes',
        license_kind: ['rn'],
        license_status: 'lapsed',
        license_years: 'over_10',
        health_work: ['clinical'],
        health_years: '10_plus',
      },
      {
        like_clinician_workflow: 'strongly_like',
        like_quality_data: 'strongly_like',
        like_clinician_voice: 'strongly_like',
      },
    )
    const result = scoreAnswers(content, clinicalFan)
    expect(result.bestFit).not.toBe('clinical_consultant')
    const row = result.ranking.find((s) => s.roleId === 'clinical_consultant')!
    expect(row.eligible).toBe(false)
    expect(row.unmetEligibility).toEqual([{ question: 'license_status', anyOf: ['active'] }])
    expect(result.ranking.at(-1)!.roleId).toBe('clinical_consultant')
  })

  it('ranks the Clinical/Practitioner Consultant above the Redesign Specialist for a licensed clinician with the same interests', () => {
    const licensed = {
      ...redesigner.answers,
      license_held: 'yes',
      license_kind: ['rn'],
      license_status: 'active',
      license_years: '2_to_5',
    }
    const ranking = scoreAnswers(content, licensed).ranking.map((s) => s.roleId)
    expect(ranking.indexOf('clinical_consultant')).toBeLessThan(ranking.indexOf('redesign_specialist'))
    expect(scoreAnswers(content, redesigner.answers).bestFit).toBe('redesign_specialist')
  })
})

describe('ties and closeness', () => {
  it('shows equal fits as equal, sharing a rank, in the order of roles.json', () => {
    // Every interest neutral and no background: several roles land on the same fit.
    const result = scoreAnswers(content, answersFor({ prefer_people_tech: 'mix' }))
    const groups = new Map<number, string[]>()
    for (const s of result.ranking.filter((r) => r.eligible))
      groups.set(s.shownFit, [...(groups.get(s.shownFit) ?? []), s.roleId])
    const order = content.roles.map((r) => r.id)
    for (const s of result.ranking) {
      for (const other of s.tiedWith) {
        const twin = result.ranking.find((r) => r.roleId === other)!
        expect(twin.shownFit).toBe(s.shownFit)
        expect(twin.rank).toBe(s.rank)
      }
    }
    for (const ids of groups.values()) {
      expect(ids).toEqual([...ids].sort((a, b) => order.indexOf(a as never) - order.indexOf(b as never)))
    }
  })

  it('names roles within the close margin of the best fit', () => {
    const result = scoreAnswers(content, PERSONAS.find((p) => p.expected === 'trainer')!.answers)
    const best = result.ranking[0]!
    for (const s of result.ranking.slice(1)) {
      const close = s.eligible && best.shownFit - s.shownFit <= content.settings.closeMargin
      expect(result.closeRoles.includes(s.roleId)).toBe(close)
    }
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
    expect(scoreAnswers(content, generalist).closeRoles.length).toBeGreaterThan(0)
  })
})

describe('cautions', () => {
  const allSame = (value: string) =>
    answersFor({}, Object.fromEntries(content.questions.filter((q) => q.kind === 'likert').map((q) => [q.id, value])))

  it('warns when every scale answer is the same', () => {
    expect(scoreAnswers(content, allSame('strongly_like')).cautions).toEqual([
      { kind: 'same_answers', count: 16, of: 16 },
    ])
  })

  it('warns when most scale answers are "not sure"', () => {
    expect(scoreAnswers(content, allSame('not_sure')).cautions).toEqual([{ kind: 'many_unsure', count: 16, of: 16 }])
  })

  it('stays quiet for varied answers', () => {
    for (const persona of PERSONAS) expect(scoreAnswers(content, persona.answers).cautions).toEqual([])
  })
})

describe('results are plain data', () => {
  it.each(PERSONAS.map((p) => [p.name, p] as const))('%s survives JSON and structuredClone unchanged', (_n, p) => {
    const result = scoreAnswers(content, p.answers)
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
    expect(structuredClone(result)).toEqual(result)
    const breakdown = breakdownRole(content, p.answers, result.bestFit)
    expect(structuredClone(breakdown)).toEqual(breakdown)
    for (const score of result.ranking) expect(Object.getPrototypeOf(score)).toBe(Object.prototype)
  })
})

describe('explanations use the same numbers as the score', () => {
  it.each(PERSONAS.map((p) => [p.name, p] as const))('%s', (_name, persona) => {
    for (const score of scoreAnswers(content, persona.answers).ranking) {
      const breakdown = breakdownRole(content, persona.answers, score.roleId)
      expect(breakdown).toMatchObject({ fit: score.fit, shownFit: score.shownFit, baseline: score.baseline })
      const exact = score.baseline + breakdown.contributions.reduce((t, c) => t + c.points, 0)
      expect(exact).toBeCloseTo(score.fit, 9)
      const shown = breakdown.shownBaseline + breakdown.contributions.reduce((t, c) => t + c.shownPoints, 0)
      expect(shown).toBe(score.shownFit)
      const why = explainRole(breakdown)
      const listed = [...why.raised, ...why.lowered].reduce((t, c) => t + c.shownPoints, 0)
      expect(why.shownBaseline + listed + why.otherPoints).toBe(score.shownFit)
      expect(why.raised.every((c) => c.shownPoints > 0)).toBe(true)
      expect(why.lowered.every((c) => c.shownPoints < 0)).toBe(true)
    }
  })

  it('names the answers that drove the best fit', () => {
    const manager = PERSONAS.find((p) => p.expected === 'implementation_manager')!
    const why = explainRole(breakdownOf(manager.answers, 'implementation_manager'))
    expect(why.raised.map((c) => c.questionId)).toContain('like_lead_team')
  })
})
