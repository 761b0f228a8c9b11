/**
 * Center mode in the counselor area: the status (waiting changes, last sync, who this
 * computer is at the center), the connection settings, "Sync now", the center's
 * statistics switch and a kiosk's statistics login. Orchestrates the host only; the
 * main process does the work and answers refusals as plain values.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useHost } from '../host'
import type {
  CenterCheckResult,
  CenterConnection,
  CenterRefusal,
  CenterStatsSwitchResult,
  CenterStatus,
  CenterSyncResult,
} from '../shared/center-contract'

export const useCenterStore = defineStore('center', () => {
  const status = ref<CenterStatus | null>(null)
  /** False only when the host said so: the browser build has no center mode. */
  const available = computed(() => status.value?.available !== false)

  async function refresh(): Promise<CenterStatus> {
    const next = await useHost().centerStatus()
    status.value = next
    return next
  }

  /** Tries the details without keeping them. */
  function testSettings(connection: CenterConnection): Promise<CenterCheckResult> {
    return useHost().centerTestSettings(connection)
  }

  /** Tries the details and keeps them when they work; the status is read again either way. */
  async function saveSettings(connection: CenterConnection): Promise<CenterCheckResult> {
    const result = await useHost().centerSaveSettings(connection)
    await refresh()
    return result
  }

  async function forgetSettings(): Promise<void> {
    await useHost().centerForgetSettings()
    await refresh()
  }

  async function syncNow(): Promise<CenterSyncResult> {
    const result = await useHost().centerSyncNow()
    await refresh()
    return result
  }

  /** Supervisors turn the center's anonymous statistics on or off. */
  async function setAnonymousStats(enabled: boolean): Promise<CenterStatsSwitchResult> {
    const result = await useHost().centerSetAnonymousStats({ enabled })
    await refresh()
    return result
  }

  /** A kiosk's statistics login; null forgets it. */
  async function saveKioskStats(connection: CenterConnection | null): Promise<{ ok: true } | CenterRefusal> {
    const result = await useHost().centerSaveKioskStatsSettings(connection)
    await refresh()
    return result.ok ? { ok: true } : result
  }

  return {
    status,
    available,
    refresh,
    testSettings,
    saveSettings,
    forgetSettings,
    syncNow,
    setAnonymousStats,
    saveKioskStats,
  }
})
