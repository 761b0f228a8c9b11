import { parseIdleSeconds } from '../../src/shared/kiosk'

/** True when the app was started for a shared workforce-center computer (`--kiosk`). */
export function isKioskLaunch(argv: readonly string[]): boolean {
  return argv.includes('--kiosk')
}

/** `--kiosk-idle=SECONDS` sets how long the kiosk waits before its countdown (default 180). */
export function kioskIdleSeconds(argv: readonly string[]): number {
  const flag = argv.find((arg) => arg.startsWith('--kiosk-idle='))
  return parseIdleSeconds(flag?.slice('--kiosk-idle='.length))
}
