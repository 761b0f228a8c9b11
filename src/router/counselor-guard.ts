/**
 * The router's check before any counselor page: never in a kiosk; the passcode first;
 * and the client or session the page shows, loaded before it opens so the page's
 * heading is right when focus lands on it. Loaded with the counselor area, on demand.
 */
import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import { initHost } from '../host'
import { useCounselorAccessStore } from '../stores/counselor-access'
import { useCounselorRecordStore } from '../stores/counselor-record'
import { useKioskStore } from '../stores/kiosk'

export async function counselorGuard(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  // The first navigation can run before main.ts has picked the host.
  const host = await initHost()
  if (useKioskStore().enabled || (await host.getAppInfo()).kiosk) return { path: '/' }
  const current = await useCounselorAccessStore().checkStatus()
  // Counselor storage could not even be checked: the gate explains.
  if (!current) return to.meta.counselorPublic ? true : { name: 'counselor-gate' }
  if (to.meta.counselorPublic) {
    const openOnly = to.name === 'counselor-gate' || to.name === 'counselor-start-afresh'
    return openOnly && current.unlocked ? { name: 'counselor-clients' } : true
  }
  if (!current.unlocked) return { name: 'counselor-gate', query: { next: to.fullPath } }
  const { clientId, sessionId } = to.params
  await useCounselorRecordStore().open({
    ...(typeof clientId === 'string' ? { clientId } : {}),
    ...(typeof sessionId === 'string' ? { sessionId } : {}),
  })
  return true
}
