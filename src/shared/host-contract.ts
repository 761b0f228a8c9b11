/**
 * The one contract between the renderer and whatever hosts it (Electron's preload
 * bridge or the plain-browser host): channel names, payload types and validators.
 *
 * Kept free of Node, DOM and Vue imports (enforced by ESLint) so that main,
 * preload, renderer and tests can all import it.
 */
import { z } from 'zod'
import { CHANNELS, type Channel } from './channels'

const ID_PATTERN = /^[a-z0-9_]{1,64}$/
const answerId = z.string().regex(ID_PATTERN)

export const answersSchema = z
  .record(answerId, z.union([answerId, z.array(answerId).max(32)]))
  .refine((answers) => Object.keys(answers).length <= 200, 'too many answers')

/** Anonymous self-guided progress: answers and where the person was, nothing else. */
export const savedProgressSchema = z
  .object({
    schema: z.literal(1),
    savedAt: z.string().max(40),
    answers: answersSchema,
    /** The route the person was on, e.g. "/question/3" or "/results". */
    route: z.string().regex(/^\/[a-z0-9/_-]{0,60}$/),
  })
  .strict()

export type SavedProgress = z.infer<typeof savedProgressSchema>

export interface AppInfo {
  name: string
  version: string
  host: 'electron' | 'browser'
}

/** What the renderer may ask of its host. Every function is one user intent. */
export interface HostApi {
  getAppInfo(): Promise<AppInfo>
  loadProgress(): Promise<SavedProgress | null>
  saveProgress(progress: SavedProgress): Promise<void>
  clearProgress(): Promise<void>
}

export { CHANNELS, type Channel } from './channels'

// Every HostApi function has a channel, and no channel lacks a function.
export type ChannelsMatchApi = [keyof HostApi] extends [keyof typeof CHANNELS] ? ([keyof typeof CHANNELS] extends [keyof HostApi] ? true : never) : never
export const CHANNELS_MATCH_API: ChannelsMatchApi = true

/** Payload validators per channel; a channel with no payload accepts only `undefined`. */
export const PAYLOADS = {
  [CHANNELS.getAppInfo]: z.undefined(),
  [CHANNELS.loadProgress]: z.undefined(),
  [CHANNELS.saveProgress]: savedProgressSchema,
  [CHANNELS.clearProgress]: z.undefined(),
} as const satisfies Record<Channel, z.ZodType>
