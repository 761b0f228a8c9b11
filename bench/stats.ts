/** Median and 90th percentile (nearest rank), seeded bootstrap intervals for ratios, budget checks. */

/** The q-quantile by nearest rank (q = 0.5 is the lower median for an even count). */
function nearestRank(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

export function summarize(samples: number[]): { median: number; p90: number; runs: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  return { median: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9), runs: sorted.length }
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every bench run resamples alike. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface RatioEstimate {
  /** median(numerator) / median(denominator) */
  ratio: number
  /** p90(numerator) / p90(denominator), for information */
  p90Ratio: number
  /** The bootstrap interval of `ratio`. */
  low: number
  high: number
}

/**
 * The ratio of two medians with a percentile bootstrap interval. The samples are paired by
 * round (`numerator[i]` and `denominator[i]` were loaded in the same interleaved round), and
 * the rounds are resampled with replacement, so a stretch when the machine was busy moves
 * both sides of a resample together, as it moved both pages in the run.
 */
export function bootstrapRatio(
  numerator: number[],
  denominator: number[],
  { resamples = 2000, seed = 20261115, confidence = 0.95 } = {},
): RatioEstimate {
  if (numerator.length !== denominator.length || numerator.length === 0) {
    throw new Error(`bootstrapRatio: needs paired samples (got ${numerator.length} and ${denominator.length})`)
  }
  const n = numerator.length
  const random = seededRandom(seed)
  const ratios: number[] = []
  const top: number[] = new Array<number>(n)
  const bottom: number[] = new Array<number>(n)
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const round = Math.floor(random() * n)
      top[i] = numerator[round]!
      bottom[i] = denominator[round]!
    }
    ratios.push(summarize(top).median / summarize(bottom).median)
  }
  ratios.sort((a, b) => a - b)
  const tail = (1 - confidence) / 2
  const a = summarize(numerator)
  const b = summarize(denominator)
  return {
    ratio: a.median / b.median,
    p90Ratio: a.p90 / b.p90,
    low: nearestRank(ratios, tail),
    high: nearestRank(ratios, 1 - tail),
  }
}

export interface Budget {
  stat: 'median' | 'p90' | 'value'
  max?: number
  min?: number
}

export interface Figure {
  name: string
  unit: string
  value?: number
  median?: number
  p90?: number
  runs?: number
  /** A bootstrap interval of `median` (ratios). */
  low?: number
  high?: number
}

/** The figure's value a budget looks at, and whether it is within the budget. */
export function checkBudget(figure: Figure, budget: Budget): { actual: number; ok: boolean } {
  const actual = budget.stat === 'value' ? figure.value! : figure[budget.stat]!
  const ok = (budget.max === undefined || actual <= budget.max) && (budget.min === undefined || actual >= budget.min)
  return { actual, ok }
}
