/** Scoring throughput and content load time, measured in Node. */
import fc from 'fast-check'
import questions from '../src/content/questions.json'
import roles from '../src/content/roles.json'
import scoring from '../src/content/scoring.json'
import en from '../src/content/locales/en.json'
import { buildContent, buildTexts } from '../src/content/validate'
import { scoreAnswers } from '../src/domain/scoring'
import { arbitraryAnswers } from '../tests/fixtures/arbitrary-answers'
import { summarize, type Figure } from './stats'

export function measureNode(runs: number): Figure[] {
  const loadTimes: number[] = []
  let content = buildContent({ 'scoring.json': scoring, 'questions.json': questions, 'roles.json': roles })
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    content = buildContent({ 'scoring.json': scoring, 'questions.json': questions, 'roles.json': roles })
    buildTexts(content, en, 'locales/en.json')
    loadTimes.push(performance.now() - start)
  }

  // A fixed set of varied, valid answer sets, scored round and round for about a second per run.
  const answerSets = fc.sample(arbitraryAnswers(content), { numRuns: 1000, seed: 42 })
  const rates: number[] = []
  for (let run = 0; run < runs; run++) {
    let scored = 0
    const start = performance.now()
    while (performance.now() - start < 200) {
      for (const answers of answerSets) scoreAnswers(content, answers)
      scored += answerSets.length
    }
    rates.push(scored / ((performance.now() - start) / 1000))
  }
  const rate = summarize(rates)
  return [
    { name: 'contentLoadMs', unit: 'ms', ...summarize(loadTimes) },
    { name: 'scoringPerSecond', unit: 'answer sets/s', value: Math.round(rate.median), ...rate },
  ]
}
