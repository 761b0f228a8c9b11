/** Pure geometry for restoring the window where the person left it. No Electron here. */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface Size {
  width: number
  height: number
}

export const DEFAULT_WINDOW_SIZE: Size = { width: 1100, height: 780 }
export const MINIMUM_WINDOW_SIZE: Size = { width: 480, height: 560 }

/**
 * Fits saved bounds onto the displays that exist now (their work areas, primary first).
 * The window goes to the display it overlaps most, is shrunk to fit it and pushed fully
 * inside it; if it overlaps none (a monitor was unplugged), it is centred on the primary.
 * With nothing saved, only a size is returned and Electron centres the window itself.
 */
export function restoreBounds(saved: Rect | null, workAreas: readonly Rect[]): Rect | Size {
  const primary = workAreas[0]
  if (!primary) return saved ? { width: saved.width, height: saved.height } : { ...DEFAULT_WINDOW_SIZE }
  if (!saved) return fitSize(DEFAULT_WINDOW_SIZE, primary)

  const best = largestOverlap(saved, workAreas)
  const area = best ?? primary
  const size = fitSize(saved, area)
  if (!best) return { ...centred(size, area), ...size }
  return {
    x: clamp(saved.x, area.x, area.x + area.width - size.width),
    y: clamp(saved.y, area.y, area.y + area.height - size.height),
    ...size,
  }
}

function fitSize(size: Size, area: Rect): Size {
  return {
    width: Math.min(Math.max(size.width, MINIMUM_WINDOW_SIZE.width), area.width),
    height: Math.min(Math.max(size.height, MINIMUM_WINDOW_SIZE.height), area.height),
  }
}

function largestOverlap(rect: Rect, areas: readonly Rect[]): Rect | null {
  let best: Rect | null = null
  let bestOverlap = 0
  for (const area of areas) {
    const overlap = overlapArea(rect, area)
    if (overlap > bestOverlap) {
      best = area
      bestOverlap = overlap
    }
  }
  return best
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function centred(size: Size, area: Rect): { x: number; y: number } {
  return {
    x: Math.round(area.x + (area.width - size.width) / 2),
    y: Math.round(area.y + (area.height - size.height) / 2),
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}
