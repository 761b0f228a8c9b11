import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { writeFileAtomicSync } from './services/atomic-file'
import type { Rect } from './window-bounds'

export const WINDOW_STATE_FILE_NAME = 'window-state.json'

const dimension = z.number().int().min(-100_000).max(100_000)
const windowStateSchema = z
  .object({
    bounds: z.object({ x: dimension, y: dimension, width: dimension.positive(), height: dimension.positive() }),
    maximized: z.boolean(),
  })
  .strict()

export type WindowState = z.infer<typeof windowStateSchema>

/** The last saved window placement, or null when there is none or it is unreadable (then defaults apply). */
export function loadWindowState(folder: string): WindowState | null {
  try {
    const text = fs.readFileSync(path.join(folder, WINDOW_STATE_FILE_NAME), 'utf8')
    const parsed = windowStateSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Saved synchronously because it runs while the window closes and the app may quit right after. */
export function saveWindowState(folder: string, state: { bounds: Rect; maximized: boolean }): void {
  const valid = windowStateSchema.parse({
    bounds: {
      x: Math.round(state.bounds.x),
      y: Math.round(state.bounds.y),
      width: Math.round(state.bounds.width),
      height: Math.round(state.bounds.height),
    },
    maximized: state.maximized,
  })
  fs.mkdirSync(folder, { recursive: true })
  writeFileAtomicSync(path.join(folder, WINDOW_STATE_FILE_NAME), `${JSON.stringify(valid)}\n`)
}
