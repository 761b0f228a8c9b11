/**
 * How often a random answer set lands in each hard case of the result page:
 * no role stands out, close roles, exact ties, and a best fit that flips when one
 * scale answer moves one step. Seeded, so the same command prints the same figures.
 *
 *   npx tsx scripts/result-shares.ts [count=100000] [seed=13]
 */
import fc from 'fast-check'
import { loadCheckedContent } from '../src/content/checked'
import { scoreAnswers, type AssessmentResult } from '../src/domain/scoring'
import type { Answers } from '../src/domain/types'
import { arbitraryAnswers } from '../tests/fixtures/arbitrary-answers'

const count = Number(process.argv[2] ?? 100_000)
const seed = Number(process.argv[3] ?? 13)
const { content } = loadCheckedContent()

/** The five ordered points of the like/dislike scale; "not sure" is not on it. */
const SCALE = ['strongly_dislike', 'dislike', 'neutral', 'like', 'strongly_like']
const scaleQuestions = content.questions.filter((q) => q.kind === 'likert').map((q) => q.id)

/** Every answer set one scale step away: one like/dislike answer moved to a neighbouring point. */
function oneStepAway(answers: Answers): Answers[] {
  const neighbours: Answers[] = []
  for (const id of scaleQuestions) {
    const at = SCALE.indexOf(answers[id] as string)
    if (at < 0) continue
    for (const next of [at - 1, at + 1]) {
      if (next >= 0 && next < SCALE.length) neighbours.push({ ...answers, [id]: SCALE[next]! })
    }
  }
  return neighbours
}

const eligibleOf = (result: AssessmentResult) => result.ranking.filter((s) => s.eligible)

const tally = {
  lowBest: { 40: 0, 50: 0, 60: 0 } as Record<number, number>,
  close: 0,
  tie: 0,
  flip: 0,
  licensed: 0,
  licensedRedesignBest: 0,
}

const started = performance.now()
const sets = fc.sample(arbitraryAnswers(content), { numRuns: count, seed })
for (const answers of sets) {
  const result = scoreAnswers(content, answers)
  const [best, second] = eligibleOf(result)
  for (const level of Object.keys(tally.lowBest)) if (best!.shownFit < Number(level)) tally.lowBest[Number(level)]!++
  if (second && best!.shownFit - second.shownFit <= content.settings.closeMargin) tally.close++
  if (best!.tiedWith.length > 0) tally.tie++
  if (oneStepAway(answers).some((a) => scoreAnswers(content, a).bestFit !== result.bestFit)) tally.flip++
  if (answers.license_status === 'active') {
    tally.licensed++
    if (result.bestFit === 'redesign_specialist') tally.licensedRedesignBest++
  }
}

const share = (n: number, of = count) => `${((100 * n) / of).toFixed(1)}%`
console.log(`Random answer sets: ${count} (seed ${seed}, content ${content.version})`)
for (const [level, n] of Object.entries(tally.lowBest))
  console.log(`  best fit below ${level}:                          ${share(n)}`)
console.log(`  top two eligible roles within ${content.settings.closeMargin} points:     ${share(tally.close)}`)
console.log(`  exact tie for best (same shown fit):          ${share(tally.tie)}`)
console.log(`  best fit flips when one scale answer moves:   ${share(tally.flip)}`)
console.log(
  `  active license, Redesign Specialist best:     ${share(tally.licensedRedesignBest, tally.licensed)} of ${tally.licensed}`,
)
console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`)
