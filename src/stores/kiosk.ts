/**
 * Workforce-center kiosk mode, as the host reports it. In a kiosk nothing about the
 * person is saved, and a walk-away countdown wipes the session for the next person.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
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

  return { enabled, idleSeconds, warningSeconds, configure }
})
