/** Kiosk settings shared by main, preload and renderer; no imports, so any bundle can take it. */
export const DEFAULT_KIOSK_IDLE_SECONDS = 180

/** Reads an idle time from a flag or address: whole seconds from 5 to 3600, else the default. */
export function parseIdleSeconds(value: string | null | undefined): number {
  const seconds = Number(value)
  return Number.isInteger(seconds) && seconds >= 5 && seconds <= 3600 ? seconds : DEFAULT_KIOSK_IDLE_SECONDS
}
