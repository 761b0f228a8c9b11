/**
 * Switching kiosk mode as a setting: counselors turn it on from their area, and
 * leaving it takes the counselor passcode, so a walk-in user cannot. Platform-free:
 * each host passes where the setting lives and how to restart.
 */
import type { KioskApi, KioskModeResult, KioskSetting } from '../shared/counselor-contract'
import type { CounselorService } from './service'

export interface KioskSwitchDeps {
  counselor: Pick<CounselorService, 'counselorStatus' | 'checkPasscode' | 'counselorLock'>
  saveSetting(setting: KioskSetting): Promise<void>
  /** Kiosk forced by how the app was started (`--kiosk`, `?kiosk`): a setting cannot undo it. */
  forcedByLaunch: boolean
  /** Restarts the app so the window opens (or stops opening) as a kiosk. */
  restart(): void
}

export function createKioskSwitch(deps: KioskSwitchDeps): KioskApi {
  return {
    async setKioskMode({ enabled, passcode }): Promise<KioskModeResult> {
      if (enabled) {
        if (!(await deps.counselor.counselorStatus()).unlocked) {
          return {
            ok: false,
            reason: 'needs-counselor',
            message: 'Open the counselor area first, then turn on kiosk mode.',
          }
        }
      } else {
        if (deps.forcedByLaunch) {
          return {
            ok: false,
            reason: 'set-by-launch',
            message:
              'This computer starts the app in kiosk mode from its shortcut. Ask the person who set it up to change the shortcut.',
          }
        }
        // Always check the passcode itself, even if counselor data happens to be open; with
        // damaged data it is checked against any key check that still reads, and when none
        // does the kiosk stays on (nothing proves who is asking).
        const checked = await deps.counselor.checkPasscode(passcode ?? '')
        if (!checked.ok) {
          return {
            ok: false,
            reason:
              checked.reason === 'locked' || checked.reason === 'damaged' || checked.reason === 'open-elsewhere'
                ? checked.reason
                : 'wrong-passcode',
            message: checked.message,
          }
        }
        await deps.counselor.counselorLock()
      }
      await deps.saveSetting({ schema: 1, enabled })
      deps.restart()
      return { ok: true, restarting: true }
    },
  }
}
