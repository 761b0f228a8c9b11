/**
 * The one contract between the renderer and whatever hosts it (Electron's preload
 * bridge or the plain-browser host): channel names, payload types and validators.
 *
 * Kept free of Node, DOM and Vue imports (enforced by ESLint) so that main,
 * preload, renderer and tests can all import it.
 */
import { z } from './zod'
import { answersSchema } from './records'
import { CHANNELS, type Channel } from './channels'
import type { IpcResult } from './ipc-result'
import { RENDERER_ERROR_LIMITS } from './error-report'
import { COUNSELOR_PAYLOADS, type CounselorApi, type FileApi, type KioskApi } from './counselor-contract'
import { CENTER_PAYLOADS, type CenterApi } from './center-contract'

export { answersSchema }

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

/** Settings that outlive an assessment; nothing about the person. */
export const preferencesSchema = z
  .object({
    schema: z.literal(1),
    locale: z.enum(['en', 'es']),
    /** The counselor area locks after this many minutes without input (unset: the default, 5). */
    counselorLockMinutes: z.number().int().min(1).max(60).optional(),
  })
  .strict()

export type Preferences = z.infer<typeof preferencesSchema>

/** The language the page shows now; main uses it for its menus and dialogs (nothing is saved). */
export const interfaceLanguageSchema = z.enum(['en', 'es'])
export type InterfaceLanguage = z.infer<typeof interfaceLanguageSchema>

export { RENDERER_ERROR_LIMITS }

/** An error the page did not catch, for the local error log (never sent anywhere else). */
export const rendererErrorSchema = z
  .object({
    /** window 'error', window 'unhandledrejection', or Vue's app.config.errorHandler. */
    kind: z.enum(['error', 'unhandledrejection', 'vue']),
    message: z.string().max(RENDERER_ERROR_LIMITS.message),
    stack: z.string().max(RENDERER_ERROR_LIMITS.stack).optional(),
    /** Vue's hint of where it happened (e.g. "setup function"), or the script position. */
    where: z.string().max(RENDERER_ERROR_LIMITS.where).optional(),
  })
  .strict()
export type RendererError = z.infer<typeof rendererErrorSchema>

export interface AppInfo {
  name: string
  version: string
  host: 'electron' | 'browser'
  /** Workforce-center kiosk: full screen, and nothing about the person is written anywhere. */
  kiosk: boolean
  /** Kiosk only: seconds without input before the "Are you still there?" countdown. */
  kioskIdleSeconds?: number
}

export { DEFAULT_KIOSK_IDLE_SECONDS, parseIdleSeconds } from './kiosk'

/** What the renderer may ask of its host. Every function is one user intent. */
export interface HostApi extends CounselorApi, FileApi, KioskApi, CenterApi {
  getAppInfo(): Promise<AppInfo>
  loadProgress(): Promise<SavedProgress | null>
  saveProgress(progress: SavedProgress): Promise<void>
  clearProgress(): Promise<void>
  loadPreferences(): Promise<Preferences | null>
  savePreferences(preferences: Preferences): Promise<void>
  /** Tells the host which language the page shows, for its own menus and dialogs. */
  setInterfaceLanguage(locale: InterfaceLanguage): Promise<void>
  /** Writes an uncaught page error to the host's local error log. */
  logError(report: RendererError): Promise<void>
}

export { CHANNELS, type Channel } from './channels'

/**
 * What Electron's preload puts on the page as `window.api`: the same functions, each
 * answering with the IpcResult reply as it came from main (src/host/bridge-host.ts unwraps it).
 */
export type BridgeApi = { [K in keyof HostApi]: (payload?: Parameters<HostApi[K]>[0]) => Promise<IpcResult<unknown>> }

// Every HostApi function has a channel, and no channel lacks a function.
export type ChannelsMatchApi = [keyof HostApi] extends [keyof typeof CHANNELS]
  ? [keyof typeof CHANNELS] extends [keyof HostApi]
    ? true
    : never
  : never
export const CHANNELS_MATCH_API: ChannelsMatchApi = true

/** Payload validators per channel; a channel with no payload accepts only `undefined`. */
export const PAYLOADS = {
  [CHANNELS.getAppInfo]: z.undefined(),
  [CHANNELS.loadProgress]: z.undefined(),
  [CHANNELS.saveProgress]: savedProgressSchema,
  [CHANNELS.clearProgress]: z.undefined(),
  [CHANNELS.loadPreferences]: z.undefined(),
  [CHANNELS.savePreferences]: preferencesSchema,
  [CHANNELS.setInterfaceLanguage]: interfaceLanguageSchema,
  [CHANNELS.logError]: rendererErrorSchema,
  ...COUNSELOR_PAYLOADS,
  ...CENTER_PAYLOADS,
} as const satisfies Record<Channel, z.ZodType>
