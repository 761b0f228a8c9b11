/**
 * Places chart labels near their points without overlapping: each label keeps its point's
 * height where it can and is pushed apart by at least `gap`, within [top, bottom]. Pure.
 */
export function spreadLabels(wanted: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = wanted.map((y, index) => ({ y, index })).sort((a, b) => a.y - b.y || a.index - b.index)
  const placed = order.map((label) => Math.min(Math.max(label.y, top), bottom))
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + gap)
  // Pushed past the bottom: move the last labels up, keeping the gap.
  const overflow = placed.length ? placed[placed.length - 1]! - bottom : 0
  if (overflow > 0) {
    placed[placed.length - 1] = bottom
    for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.min(placed[i]!, placed[i + 1]! - gap)
  }
  const result = new Array<number>(wanted.length)
  order.forEach((label, i) => (result[label.index] = placed[i]!))
  return result
}
