/**
 * Center mode in the browser build: there is none (a browser cannot reach a PostgreSQL
 * server, and the page must not talk to the network). Every request gets the same plain
 * refusal; the status says center mode is unavailable so screens can say so.
 */
import type { CenterApi, CenterStatus } from '../shared/center-contract'

// The refusal's words (every center problem, in both languages) load on the first center
// request, not with the start-up script.
const refusal = async () => (await import('../shared/center-problems')).centerRefusal('unavailable')

const UNAVAILABLE_STATUS: Omit<CenterStatus, 'problem'> = {
  available: false,
  configured: false,
  counselorDataOpen: false,
  connection: null,
  identity: null,
  online: null,
  lastSyncAt: null,
  waiting: 0,
  conflicts: 0,
  anonymousStats: null,
  kioskStats: { configured: false, connection: null },
}

export function createUnavailableCenter(): CenterApi {
  const refuse = refusal
  return {
    centerStatus: async () => ({ ...structuredClone(UNAVAILABLE_STATUS), problem: await refusal() }),
    centerTestSettings: refuse,
    centerSaveSettings: refuse,
    centerForgetSettings: async () => undefined,
    centerSyncNow: async () => ({ ...(await refusal()), sent: 0, waiting: 0 }),
    centerListClients: refuse,
    centerCopyClient: refuse,
    centerListConflicts: refuse,
    centerResolveConflict: refuse,
    centerQuestionReport: refuse,
    centerExportQuestionReport: refuse,
    centerSetAnonymousStats: refuse,
    centerSaveKioskStatsSettings: refuse,
    recordAnonymousResult: async () => ({ recorded: false }),
  }
}
