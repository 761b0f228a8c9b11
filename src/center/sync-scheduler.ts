/**
 * When to sync, platform-free (timers are passed in): soon after a save, again and again
 * with a growing wait while the center cannot be reached, and now and then otherwise to
 * bring copies up to date. Never two runs at once: a request during a run waits for it,
 * then runs again so it includes the newest saves.
 */
export interface SchedulerOutcome {
  ok: boolean
  /** The center could not be reached (or the connection dropped): try again later. */
  offline: boolean
}

export interface SyncTimers {
  set(run: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export interface SyncSchedule {
  /** After a save: the wait before sending it. */
  afterChangeMs: number
  /** When everything is sent: the wait before looking for newer copies at the center. */
  idleMs: number
  /** First wait after a failed attempt; it doubles up to maxRetryMs. */
  retryMs: number
  maxRetryMs: number
}

export const DEFAULT_SYNC_SCHEDULE: SyncSchedule = {
  afterChangeMs: 2_000,
  idleMs: 5 * 60_000,
  retryMs: 15_000,
  maxRetryMs: 10 * 60_000,
}

export interface SyncScheduler<T extends SchedulerOutcome> {
  /** Starts the timer; the first run happens after afterChangeMs. */
  start(): void
  stop(): void
  /** A save happened: sync soon. */
  changed(): void
  /** Runs now (after a run in progress, if any) and reschedules. */
  runNow(): Promise<T>
}

export function createSyncScheduler<T extends SchedulerOutcome>(
  sync: () => Promise<T>,
  timers: SyncTimers,
  schedule: SyncSchedule = DEFAULT_SYNC_SCHEDULE,
): SyncScheduler<T> {
  let timer: unknown = null
  let dueAt = Infinity
  let running: Promise<T> | null = null
  let started = false
  let retryMs = schedule.retryMs

  function plan(ms: number): void {
    if (!started) return
    const at = Date.now() + ms
    if (timer !== null && at >= dueAt) return
    if (timer !== null) timers.clear(timer)
    dueAt = at
    timer = timers.set(() => {
      timer = null
      dueAt = Infinity
      void runNow().catch(() => undefined)
    }, ms)
  }

  async function runOnce(): Promise<T> {
    try {
      const outcome = await sync()
      if (outcome.ok) {
        retryMs = schedule.retryMs
        plan(schedule.idleMs)
      } else {
        plan(outcome.offline ? retryMs : schedule.idleMs)
        if (outcome.offline) retryMs = Math.min(retryMs * 2, schedule.maxRetryMs)
      }
      return outcome
    } catch (error) {
      plan(retryMs)
      retryMs = Math.min(retryMs * 2, schedule.maxRetryMs)
      throw error
    }
  }

  async function runNow(): Promise<T> {
    while (running) await running.catch(() => undefined)
    const run = runOnce()
    running = run
    try {
      return await run
    } finally {
      if (running === run) running = null
    }
  }

  return {
    start() {
      started = true
      plan(schedule.afterChangeMs)
    },
    stop() {
      started = false
      if (timer !== null) timers.clear(timer)
      timer = null
      dueAt = Infinity
    },
    changed() {
      retryMs = schedule.retryMs
      plan(schedule.afterChangeMs)
    },
    runNow,
  }
}
