/**
 * Rounds numbers to whole numbers so that they still add up to `total`
 * (largest remainder method). Shown contributions then sum to the shown fit.
 */
export function roundToTotal(values: ArrayLike<number>, total: number): number[] {
  const count = values.length
  if (count > MAX_VALUES) throw new RangeError(`roundToTotal handles at most ${MAX_VALUES} values`)
  const rounded: number[] = []
  // One number per value that sorts as plain numbers: larger remainder first, then lower index.
  const order: number[] = []
  let shortfall = total
  for (let i = 0; i < count; i++) {
    const floor = Math.floor(values[i]!)
    rounded.push(floor)
    shortfall -= floor
    order.push(-(Math.round((values[i]! - floor) * REMAINDER_SCALE) * MAX_VALUES + (MAX_VALUES - 1 - i)))
  }
  // Insertion sort: the lists are short (one value per question), and this avoids a
  // comparator call per step, which made sorting most of the engine's time.
  for (let i = 1; i < count; i++) {
    const key = order[i]!
    let j = i - 1
    while (j >= 0 && order[j]! > key) {
      order[j + 1] = order[j]!
      j--
    }
    order[j + 1] = key
  }
  const indexAt = (k: number) => MAX_VALUES - 1 - (-order[k]! % MAX_VALUES)
  // Float sums can leave the shortfall a hair off a whole number; at most one step per value.
  for (let k = 0; shortfall >= 0.5 && k < count; k++, shortfall--) rounded[indexAt(k)]! += 1
  for (let k = count - 1; shortfall <= -0.5 && k >= 0; k--, shortfall++) rounded[indexAt(k)]! -= 1
  return rounded
}

/** Remainders are compared to a billionth; sort keys stay below 2^53. */
const REMAINDER_SCALE = 1e9
const MAX_VALUES = 1024
