/**
 * How often a random answer set lands in each hard case of the result page: no role
 * stands out, close roles led together, exact ties, and a best fit that flips when one
 * scale answer moves one step. Seeded, so the same command prints the same figures.
 *
 *   npx tsx scripts/result-shares.ts [count=100000] [seed=13]
 *
 * "One step" moves one of the like/dislike answers to a neighbouring point of its
 * five-point scale ("not sure" is not on the scale). The first block is what the page
 * said before issue 13 (always one named best fit); the second is what it says now.
 */
import fc from 'fast-check'
import { loadCheckedContent } from '../src/content/checked'
import { leadOf, type ResultLead } from '../src/domain/lead'
import { meetsEligibility } from '../src/domain/eligibility'
import { scoreAnswers } from '../src/domain/scoring'
import type { Answers } from '../src/domain/types'
import { arbitraryAnswers } from '../tests/fixtures/arbitrary-answers'

const count = Number(process.argv[2] ?? 100_000)
const seed = Number(process.argv[3] ?? 13)
const { content } = loadCheckedContent()
const clinical = content.roles.find((r) => r.id === 'clinical_consultant')!

const SCALE = ['strongly_dislike', 'dislike', 'neutral', 'like', 'strongly_like']
const scaleQuestions = content.questions.filter((q) => q.kind === 'likert').map((q) => q.id)

/** Every answer set one scale step away. */
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

/** The one role the page names as the best fit, or null when it names several or none. */
const namedAlone = (lead: ResultLead) => (lead.kind === 'one' ? lead.roles[0]! : null)

const tally = {
  bestBelowLevel: 0,
  topTwoClose: 0,
  tie: 0,
  bestFlips: 0,
  noneStandsOut: 0,
  ledTogether: 0,
  tieSaid: 0,
  namedOne: 0,
  namedOneReplaced: 0,
  namedOneDropped: 0,
  namedOneFaded: 0,
  licensed: 0,
  licensedRedesignBest: 0,
  licensedRedesignLeads: 0,
}

const started = performance.now()
const sets = fc.sample(arbitraryAnswers(content), { numRuns: count, seed })
for (const answers of sets) {
  const result = scoreAnswers(content, answers)
  const eligible = result.ranking.filter((s) => s.eligible)
  const [best, second] = eligible
  const lead = leadOf(content, result)
  if (best!.shownFit < content.settings.standOutLevel) tally.bestBelowLevel++
  if (second && best!.shownFit - second.shownFit <= content.settings.closeMargin) tally.topTwoClose++
  if (second && second.shownFit === best!.shownFit) tally.tie++
  if (lead.kind === 'none_stands_out') tally.noneStandsOut++
  if (lead.kind === 'close' || lead.kind === 'tie') tally.ledTogether++
  if (lead.kind === 'tie') tally.tieSaid++

  const named = namedAlone(lead)
  if (named) tally.namedOne++
  let flipped = false
  let replaced = false
  let dropped = false
  let faded = false
  for (const moved of oneStepAway(answers)) {
    const other = scoreAnswers(content, moved)
    if (other.bestFit !== result.bestFit) flipped = true
    if (named) {
      const otherLead = leadOf(content, other)
      const otherNamed = namedAlone(otherLead)
      if (otherNamed && otherNamed !== named) replaced = true
      if (otherLead.kind === 'none_stands_out') faded = true
      else if (!otherLead.roles.includes(named)) dropped = true
    }
  }
  if (flipped) tally.bestFlips++
  if (replaced) tally.namedOneReplaced++
  if (dropped) tally.namedOneDropped++
  if (faded) tally.namedOneFaded++

  if (meetsEligibility(clinical, answers)) {
    tally.licensed++
    if (result.bestFit === 'redesign_specialist') tally.licensedRedesignBest++
    if (lead.roles.includes('redesign_specialist')) tally.licensedRedesignLeads++
  }
}

const share = (n: number, of = count) => `${((100 * n) / of).toFixed(1)}%`.padStart(6)
const { standOutLevel, closeMargin } = content.settings
console.log(`Random answer sets: ${count} (seed ${seed}, content ${content.version})`)
console.log(`How the numbers fall (the page before issue 13 named one best fit in every case):`)
console.log(`  ${share(tally.bestBelowLevel)}  best fit below ${standOutLevel}`)
console.log(`  ${share(tally.topTwoClose)}  top two eligible roles within ${closeMargin} points`)
console.log(`  ${share(tally.tie)}  exact tie for best (same shown fit)`)
console.log(`  ${share(tally.bestFlips)}  best fit flips when one scale answer moves one step`)
console.log(`What the result leads with now:`)
console.log(`  ${share(tally.noneStandsOut)}  no role stands out yet`)
console.log(`  ${share(tally.ledTogether)}  close roles led together (ties included)`)
console.log(`  ${share(tally.tieSaid)}  exact tie, said as equal`)
console.log(`  ${share(tally.namedOne)}  one best fit named`)
console.log(`When one best fit is named, one scale step away (share of all sets, and of those named):`)
const ofNamed = (n: number) => `${share(n)} (${share(n, tally.namedOne).trim()})`
console.log(`  ${ofNamed(tally.namedOneReplaced)}  names a different single role`)
console.log(`  ${ofNamed(tally.namedOneDropped)}  leads without the named role`)
console.log(`  ${ofNamed(tally.namedOneFaded)}  says no role stands out`)
console.log(`Licensed clinicians (meet the Clinical/Practitioner Consultant's license rule): ${tally.licensed}`)
console.log(`  ${share(tally.licensedRedesignBest, tally.licensed)}  Redesign Specialist ranked best`)
console.log(`  ${share(tally.licensedRedesignLeads, tally.licensed)}  Redesign Specialist among the roles led with`)
console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`)
