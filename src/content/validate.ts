/**
 * Turns the raw content files into checked, ready-to-score Content: shapes first
 * (schema.ts), then the links between files (ids that must exist, options that
 * must belong to their question, texts for every id).
 */
import { ROLE_IDS, type Content, type Question, type Role } from '../domain/types'
import { assembleContent } from './assemble'
import { questionRange } from '../domain/ranges'
import { ContentError, parseOrThrow } from './errors'
import {
  questionsFileSchema,
  rolesFileSchema,
  scoringFileSchema,
  textsFileSchema,
  type ContentTexts,
  type RolesFile,
} from './schema'

export interface RawContentFiles {
  'scoring.json': unknown
  'questions.json': unknown
  'roles.json': unknown
}

export function buildContent(files: RawContentFiles): Content {
  const scoring = parseOrThrow(scoringFileSchema, files['scoring.json'], 'scoring.json')
  const questionsFile = parseOrThrow(questionsFileSchema, files['questions.json'], 'questions.json')
  const rolesFile = parseOrThrow(rolesFileSchema, files['roles.json'], 'roles.json')

  const content = assembleContent(scoring, questionsFile, rolesFile)
  checkQuestions(content.questions)
  checkRoles(content.roles, content.questions)
  checkWhoRolesAreFor(rolesFile, content.questions)
  checkEveryRoleCanMove(content)
  return content
}

function checkQuestions(questions: Question[]): void {
  const seen = new Map<string, Question>()
  questions.forEach((q, index) => {
    const where = `questions[${index}] (${q.id})`
    if (seen.has(q.id)) throw new ContentError('questions.json', `${where}.id`, `"${q.id}" is used twice`)
    const optionIds = new Set<string>()
    q.options.forEach((o, i) => {
      if (optionIds.has(o.id))
        throw new ContentError('questions.json', `${where}.options[${i}].id`, `"${o.id}" is used twice`)
      optionIds.add(o.id)
      if (o.exclusive && q.kind !== 'multiple')
        throw new ContentError(
          'questions.json',
          `${where}.options[${i}].exclusive`,
          'only multiple-choice options can be exclusive',
        )
    })
    if (q.showIf) {
      const target = seen.get(q.showIf.question)
      if (!target)
        throw new ContentError(
          'questions.json',
          `${where}.showIf.question`,
          `"${q.showIf.question}" must be an earlier question`,
        )
      checkOptionsExist(target, q.showIf.anyOf, 'questions.json', `${where}.showIf.anyOf`)
    }
    seen.set(q.id, q)
  })
}

function checkOptionsExist(question: Question, optionIds: string[], file: string, field: string): void {
  for (const optionId of optionIds) {
    if (!question.options.some((o) => o.id === optionId))
      throw new ContentError(file, field, `question "${question.id}" has no option "${optionId}"`)
  }
}

function checkRoles(roles: Role[], questions: Question[]): void {
  const byId = new Map(questions.map((q) => [q.id, q]))
  const ids = roles.map((r) => r.id)
  for (const roleId of ROLE_IDS) {
    if (!ids.includes(roleId)) throw new ContentError('roles.json', 'roles', `role "${roleId}" is missing`)
  }
  if (new Set(ids).size !== ids.length) throw new ContentError('roles.json', 'roles', 'a role is listed twice')
  roles.forEach((role, index) => {
    const where = `roles[${index}] (${role.id})`
    const conditions = [
      ...role.eligibility.map((c, i) => ({ c, field: `${where}.eligibility[${i}]` })),
      ...role.background.flatMap((b, bi) =>
        b.anyOf.map((c, i) => ({ c, field: `${where}.background[${bi}] (${b.id}).anyOf[${i}]` })),
      ),
    ]
    for (const { c, field } of conditions) {
      const question = byId.get(c.question)
      if (!question) throw new ContentError('roles.json', `${field}.question`, `no question "${c.question}"`)
      checkOptionsExist(question, c.anyOf, 'roles.json', `${field}.anyOf`)
    }
  })
}

/**
 * Who a role is for is decided by licenses alone, and every option of each deciding
 * question is decided: counted (anyOf) or not counted (notCounted, with a reason).
 * A certificate question can never make someone eligible.
 */
function checkWhoRolesAreFor(rolesFile: RolesFile, questions: Question[]): void {
  const byId = new Map(questions.map((q) => [q.id, q]))
  const roleIds = new Set(rolesFile.roles.map((r) => r.id))
  rolesFile.roles.forEach((role, index) => {
    const where = `roles[${index}] (${role.id})`
    role.eligibility.forEach((condition, i) => {
      const field = `${where}.eligibility[${i}]`
      const question = byId.get(condition.question)!
      if (question.section !== 'licensure')
        throw new ContentError(
          'roles.json',
          `${field}.question`,
          `"${question.id}" is not a license question: only licenses decide who a role is for`,
        )
      checkOptionsExist(question, Object.keys(condition.notCounted), 'roles.json', `${field}.notCounted`)
      for (const option of question.options) {
        const counted = condition.anyOf.includes(option.id)
        const notCounted = Object.hasOwn(condition.notCounted, option.id)
        if (counted === notCounted)
          throw new ContentError(
            'roles.json',
            `${field}.anyOf`,
            counted
              ? `option "${option.id}" is both counted and not counted`
              : `option "${option.id}" of "${question.id}" is neither counted (anyOf) nor not counted (notCounted, with a reason)`,
          )
      }
    })
    const other = role.notForPeopleEligibleFor?.role
    if (other !== undefined) {
      const field = `${where}.notForPeopleEligibleFor.role`
      const target = rolesFile.roles.find((r) => r.id === other)
      if (other === role.id || !roleIds.has(other) || !target || target.eligibility.length === 0)
        throw new ContentError('roles.json', field, `"${other}" must be another role with eligibility conditions`)
    }
    role.background.forEach((req, i) => {
      if (req.source && !Object.hasOwn(rolesFile.sources, req.source))
        throw new ContentError(
          'roles.json',
          `${where}.background[${i}] (${req.id}).source`,
          `no source "${req.source}" in sources`,
        )
      for (const [j, c] of (req.allOf ?? []).entries()) {
        const question = byId.get(c.question)
        const field = `${where}.background[${i}] (${req.id}).allOf[${j}]`
        if (!question) throw new ContentError('roles.json', `${field}.question`, `no question "${c.question}"`)
        checkOptionsExist(question, c.anyOf, 'roles.json', `${field}.anyOf`)
      }
    })
  })
}

/** A role whose score no answer can change would always show the same fit: refuse it. */
function checkEveryRoleCanMove(content: Content): void {
  for (const role of content.roles) {
    const span = content.questions.reduce((sum, q) => {
      const { min, max } = questionRange(q, role.id)
      return sum + (max - min)
    }, 0)
    if (span <= 0)
      throw new ContentError('questions.json', 'questions', `no answer changes the fit for role "${role.id}"`)
  }
}

/** Checks one language's texts and that every id in the content has its words. */
export function buildTexts(content: Content, raw: unknown, file: string): ContentTexts {
  const texts = parseOrThrow(textsFileSchema, raw, file)
  const missing = (field: string) => new ContentError(file, field, 'text is missing')
  for (const section of new Set(content.questions.map((q) => q.section))) {
    if (!texts.sections[section]) throw missing(`sections.${section}`)
  }
  for (const q of content.questions) {
    const t = texts.questions[q.id]
    if (!t) throw missing(`questions.${q.id}`)
    for (const o of q.options) {
      const label = q.kind === 'likert' ? texts.likertScale[o.id] : t.options?.[o.id]
      if (!label) throw missing(q.kind === 'likert' ? `likertScale.${o.id}` : `questions.${q.id}.options.${o.id}`)
    }
  }
  for (const role of content.roles) {
    const t = texts.roles[role.id]
    if (!t) throw missing(`roles.${role.id}`)
    if ((role.eligibility.length > 0 || role.notForPeopleEligibleFor) && !t.eligibility)
      throw missing(`roles.${role.id}.eligibility`)
    for (const req of role.background) {
      if (!t.requirements[req.id]) throw missing(`roles.${role.id}.requirements.${req.id}`)
    }
    if (role.examId && !texts.exams[role.examId]) throw missing(`exams.${role.examId}`)
  }
  return texts
}
