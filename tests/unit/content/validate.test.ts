import { describe, expect, it } from 'vitest'
import questions from '../../../src/content/questions.json'
import roles from '../../../src/content/roles.json'
import scoring from '../../../src/content/scoring.json'
import en from '../../../src/content/locales/en.json'
import es from '../../../src/content/locales/es.json'
import { loadCheckedContent } from '../../../src/content/checked'
import { content as assembled } from '../../../src/content/index'
import { ContentError } from '../../../src/content/errors'
import { buildContent, buildTexts, type RawContentFiles } from '../../../src/content/validate'

const clone = <T>(value: T): T => structuredClone(value)
const files = (): RawContentFiles => ({
  'scoring.json': clone(scoring),
  'questions.json': clone(questions),
  'roles.json': clone(roles),
})

function errorOf(build: () => unknown): ContentError {
  try {
    build()
  } catch (error) {
    if (error instanceof ContentError) return error
    throw error
  }
  throw new Error('expected a ContentError')
}

type Q = {
  id: string
  options?: { id: string; weights: Record<string, number> }[]
  weights?: Record<string, number>
  showIf?: unknown
}
const question = (f: RawContentFiles, id: string) =>
  (f['questions.json'] as { questions: Q[] }).questions.find((q) => q.id === id)!

const { content } = loadCheckedContent()

describe('the shipped content', () => {
  it('passes every check, and the app assembles exactly what the checks approved', () => {
    expect(assembled).toEqual(content)
  })

  it('loads, with 25 to 40 questions in three parts and all six roles', () => {
    expect(content.questions.length).toBeGreaterThanOrEqual(25)
    expect(content.questions.length).toBeLessThanOrEqual(40)
    expect(new Set(content.questions.map((q) => q.section))).toEqual(new Set(['licensure', 'background', 'interests']))
    expect(new Set(content.questions.map((q) => q.kind))).toEqual(new Set(['single', 'multiple', 'likert']))
    expect(content.roles).toHaveLength(6)
  })

  it('asks every scale question as a full question, in both languages', () => {
    const scale = content.questions.filter((q) => q.kind === 'likert')
    expect(scale.length).toBe(16)
    for (const q of scale) {
      expect(en.questions[q.id as keyof typeof en.questions].prompt).toMatch(/^How much would you like to .+\?$/)
      expect(es.questions[q.id as keyof typeof es.questions].prompt).toMatch(/^¿Cuánto le gustaría .+\?$/)
    }
  })

  it('expands scale questions into weighted options', () => {
    const lead = content.questions.find((q) => q.id === 'like_lead_team')!
    expect(lead.options.map((o) => o.weights.implementation_manager)).toEqual([-4, -2, 0, 2, 4, 0])
    expect(lead.options.find((o) => o.id === 'not_sure')!.unsure).toBe(true)
  })
})

describe('broken content files are refused with the file, entry and field named', () => {
  const cases: [string, (f: RawContentFiles) => void, string, string, RegExp][] = [
    [
      'a misspelled role in a weight',
      (f) => {
        question(f, 'teaching').options![0]!.weights.trainr = 1
      },
      'questions.json',
      'questions[10] (teaching).options[0] (never).weights',
      /Unrecognized key: "trainr"/,
    ],
    [
      'a weight that is not a number',
      (f) => {
        ;(question(f, 'like_patching').weights as Record<string, unknown>).technical_support = 'high'
      },
      'questions.json',
      'questions[24] (like_patching).weights.technical_support',
      /number/,
    ],
    [
      'a question id used twice',
      (f) => {
        question(f, 'teaching').id = 'leadership'
      },
      'questions.json',
      'questions[10] (leadership).id',
      /used twice/,
    ],
    [
      'a follow-up pointing at a later question',
      (f) => {
        question(f, 'license_held').showIf = { question: 'teaching', anyOf: ['never'] }
      },
      'questions.json',
      'questions[0] (license_held).showIf.question',
      /earlier question/,
    ],
    [
      'an option id with capitals',
      (f) => {
        question(f, 'teaching').options![1]!.id = 'Informal'
      },
      'questions.json',
      'questions[10] (teaching).options[1] (Informal).id',
      /lower-case/,
    ],
    [
      'a role condition naming a missing option',
      (f) => {
        ;(f['roles.json'] as typeof roles).roles[0]!.eligibility[0]!.anyOf = ['current']
      },
      'roles.json',
      'roles[0] (clinical_consultant).eligibility[0].anyOf',
      /no option "current"/,
    ],
    [
      'a missing role',
      (f) => {
        ;(f['roles.json'] as typeof roles).roles.pop()
      },
      'roles.json',
      'roles',
      /"trainer" is missing/,
    ],
    [
      'a certificate used to decide who a role is for',
      (f) => {
        ;(f['roles.json'] as typeof roles).roles[0]!.eligibility[1] = {
          question: 'certifications',
          anyOf: ['medical_assistant'],
          notCounted: {},
          reason: 'A medical assistant certificate is not a license.',
        }
      },
      'roles.json',
      'roles[0] (clinical_consultant).eligibility[1].question',
      /not a license question: only licenses decide/,
    ],
    [
      'a license kind left undecided',
      (f) => {
        const kinds = (f['roles.json'] as typeof roles).roles[0]!.eligibility[1]!
        kinds.anyOf = kinds.anyOf.filter((k) => k !== 'dietitian')
      },
      'roles.json',
      'roles[0] (clinical_consultant).eligibility[1].anyOf',
      /option "dietitian" of "license_kind" is neither counted \(anyOf\) nor not counted/,
    ],
    [
      'an eligibility rule without its reason',
      (f) => {
        ;(f['roles.json'] as { roles: { eligibility: { reason?: string }[] }[] }).roles[0]!.eligibility[0]!.reason =
          undefined
      },
      'roles.json',
      'roles[0] (clinical_consultant).eligibility[0].reason',
      /./,
    ],
    [
      'a role kept from people eligible for a role with no eligibility rule',
      (f) => {
        ;(f['roles.json'] as typeof roles).roles[3]!.notForPeopleEligibleFor!.role = 'trainer'
      },
      'roles.json',
      'roles[3] (redesign_specialist).notForPeopleEligibleFor.role',
      /must be another role with eligibility conditions/,
    ],
    [
      "a background item marked ONC's without ONC's words",
      (f) => {
        delete (f['roles.json'] as { roles: { background: { quote?: string }[] }[] }).roles[0]!.background[0]!.quote
      },
      'roles.json',
      'roles[0] (clinical_consultant).background[0] (active_license).quote',
      /needs the source's own words/,
    ],
    [
      'a background item naming a source that is not listed',
      (f) => {
        ;(f['roles.json'] as { roles: { background: { source?: string }[] }[] }).roles[5]!.background[1]!.source =
          'somewhere'
      },
      'roles.json',
      'roles[5] (trainer).background[1] (classroom_teaching).source',
      /no source "somewhere"/,
    ],
    [
      'a scale factor out of range',
      (f) => {
        ;(f['scoring.json'] as typeof scoring).likertScale[0]!.factor = -3
      },
      'scoring.json',
      'likertScale[0] (strongly_dislike).factor',
      /./,
    ],
  ]

  it.each(cases)('%s', (_name, breakIt, file, field, problem) => {
    const broken = files()
    breakIt(broken)
    const error = errorOf(() => buildContent(broken))
    expect(error.file).toBe(file)
    expect(error.field).toBe(field)
    expect(error.problem).toMatch(problem)
    expect(error.message).toContain(`${file}: ${field}`)
  })

  it('refuses a language file with an empty or missing text', () => {
    const empty = clone(en)
    empty.roles.trainer.summary = '   '
    expect(errorOf(() => buildTexts(content, empty, 'locales/en.json')).message).toBe(
      'locales/en.json: roles.trainer.summary: must not be empty',
    )
    const missing = clone(en) as { questions: Record<string, { options?: Record<string, string> }> }
    delete missing.questions.teaching!.options!.formal
    expect(errorOf(() => buildTexts(content, missing, 'locales/en.json')).message).toBe(
      'locales/en.json: questions.teaching.options.formal: text is missing',
    )
  })
})
