/** Median and 90th percentile (nearest rank) of a list of samples. */
export function summarize(samples: number[]): { median: number; p90: number; runs: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
  return { median: at(0.5), p90: at(0.9), runs: sorted.length }
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
}

/** The figure's value a budget looks at, and whether it is within the budget. */
export function checkBudget(figure: Figure, budget: Budget): { actual: number; ok: boolean } {
  const actual = budget.stat === 'value' ? figure.value! : figure[budget.stat]!
  const ok = (budget.max === undefined || actual <= budget.max) && (budget.min === undefined || actual >= budget.min)
  return { actual, ok }
}
