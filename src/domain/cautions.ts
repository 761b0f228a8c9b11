import type { Answers, Content } from './types'

export type Caution =
  /** Every scale answer was the same: the ranking says little about real preferences. */
  | { kind: 'same_answers'; count: number }
  /** Half or more of the scale answers were "not sure". */
  | { kind: 'many_unsure'; count: number; of: number }

/** Gentle warnings that the answers may not say much, as interest inventories give. */
export function detectCautions(content: Content, answers: Answers): Caution[] {
  const scale = content.questions.filter((q) => q.kind === 'likert')
  const given = scale.map((q) => answers[q.id]).filter((a): a is string => typeof a === 'string')
  const unsureIds = new Set(scale[0]?.options.filter((o) => o.unsure).map((o) => o.id) ?? [])
  const sure = given.filter((a) => !unsureIds.has(a))
  const cautions: Caution[] = []
  if (sure.length >= content.settings.patternedMinimumItems && new Set(sure).size === 1) {
    cautions.push({ kind: 'same_answers', count: sure.length })
  }
  const unsure = given.length - sure.length
  if (given.length > 0 && unsure * 2 >= given.length) {
    cautions.push({ kind: 'many_unsure', count: unsure, of: given.length })
  }
  return cautions
}
