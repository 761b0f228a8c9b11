/**
 * What the result page is given (src/domain/report.ts and next-steps.ts): a lead that never
 * contradicts the eligibility rules, "why" in words from the same numbers as the fit, and next
 * steps chosen by readiness, with every figure's period, source and verification tag.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { content, contentTexts } from '../../../src/content/index'
import occupationsJson from '../../../src/content/occupations.json'
import nextStepsEn from '../../../src/content/locales/next-steps.en.json'
import nextStepsEs from '../../../src/content/locales/next-steps.es.json'
import type { NextStepsTexts, OccupationsFile } from '../../../src/content/next-steps-schema'
import type { LocalPrograms } from '../../../src/content/local-programs'
import { meetsEligibility } from '../../../src/domain/eligibility'
import { presentNextSteps } from '../../../src/domain/next-steps'
import { presentResult } from '../../../src/domain/report'
import { scoreAnswers } from '../../../src/domain/scoring'
import type { Answers } from '../../../src/domain/types'
import { arbitraryAnswers } from '../../fixtures/arbitrary-answers'
import { CLOSE_ROLES, NONE_STANDS_OUT, TRAINER_WITH_GAPS } from '../../fixtures/lead-cases'
import { PERSONAS } from '../../fixtures/personas'
import { checkProperty, testSeed } from '../../fixtures/seed'

const occupations = occupationsJson as OccupationsFile
const en = nextStepsEn as NextStepsTexts
const es = nextStepsEs as NextStepsTexts
const NO_PROGRAMS: LocalPrograms = { center: null, updated: null, programs: [] }
const present = (answers: Answers) => presentResult(content, contentTexts.en, answers, scoreAnswers(content, answers))
const sum = (rows: { points: number }[]) => rows.reduce((total, row) => total + row.points, 0)
const clinical = content.roles.find((r) => r.id === 'clinical_consultant')!
// Each run scores and presents one answer set; a few seconds on a busy machine.
const PROPERTY = { timeout: 60_000 }

describe('the result page as presented', () => {
  it('leads as each hand-written case says', () => {
    expect(present(CLOSE_ROLES).lead.kind).toBe('close')
    expect(present(NONE_STANDS_OUT).lead.kind).toBe('none_stands_out')
    const gaps = present(TRAINER_WITH_GAPS)
    expect(gaps.lead.kind).toBe('one')
    expect(gaps.leadRoles[0]!.roleId).toBe('trainer')
    expect(gaps.leadRoles[0]!.readiness.bringsBackground).toBe(false)
  })

  it('never contradicts itself, and explains with the same numbers as the fit, for any answers', PROPERTY, async () => {
    await checkProperty(
      testSeed(1313),
      200,
      fc.property(arbitraryAnswers(content), (answers) => {
        const view = present(answers)
        const eligible = new Set(view.ranking.filter((r) => r.eligible).map((r) => r.roleId))
        const named = [...view.leadRoles, ...view.exploreRoles].map((r) => r.roleId)
        // A role marked as not for this person is never led with nor suggested.
        for (const roleId of named) expect(eligible.has(roleId)).toBe(true)
        const licensed = meetsEligibility(clinical, answers)
        if (licensed) expect(named).not.toContain('redesign_specialist')
        else expect(named).not.toContain('clinical_consultant')
        // No best fit is named when none stands out; otherwise the first role in the lead is the best fit.
        if (view.lead.kind === 'none_stands_out') expect(view.leadRoles).toEqual([])
        else expect(view.leadRoles[0]!.roleId).toBe(view.bestFit.roleId)
        if (view.lead.kind === 'one') expect(view.leadRoles).toHaveLength(1)
        else if (view.lead.kind !== 'none_stands_out') expect(view.leadRoles.length).toBeGreaterThan(1)

        const why = view.why
        expect(why.roleId).toBe(view.bestFit.roleId)
        expect(why.startingPoint + sum(why.raised) + sum(why.lowered) + why.otherPoints).toBe(why.fit)
        for (const row of why.raised) expect(row.points).toBeGreaterThan(0)
        for (const row of why.lowered) expect(row.points).toBeLessThan(0)
        const compared = why.comparison
        if (compared) {
          expect(compared.gap).toBe(why.fit - compared.fit)
          expect(compared.gap).toBeGreaterThanOrEqual(0)
          expect(compared.startingGap + sum(compared.forThis) + sum(compared.forOther) + compared.otherPoints).toBe(
            compared.gap,
          )
          // In close roles, "what separates them" is about the second role in the lead.
          if (view.leadRoles.length > 1) expect(compared.roleId).toBe(view.leadRoles[1]!.roleId)
        }
      }),
    )
  })

  it('has no "starting point" among the reasons a person reads', () => {
    for (const persona of PERSONAS) {
      const { why } = present(persona.answers)
      for (const row of [...why.raised, ...why.lowered]) expect(row.questionId).not.toBe('baseline')
    }
  })
})

describe('next steps', () => {
  it('gives this month’s steps to a person who brings the background, and ways to close gaps otherwise', () => {
    const ready = PERSONAS.find((p) => p.expected === 'trainer' && p.counselor?.bringsBackground)!
    const readyView = present(ready.answers)
    expect(readyView.leadRoles[0]!.readiness.bringsBackground).toBe(true)
    const readySteps = presentNextSteps(occupations, en, NO_PROGRAMS, readyView.leadRoles, 'en')
    expect(readySteps.roles[0]!.thisMonth).toEqual(en.roles.trainer.thisMonth)
    expect(readySteps.roles[0]!.gaps).toEqual([])

    const gapsView = present(TRAINER_WITH_GAPS)
    const steps = presentNextSteps(occupations, en, NO_PROGRAMS, gapsView.leadRoles, 'en').roles[0]!
    expect(steps.thisMonth).toEqual([])
    const unmet = gapsView.leadRoles[0]!.readiness.requirements.filter((r) => !r.met && !r.desirable)
    expect(unmet.length).toBeGreaterThan(0)
    expect(steps.gaps.map((g) => g.id)).toEqual(unmet.map((r) => r.id))
    for (const gap of steps.gaps) expect(gap.course).toBe(en.roles.trainer.gaps[gap.id]!.course)
  })

  it('shows today’s occupations with code, Job Zone, pay and outlook, their period, source and check', () => {
    const view = present(PERSONAS.find((p) => p.expected === 'clinical_consultant')!.answers)
    const steps = presentNextSteps(occupations, en, NO_PROGRAMS, view.leadRoles, 'en')
    const informatics = steps.roles[0]!.occupations.find((o) => o.id === 'health_informatics_specialists')!
    expect(informatics.code).toBe('15-1211.01')
    expect(informatics.title).toBe('Health Informatics Specialists')
    expect(informatics.jobZone.zone).toBe(5)
    expect(informatics.jobZone.verificationText).toBe(en.verification.copy)
    expect(informatics.pay).toMatchObject({ value: '$103,790', period: 'May 2024', ofCode: '15-1211', forGroup: true })
    expect(informatics.pay!.sources[0]).toContain('Computer Systems Analysts')
    expect(informatics.outlook).toMatchObject({ value: '+9%', period: '2024–34' })
    const spanish = presentNextSteps(occupations, es, NO_PROGRAMS, view.leadRoles, 'es')
    expect(spanish.roles[0]!.occupations[0]!.pay!.value).toMatch(/103[.\s\u00a0]?790/)
    // An occupation without figures says so instead of guessing.
    const manager = present(PERSONAS.find((p) => p.expected === 'implementation_manager')!.answers)
    const it = presentNextSteps(occupations, en, NO_PROGRAMS, manager.leadRoles, 'en').roles[0]!.occupations.find(
      (o) => o.id === 'it_project_managers',
    )!
    expect(it.pay).toBeNull()
    expect(it.outlook).toBeNull()
  })

  it('prints every public tool’s address, and names no role when none stands out', () => {
    const view = present(NONE_STANDS_OUT)
    const steps = presentNextSteps(occupations, en, NO_PROGRAMS, view.leadRoles, 'en')
    expect(steps.roles).toEqual([])
    expect(steps.tools.map((t) => t.address)).toEqual(occupations.tools.map((t) => t.address))
    expect(steps.local).toBeNull()
  })

  it('shows a center’s programs for the roles in the lead, and its contact', () => {
    const programs: LocalPrograms = {
      center: { name: 'Eastside Job Center', contact: { phone: '(555) 010-0199' } },
      updated: '2026-11-30',
      programs: [
        {
          id: 'ehr_trainer',
          name: 'EHR trainer course',
          provider: 'Eastside College',
          kind: 'course',
          roles: ['trainer'],
          contact: { email: 'a@example.org' },
        },
        {
          id: 'a_plus',
          name: 'A+ prep',
          provider: 'Eastside College',
          kind: 'certificate',
          roles: ['technical_support'],
          contact: { phone: '555 010 0100' },
        },
      ],
    }
    const trainer = present(TRAINER_WITH_GAPS)
    const steps = presentNextSteps(occupations, en, programs, trainer.leadRoles, 'en')
    expect(steps.local!.programs.map((p) => p.id)).toEqual(['ehr_trainer'])
    expect(steps.local!.center!.name).toBe('Eastside Job Center')
    expect(steps.local!.updated).toBe('2026-11-30')
  })
})
