import type { Answers, Content } from './types'

export type Caution =
  /** Every scale answer was the same: the ranking says little about real preferences. */
  | { kind: 'same_answers'; count: number; of: number }
  /** Half or more of the scale answers were "not sure". */
  | { kind: 'many_unsure'; count: number; of: number }

const scaleCache = new WeakMap<Content, { ids: string[]; unsure: Set<string> }>()

function scaleOf(content: Content) {
  let scale = scaleCache.get(content)
  if (!scale) {
    const questions = content.questions.filter((q) => q.kind === 'likert')
    scale = {
      ids: questions.map((q) => q.id),
      unsure: new Set(questions.flatMap((q) => q.options.filter((o) => o.unsure).map((o) => o.id))),
    }
    scaleCache.set(content, scale)
  }
  return scale
}

/** Gentle warnings that the answers may not say much, as interest inventories give. */
export function detectCautions(content: Content, answers: Answers): Caution[] {
  const { ids, unsure } = scaleOf(content)
  let given = 0
  let unsureCount = 0
  let first: string | undefined
  let allSame = true
  for (const id of ids) {
    const answer = answers[id]
    if (typeof answer !== 'string') continue
    given++
    if (unsure.has(answer)) {
      unsureCount++
      continue
    }
    if (first === undefined) first = answer
    else if (answer !== first) allSame = false
  }
  const sure = given - unsureCount
  const cautions: Caution[] = []
  if (sure >= content.settings.patternedMinimumItems && allSame)
    cautions.push({ kind: 'same_answers', count: sure, of: given })
  if (given > 0 && unsureCount * 2 >= given) cautions.push({ kind: 'many_unsure', count: unsureCount, of: given })
  return cautions
}
