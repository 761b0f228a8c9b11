import type { Question, RoleId } from './types'

export interface Range {
  min: number
  max: number
}

/**
 * The lowest and highest amount one question can add to a role, over every answer
 * a person may give. Summed over questions, these ranges turn raw points into a
 * 0–100 fit, so a role with more related questions gains no advantage.
 */
export function questionRange(question: Question, roleId: RoleId): Range {
  const values = question.options.map((o) => o.weights[roleId] ?? 0)
  // Skipping an optional question counts as 0.
  const optional = question.required ? [] : [0]
  if (question.kind !== 'multiple') {
    return { min: Math.min(...values, ...optional), max: Math.max(...values, ...optional) }
  }
  const combinable = question.options.filter((o) => !o.exclusive).map((o) => o.weights[roleId] ?? 0)
  const alone = question.options.filter((o) => o.exclusive).map((o) => o.weights[roleId] ?? 0)
  const positives = combinable.filter((v) => v > 0)
  const negatives = combinable.filter((v) => v < 0)
  // Best non-empty combination: every positive option, or the single least bad one.
  const bestCombo = positives.length ? sum(positives) : combinable.length ? Math.max(...combinable) : -Infinity
  const worstCombo = negatives.length ? sum(negatives) : combinable.length ? Math.min(...combinable) : Infinity
  return {
    min: Math.min(worstCombo, ...alone, ...optional),
    max: Math.max(bestCombo, ...alone, ...optional),
  }
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
