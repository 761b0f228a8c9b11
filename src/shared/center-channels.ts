/**
 * IPC channel names for center mode (a center's shared PostgreSQL database). No imports,
 * like channels.ts, which spreads these into CHANNELS so the preload builds them itself.
 */
export const CENTER_CHANNELS = {
  centerStatus: 'center:status',
  centerTestSettings: 'center:test-settings',
  centerSaveSettings: 'center:save-settings',
  centerForgetSettings: 'center:forget-settings',
  centerSyncNow: 'center:sync-now',
  centerListClients: 'center:list-clients',
  centerCopyClient: 'center:copy-client',
  centerListConflicts: 'center:list-conflicts',
  centerResolveConflict: 'center:resolve-conflict',
  centerQuestionReport: 'center:question-report',
  centerExportQuestionReport: 'center:export-question-report',
  centerSetAnonymousStats: 'center:set-anonymous-stats',
  centerSaveKioskStatsSettings: 'center:save-kiosk-stats-settings',
  recordAnonymousResult: 'center:record-anonymous-result',
} as const
