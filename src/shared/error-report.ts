/**
 * How much of a page error main accepts for its log (HostApi.logError). Apart from the
 * validators so the renderer's start-up script can cut reports to size without loading zod.
 */
export const RENDERER_ERROR_LIMITS = { message: 1_000, stack: 4_000, where: 200 } as const
