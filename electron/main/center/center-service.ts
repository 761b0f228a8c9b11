/**
 * Center mode in the main process: the CenterApi the renderer calls, over the open
 * counselor store (its outbox and the encrypted connection details) and a center's
 * PostgreSQL database. A plain Node module: the store, the database connection, the
 * kiosk's secret storage and the timers are all passed in, so tests run it for real
 * against PostgreSQL without Electron.
 *
 * Expected failures come back as `{ ok: false, reason, message }` (CenterRefusal) with one
 * plain sentence; nothing here lets a driver error or a stack trace reach the page.
 */
import { centerProblemOf, isOffline } from '../../../src/center/connection-problems'
import { buildQuestionReport, questionReportCsv } from '../../../src/center/question-report'
import type { ReportContent } from '../../../src/center/question-items'
import { createSyncScheduler, type SyncSchedule, type SyncTimers } from '../../../src/center/sync-scheduler'
import { syncWithCenter, type SyncOptions, type SyncOutbox } from '../../../src/center/sync-engine'
import { centerRefusal, type CenterProblem, type CenterRefusal } from '../../../src/shared/center-problems'
import type {
  AnonymousResultInput,
  CenterApi,
  CenterCheckResult,
  CenterConnection,
  CenterConnectionSummary,
  CenterIdentity,
  CenterStatus,
  CenterSyncResult,
} from '../../../src/shared/center-contract'
import type { CounselorStore } from '../../../src/storage'
import type { ConnectOptions } from '../../../center/pg-connection'
import type { CenterSession } from './center-gateway'
import type { KioskStatsStore } from './kiosk-stats-store'

export interface CenterServiceDeps {
  /** The open counselor store, or null while counselor data is locked. */
  counselorStore(): CounselorStore | null
  kioskStats: KioskStatsStore
  /** What the question report needs from the content (items per role, scale), with display order. */
  content: ReportContent & { roleOrder: readonly string[]; questionOrder: readonly string[] }
  openSession?: (settings: CenterConnection, options: ConnectOptions) => Promise<CenterSession>
  connectOptions?: ConnectOptions
  timers?: SyncTimers
  schedule?: SyncSchedule
  sync?: Pick<SyncOptions, 'batchSize' | 'afterBatch'>
  now?: () => number
  /** Errors the person does not need to read (they get a plain sentence instead). */
  log?: (error: unknown) => void
}

export interface MainCenterService extends CenterApi {
  /** A client or session was saved here: send it soon. */
  changed(): void
  /** Counselor data opened or closed. */
  storeChanged(store: CounselorStore | null): void
  stop(): void
}

type Kind = CenterIdentity['kind']

function summary(settings: CenterConnection | null): CenterConnectionSummary | null {
  if (!settings) return null
  return {
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.user,
    sslMode: settings.sslMode,
    hasCaCertificate: settings.caCertificate !== undefined,
  }
}

/** The counselor store seen as the sync engine's outbox. */
export function storeOutbox(store: CounselorStore): SyncOutbox {
  return {
    pending: (limit) => store.centerOutbox(limit),
    done: (done) => store.centerChangesDone(done),
    knownVersions: () => store.centerVersions(),
    acceptCopies: (copy) => store.acceptCenterCopies(copy),
  }
}

export function createCenterService(deps: CenterServiceDeps): MainCenterService {
  // node-postgres loads on the first connection, so an app that never joins a center never loads it.
  const openSession =
    deps.openSession ??
    (async (settings: CenterConnection, options: ConnectOptions) =>
      (await import('./center-gateway')).openCenterSession(settings, options))
  const connectOptions = deps.connectOptions ?? {}
  const now = deps.now ?? Date.now
  const log = deps.log ?? (() => undefined)
  const state = {
    online: null as boolean | null,
    lastSyncAt: null as string | null,
    problem: null as CenterRefusal | null,
    identity: null as CenterIdentity | null,
    conflicts: 0,
    anonymousStats: null as boolean | null,
    kioskStatsChecked: false,
  }

  function refusalFor(error: unknown): CenterRefusal {
    const problem: CenterProblem = centerProblemOf(error)
    if (problem === 'unexpected') log(error)
    return centerRefusal(problem)
  }

  function noteOutcome(refusal: CenterRefusal | null): void {
    state.problem = refusal
    state.online = refusal === null ? true : !isOffline(refusal.reason)
  }

  /** Opens a session for `settings`, checks the login's kind, runs `work`, always closes. */
  async function withSession<T>(
    settings: CenterConnection,
    kinds: readonly Kind[],
    work: (session: CenterSession) => Promise<T>,
  ): Promise<T> {
    const session = await openSession(settings, connectOptions)
    try {
      if (!kinds.includes(session.identity.kind)) throw Object.assign(new Error('wrong kind'), { code: '42501' })
      return await work(session)
    } finally {
      await session.close()
    }
  }

  async function linked(): Promise<{ store: CounselorStore; settings: CenterConnection } | CenterRefusal> {
    const store = deps.counselorStore()
    if (!store) return centerRefusal('counselor-locked')
    const settings = await store.centerLink()
    if (!settings) return centerRefusal('not-set-up')
    return { store, settings }
  }

  /** Runs `work` with the linked connection, noting whether the center was reachable. */
  async function withLinked<T>(
    kinds: readonly Kind[],
    work: (session: CenterSession, store: CounselorStore) => Promise<T>,
  ): Promise<T | CenterRefusal> {
    const link = await linked()
    if ('ok' in link) return link
    try {
      const result = await withSession(link.settings, kinds, async (session) => {
        state.identity = session.identity
        return work(session, link.store)
      })
      noteOutcome(null)
      return result
    } catch (error) {
      const refusal = refusalFor(error)
      noteOutcome(refusal)
      return refusal
    }
  }

  async function check(settings: CenterConnection, kinds: readonly Kind[]): Promise<CenterCheckResult> {
    try {
      return await withSession(settings, kinds, async (session) => ({
        ok: true as const,
        identity: session.identity,
        encrypted: session.encrypted,
        anonymousStats: await session.anonymousStatsEnabled(),
      }))
    } catch (error) {
      return refusalFor(error)
    }
  }

  async function waiting(store: CounselorStore | null): Promise<number> {
    return store ? store.centerWaitingCount().catch(() => 0) : 0
  }

  async function runSync(): Promise<CenterSyncResult & { offline: boolean }> {
    const link = await linked()
    if ('ok' in link) return { ...link, sent: 0, waiting: await waiting(deps.counselorStore()), offline: false }
    let sent = 0
    try {
      const result = await withSession(link.settings, ['counselor', 'supervisor'], async (session) => {
        state.identity = session.identity
        state.anonymousStats = await session.anonymousStatsEnabled()
        // A supervisor's login reads reports; it has nothing to send, and work saved here stays here.
        if (session.identity.kind === 'supervisor') return { sent: 0, conflicts: 0, refreshed: 0 }
        const counts = await syncWithCenter(storeOutbox(link.store), session, {
          ...deps.sync,
          afterBatch: async (progress) => {
            sent = progress.sent
            await deps.sync?.afterBatch?.(progress)
          },
        })
        state.conflicts = await session.openConflictCount()
        return counts
      })
      noteOutcome(null)
      state.lastSyncAt = new Date(now()).toISOString()
      return {
        ok: true,
        sent: result.sent,
        conflicts: result.conflicts,
        refreshed: result.refreshed,
        waiting: await waiting(link.store),
        offline: false,
      }
    } catch (error) {
      const refusal = refusalFor(error)
      noteOutcome(refusal)
      return { ...refusal, sent, waiting: await waiting(link.store), offline: isOffline(refusal.reason) }
    }
  }

  const scheduler = createSyncScheduler(
    runSync,
    deps.timers ?? {
      set: (run, ms) => {
        const handle = setTimeout(run, ms)
        handle.unref?.()
        return handle
      },
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    deps.schedule,
  )

  async function startIfLinked(store: CounselorStore | null): Promise<void> {
    if (store && (await store.centerLink().catch(() => null))) scheduler.start()
    else scheduler.stop()
  }

  async function refreshKioskStats(): Promise<void> {
    state.kioskStatsChecked = true
    const settings = await deps.kioskStats.load()
    if (!settings) return
    try {
      state.anonymousStats = await withSession(settings, ['kiosk'], (session) => session.anonymousStatsEnabled())
    } catch (error) {
      log(error)
    }
  }

  async function questionReport({ from, to }: { from: string; to: string }) {
    return withLinked(['supervisor'], async (session) => {
      const rows = await session.questionReport(from, to, deps.content)
      return {
        ok: true as const,
        report: buildQuestionReport(rows, {
          from,
          to,
          contentVersion: deps.content.version,
          centerName: session.identity.centerName,
          roleOrder: deps.content.roleOrder,
          questionOrder: deps.content.questionOrder,
        }),
      }
    })
  }

  return {
    changed: () => scheduler.changed(),
    storeChanged: (store) => {
      state.identity = null
      state.online = null
      state.problem = null
      void startIfLinked(store)
    },
    stop: () => scheduler.stop(),

    async centerStatus(): Promise<CenterStatus> {
      const store = deps.counselorStore()
      const settings = store ? await store.centerLink().catch(() => null) : null
      const kioskSettings = await deps.kioskStats.load()
      // Asked in the background: the welcome screen must not wait on a server. Until the answer
      // arrives, anonymousStats stays null (unknown) and the screen asks again later.
      if (kioskSettings && !state.kioskStatsChecked) void refreshKioskStats()
      return {
        available: true,
        configured: settings !== null,
        counselorDataOpen: store !== null,
        connection: summary(settings),
        identity: settings ? state.identity : null,
        online: settings ? state.online : null,
        lastSyncAt: state.lastSyncAt,
        waiting: await waiting(store),
        conflicts: state.conflicts,
        problem: state.problem,
        anonymousStats: state.anonymousStats,
        kioskStats: { configured: kioskSettings !== null, connection: summary(kioskSettings) },
      }
    },

    // Only from the open counselor area: a kiosk visitor must not be able to probe the network.
    centerTestSettings: async (settings) =>
      deps.counselorStore() ? check(settings, ['counselor', 'supervisor']) : centerRefusal('counselor-locked'),

    async centerSaveSettings(settings) {
      const store = deps.counselorStore()
      if (!store) return centerRefusal('counselor-locked')
      const checked = await check(settings, ['counselor', 'supervisor'])
      if (!checked.ok) return checked
      await store.setCenterLink(settings)
      state.identity = checked.identity
      state.anonymousStats = checked.anonymousStats
      noteOutcome(null)
      if (checked.identity.kind === 'counselor') {
        scheduler.start()
        scheduler.changed()
      }
      return checked
    },

    async centerForgetSettings() {
      scheduler.stop()
      await deps.counselorStore()?.setCenterLink(null)
      Object.assign(state, { online: null, problem: null, identity: null, conflicts: 0, lastSyncAt: null })
    },

    async centerSyncNow(): Promise<CenterSyncResult> {
      const outcome = await scheduler.runNow()
      // `offline` is the scheduler's business (when to try again), not the screen's.
      return outcome.ok
        ? {
            ok: true,
            sent: outcome.sent,
            conflicts: outcome.conflicts,
            refreshed: outcome.refreshed,
            waiting: outcome.waiting,
          }
        : { ok: false, reason: outcome.reason, message: outcome.message, sent: outcome.sent, waiting: outcome.waiting }
    },

    async centerListClients({ query }) {
      return withLinked(['counselor'], async (session, store) => {
        const here = new Set((await store.centerVersions()).filter((v) => v.kind === 'client').map((v) => v.recordId))
        const clients = await session.listClients(query)
        return {
          ok: true as const,
          clients: clients.map((client) => ({ ...client, onThisComputer: here.has(client.id) })),
        }
      })
    },

    async centerCopyClient({ clientId }) {
      return withLinked(['counselor'], async (session, store) => {
        const copy = await session.getClient(clientId)
        const accepted = await store.acceptCenterCopies({
          client: copy.client,
          sessions: copy.sessions.map((session) => session.record),
          versions: [
            { kind: 'client', recordId: copy.client.id, clientId: copy.client.id, version: copy.version },
            ...copy.sessions.map((entry) => ({
              kind: 'session' as const,
              recordId: entry.record.id,
              clientId: copy.client.id,
              version: entry.version,
            })),
          ],
        })
        if (!accepted) return centerRefusal('waiting-changes')
        return { ok: true as const, client: copy.client, sessions: copy.sessions.length }
      })
    },

    async centerListConflicts() {
      return withLinked(['counselor'], async (session) => {
        const conflicts = await session.listConflicts()
        state.conflicts = conflicts.length
        return { ok: true as const, conflicts }
      })
    },

    async centerResolveConflict({ conflictId, keep, centerVersion }) {
      return withLinked(['counselor'], async (session, store) => {
        const resolved = await session.resolveConflict(conflictId, keep, centerVersion)
        // Bring this computer's copy of that client up to date, unless changes still wait here.
        const here = (await store.centerVersions()).some((v) => v.clientId === resolved.clientId)
        if (here) {
          const copy = await session.getClient(resolved.clientId)
          await store.acceptCenterCopies({
            client: copy.client,
            sessions: copy.sessions.map((entry) => entry.record),
            versions: [
              { kind: 'client', recordId: copy.client.id, clientId: copy.client.id, version: copy.version },
              ...copy.sessions.map((entry) => ({
                kind: 'session' as const,
                recordId: entry.record.id,
                clientId: copy.client.id,
                version: entry.version,
              })),
            ],
          })
        }
        state.conflicts = await session.openConflictCount()
        return { ok: true as const, version: resolved.version }
      })
    },

    centerQuestionReport: questionReport,

    async centerExportQuestionReport(range) {
      const built = await questionReport(range)
      if (!built.ok) return built
      return {
        ok: true as const,
        file: {
          fileName: `question-statistics-${range.from}-to-${range.to}.csv`,
          mimeType: 'text/csv' as const,
          text: questionReportCsv(built.report),
        },
      }
    },

    async centerSetAnonymousStats({ enabled }) {
      return withLinked(['supervisor'], async (session) => {
        state.anonymousStats = await session.setAnonymousStats(enabled)
        return { ok: true as const, enabled: state.anonymousStats }
      })
    },

    async centerSaveKioskStatsSettings(settings) {
      if (!deps.counselorStore()) return centerRefusal('counselor-locked')
      if (settings === null) {
        await deps.kioskStats.save(null)
        state.kioskStatsChecked = false
        return { ok: true as const }
      }
      const checked = await check(settings, ['kiosk'])
      if (!checked.ok) return checked
      if (!(await deps.kioskStats.save(settings))) return centerRefusal('no-secure-storage')
      state.anonymousStats = checked.anonymousStats
      state.kioskStatsChecked = true
      return checked
    },

    async recordAnonymousResult(input: AnonymousResultInput) {
      const settings = await deps.kioskStats.load()
      if (!settings) return { recorded: false }
      try {
        // A kiosk keeps nothing about a visitor, so a row the center cannot take now is not kept for later.
        const recorded = await withSession(settings, ['kiosk'], async (session) => {
          state.anonymousStats = await session.anonymousStatsEnabled()
          if (!state.anonymousStats) return false
          await session.insertAnonymousResult(input)
          return true
        })
        return { recorded }
      } catch (error) {
        log(error)
        return { recorded: false }
      }
    },
  }
}
