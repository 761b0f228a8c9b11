/**
 * Workforce-center kiosk mode, as the host reports it, and the switch to turn it on or
 * off. In a kiosk nothing about the person is saved, and a walk-away countdown wipes
 * the session for the next person.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useHost } from '../host'
import type { KioskModeResult } from '../shared/counselor-contract'
import type { AppInfo } from '../shared/host-contract'
import { DEFAULT_KIOSK_IDLE_SECONDS } from '../shared/kiosk'

/** The countdown shown before the wipe; shorter when the idle time itself is short. */
const WARNING_SECONDS = 30

export const useKioskStore = defineStore('kiosk', () => {
  const enabled = ref(false)
  const idleSeconds = ref(DEFAULT_KIOSK_IDLE_SECONDS)
  const warningSeconds = computed(() => Math.min(WARNING_SECONDS, idleSeconds.value))

  function configure(info: Pick<AppInfo, 'kiosk' | 'kioskIdleSeconds'>): void {
    enabled.value = info.kiosk
    idleSeconds.value = info.kioskIdleSeconds ?? DEFAULT_KIOSK_IDLE_SECONDS
  }

  /** Counselors turn kiosk mode on (counselor data must be open); the app restarts as a kiosk. */
  function turnOn(): Promise<KioskModeResult> {
    return useHost().setKioskMode({ enabled: true })
  }

  /** Staff leave kiosk mode with the counselor passcode; the app restarts without it. */
  function leave(passcode: string): Promise<KioskModeResult> {
    return useHost().setKioskMode({ enabled: false, passcode })
  }

  return { enabled, idleSeconds, warningSeconds, configure, turnOn, leave }
})
