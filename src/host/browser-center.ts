/**
 * Center mode in the browser build: there is none (a browser cannot reach a PostgreSQL
 * server, and the page must not talk to the network). Every request gets the same plain
 * refusal; the status says center mode is unavailable so screens can say so.
 */
import type { CenterApi, CenterStatus } from '../shared/center-contract'
import { centerRefusal } from '../shared/center-problems'

const UNAVAILABLE_STATUS: CenterStatus = {
  available: false,
  configured: false,
  counselorDataOpen: false,
  connection: null,
  identity: null,
  online: null,
  lastSyncAt: null,
  waiting: 0,
  conflicts: 0,
  problem: centerRefusal('unavailable'),
  anonymousStats: null,
  kioskStats: { configured: false, connection: null },
}

export function createUnavailableCenter(): CenterApi {
  const refuse = async () => centerRefusal('unavailable')
  return {
    centerStatus: async () => structuredClone(UNAVAILABLE_STATUS),
    centerTestSettings: refuse,
    centerSaveSettings: refuse,
    centerForgetSettings: async () => undefined,
    centerSyncNow: async () => ({ ...centerRefusal('unavailable'), sent: 0, waiting: 0 }),
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
