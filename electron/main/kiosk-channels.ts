import { CHANNELS, type Channel } from '../../src/shared/host-contract'

/**
 * What main answers in a kiosk, whatever the page asks: the app's own information, the
 * walk-in person's progress and language (which main keeps in memory only), the error log, and
 * turning the kiosk off with the counselor passcode. Every counselor channel (status,
 * open, erase, clients, sessions) and every file channel (save, PDF) is refused, so a
 * kiosk set by a shortcut or a setting cannot be used to reach counselor data.
 */
const ANSWERED_IN_KIOSK: ReadonlySet<Channel> = new Set([
  CHANNELS.getAppInfo,
  CHANNELS.loadProgress,
  CHANNELS.saveProgress,
  CHANNELS.clearProgress,
  CHANNELS.loadPreferences,
  CHANNELS.savePreferences,
  // The menus and dialogs follow the person's language; an error the page did not catch
  // goes to the local log (its text only, never an answer or a record).
  CHANNELS.setInterfaceLanguage,
  CHANNELS.logError,
  // Center mode: whether anonymous statistics are on (the welcome page says so), and adding
  // one anonymous result; nothing that reads a client or a report.
  CHANNELS.centerStatus,
  CHANNELS.recordAnonymousResult,
])

export const REFUSED_IN_KIOSK_MESSAGE = 'This is not available while the app is a kiosk.'

/** True when main must refuse this request because the app is a kiosk. The payload is already validated. */
export function refusedInKiosk(channel: Channel, payload: unknown): boolean {
  if (channel === CHANNELS.setKioskMode) {
    const request = payload as { enabled?: unknown; passcode?: unknown } | undefined
    return !(request?.enabled === false && typeof request.passcode === 'string')
  }
  return !ANSWERED_IN_KIOSK.has(channel)
}
