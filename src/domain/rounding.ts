/**
 * Rounds numbers to whole numbers so that they still add up to `total`
 * (largest remainder method). Shown contributions then sum to the shown fit.
 */
export function roundToTotal(values: ArrayLike<number>, total: number): number[] {
  const count = values.length
  const rounded = new Array<number>(count)
  const remainders = new Float64Array(count)
  let shortfall = total
  for (let i = 0; i < count; i++) {
    const floor = Math.floor(values[i]!)
    rounded[i] = floor
    remainders[i] = values[i]! - floor
    shortfall -= floor
  }
  // Largest remainders first; equal remainders keep their order.
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => remainders[b]! - remainders[a]! || a - b,
  )
  // Float sums can leave the shortfall a hair off a whole number; at most one step per value.
  for (let k = 0; shortfall >= 0.5 && k < count; k++, shortfall--) rounded[order[k]!]! += 1
  for (let k = count - 1; shortfall <= -0.5 && k >= 0; k--, shortfall++) rounded[order[k]!]! -= 1
  return rounded
}
