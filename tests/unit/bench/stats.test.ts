import { describe, expect, it } from 'vitest'
import { bootstrapRatio, seededRandom, summarize } from '../../../bench/stats'

/** Deterministic samples around `centre` (the seed is printed by the failing assertion's message). */
function noisy(seed: number, n: number, centre: number): number[] {
  const random = seededRandom(seed)
  return Array.from({ length: n }, () => centre * (0.8 + 0.4 * random()))
}

describe('summarize', () => {
  it('takes the median and p90 by nearest rank', () => {
    expect(summarize([5, 1, 4, 2, 3, 10, 9, 8, 7, 6])).toEqual({ median: 5, p90: 9, runs: 10 })
    expect(summarize([7])).toEqual({ median: 7, p90: 7, runs: 1 })
  })
})

describe('bootstrapRatio', () => {
  it('gives the ratio of the medians, with an interval around it', () => {
    const seed = 7
    const ours = noisy(seed, 30, 200)
    const floor = noisy(seed + 1, 30, 100)
    const r = bootstrapRatio(ours, floor)
    expect(r.ratio, `seed ${seed}`).toBeCloseTo(summarize(ours).median / summarize(floor).median, 10)
    expect(r.p90Ratio, `seed ${seed}`).toBeCloseTo(summarize(ours).p90 / summarize(floor).p90, 10)
    expect(r.low, `seed ${seed}`).toBeLessThanOrEqual(r.ratio)
    expect(r.high, `seed ${seed}`).toBeGreaterThanOrEqual(r.ratio)
    expect(r.low, `seed ${seed}`).toBeGreaterThan(1.5)
    expect(r.high, `seed ${seed}`).toBeLessThan(2.5)
  })

  it('is the same for the same seed, and the interval narrows with more runs', () => {
    const ours = noisy(11, 60, 300)
    const floor = noisy(12, 60, 100)
    expect(bootstrapRatio(ours, floor)).toEqual(bootstrapRatio(ours, floor))
    const few = bootstrapRatio(ours.slice(0, 15), floor.slice(0, 15))
    const many = bootstrapRatio(ours, floor)
    expect(many.high - many.low).toBeLessThan(few.high - few.low)
  })

  it('keeps rounds paired: a page always k times another gives exactly k', () => {
    const floor = noisy(3, 30, 100)
    const r = bootstrapRatio(
      floor.map((ms) => ms * 1.25),
      floor,
    )
    expect(r.ratio).toBeCloseTo(1.25, 10)
    expect(r.low).toBeCloseTo(1.25, 10)
    expect(r.high).toBeCloseTo(1.25, 10)
  })

  it('refuses unpaired samples', () => {
    expect(() => bootstrapRatio([1, 2], [1])).toThrow(/paired/)
    expect(() => bootstrapRatio([], [])).toThrow(/paired/)
  })
})
