import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { content } from '../../../src/content/index'
import roles from '../../../src/content/roles.json'
import { checkEligibility, meetsEligibility } from '../../../src/domain/eligibility'
import { leadOf } from '../../../src/domain/lead'
import { breakdownRole, scoreAnswers } from '../../../src/domain/scoring'
import type { Answers } from '../../../src/domain/types'
import { arbitraryAnswers } from '../../fixtures/arbitrary-answers'
import { answersFor, PERSONAS } from '../../fixtures/personas'
import { testSeed } from '../../fixtures/seed'

// Seeded so a failure can be replayed; fast-check prints the seed and the shrunk answers.
const RUNS = { numRuns: 300, seed: testSeed(1313) }
// Each property scores hundreds of answer sets: a couple of seconds here, much more on a busy machine.
const PROPERTY = { timeout: 60_000 }
const answers = arbitraryAnswers(content)
const clinical = content.roles.find((r) => r.id === 'clinical_consultant')!
const redesign = content.roles.find((r) => r.id === 'redesign_specialist')!
const LICENSE_KINDS = content.questions.find((q) => q.id === 'license_kind')!.options.map((o) => o.id)
const CERTIFICATES = content.questions.find((q) => q.id === 'certifications')!.options.map((o) => o.id)

/** What roles.json says counts, read straight from the file (not through the engine). */
const countedKinds = roles.roles[0]!.eligibility.find((c) => c.question === 'license_kind')!.anyOf

const activeLicense = (kinds: string[]): Answers => ({
  license_held: 'yes',
  license_kind: kinds,
  license_status: 'active',
  license_years: '2_to_5',
})

describe('who the Clinical/Practitioner Consultant is for', () => {
  it('names in roles.json which kinds of license count, each option decided with a reason', () => {
    const [status, kind] = roles.roles[0]!.eligibility
    expect(status).toMatchObject({ question: 'license_status', anyOf: ['active'] })
    expect(Object.keys(status!.notCounted).sort()).toEqual(['lapsed', 'not_sure'])
    expect(kind!.question).toBe('license_kind')
    expect([...kind!.anyOf, ...Object.keys(kind!.notCounted)].sort()).toEqual([...LICENSE_KINDS].sort())
    for (const condition of roles.roles[0]!.eligibility) expect(condition.reason.length).toBeGreaterThan(40)
    expect(kind!.reason).toMatch(/never count/)
  })

  it.each(countedKinds)('counts an active %s license', (kind) => {
    expect(meetsEligibility(clinical, answersFor(activeLicense([kind])))).toBe(true)
  })

  it('does not count a lapsed license, or one the person is not sure is active', () => {
    for (const status of ['lapsed', 'not_sure'])
      expect(meetsEligibility(clinical, answersFor({ ...activeLicense(['rn']), license_status: status }))).toBe(false)
  })

  it('never counts a certificate as a license, whatever certificates a person holds', PROPERTY, () => {
    fc.assert(
      fc.property(answers, fc.subarray(CERTIFICATES.filter((c) => c !== 'none')), (a, certificates) => {
        const withCertificates = { ...a, certifications: certificates.length ? certificates : ['none'] }
        expect(meetsEligibility(clinical, withCertificates)).toBe(meetsEligibility(clinical, a))
        const result = scoreAnswers(content, withCertificates)
        const row = result.ranking.find((s) => s.roleId === 'clinical_consultant')!
        expect(row.eligible).toBe(a.license_status === 'active' && a.license_held === 'yes')
      }),
      RUNS,
    )
  })

  it('a certified medical assistant without a license is not offered the clinical role, and keeps the certificate as background', () => {
    const assistant = PERSONAS.find((p) => p.name.startsWith('Certified medical assistant who is'))!
    const result = scoreAnswers(content, assistant.answers)
    expect(result.ranking.find((s) => s.roleId === 'clinical_consultant')!.eligible).toBe(false)
    const support = breakdownRole(content, assistant.answers, 'implementation_support')
    expect(support.contributions.find((c) => c.questionId === 'certifications')!.raw).toBeGreaterThan(0)
  })
})

describe('a licensed clinician and the Information Management Redesign Specialist', () => {
  it('is never offered the role ONC says is for people who are not licensed clinicians', PROPERTY, () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = scoreAnswers(content, a)
        const lead = leadOf(content, result)
        const row = result.ranking.find((s) => s.roleId === 'redesign_specialist')!
        const licensed = meetsEligibility(clinical, a)
        expect(row.eligible).toBe(!licensed)
        expect(row.excludedBy).toBe(licensed ? 'clinical_consultant' : null)
        if (licensed) {
          expect(result.bestFit).not.toBe('redesign_specialist')
          expect(result.closeRoles).not.toContain('redesign_specialist')
          expect(lead.roles).not.toContain('redesign_specialist')
          expect(lead.explore).not.toContain('redesign_specialist')
          expect(lead.tiedForBest).not.toContain('redesign_specialist')
        }
      }),
      RUNS,
    )
  })

  it('never leads with a role the same result says is not for this person', PROPERTY, () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = scoreAnswers(content, a)
        const lead = leadOf(content, result)
        for (const roleId of [...lead.roles, ...lead.explore, ...lead.tiedForBest]) {
          const row = result.ranking.find((s) => s.roleId === roleId)!
          expect(row.eligible, roleId).toBe(true)
          expect(row.excludedBy).toBeNull()
        }
        expect(result.ranking.find((s) => s.roleId === result.bestFit)!.eligible).toBe(true)
      }),
      RUNS,
    )
  })

  it('keeps the role for a nurse whose license has lapsed: she is not a licensed clinician today', () => {
    const lapsed = answersFor({ ...activeLicense(['rn']), license_status: 'lapsed' })
    expect(checkEligibility(content.roles, redesign, lapsed)).toEqual({ eligible: true, unmet: [], excludedBy: null })
    const active = answersFor(activeLicense(['rn']))
    expect(checkEligibility(content.roles, redesign, active)).toEqual({
      eligible: false,
      unmet: [],
      excludedBy: 'clinical_consultant',
    })
  })

  it('ranks the excluded role after every eligible role', () => {
    const licensed = PERSONAS.find((p) => p.name.startsWith('Registered nurse who wants to redesign'))!
    const ranking = scoreAnswers(content, licensed.answers).ranking
    expect(ranking.at(-1)!.roleId).toBe('redesign_specialist')
    expect(ranking.at(-1)!.eligible).toBe(false)
  })
})
