/**
 * Rounds numbers to whole numbers so that they still add up to `total`
 * (largest remainder method). Shown contributions then sum to the shown fit.
 */
export function roundToTotal(values: readonly number[], total: number): number[] {
  const floors = values.map(Math.floor)
  let shortfall = total - floors.reduce((a, b) => a + b, 0)
  const order = values
    .map((v, i) => ({ i, remainder: v - Math.floor(v) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i)
  const rounded = [...floors]
  // Float sums can leave the shortfall a hair off a whole number; at most one step per value.
  for (let k = 0; shortfall >= 0.5 && k < order.length; k++, shortfall--) rounded[order[k]!.i]! += 1
  for (let k = order.length - 1; shortfall <= -0.5 && k >= 0; k--, shortfall++) rounded[order[k]!.i]! -= 1
  return rounded
}
