import type { Content, Question, RoleId } from './types'
import { questionRange } from './ranges'

/** Per-question numbers the engine needs on every call, worked out once per content. */
export interface PreparedQuestion {
  question: Question
  /** Option id → weight per role, in the order of content.roles. */
  weights: Map<string, Float64Array>
  min: Float64Array
  max: Float64Array
}

export interface PreparedContent {
  roleIds: RoleId[]
  questions: Map<string, PreparedQuestion>
}

const cache = new WeakMap<Content, PreparedContent>()

export function prepare(content: Content): PreparedContent {
  let prepared = cache.get(content)
  if (prepared) return prepared
  const roleIds = content.roles.map((r) => r.id)
  const questions = new Map<string, PreparedQuestion>()
  for (const question of content.questions) {
    const weights = new Map(
      question.options.map((o) => [o.id, Float64Array.from(roleIds, (roleId) => o.weights[roleId] ?? 0)]),
    )
    const ranges = roleIds.map((roleId) => questionRange(question, roleId))
    questions.set(question.id, {
      question,
      weights,
      min: Float64Array.from(ranges, (r) => r.min),
      max: Float64Array.from(ranges, (r) => r.max),
    })
  }
  prepared = { roleIds, questions }
  cache.set(content, prepared)
  return prepared
}
