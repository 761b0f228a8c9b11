/** When center mode syncs: soon after a save, with a growing wait while offline, never two at once. */
import { describe, expect, it } from 'vitest'
import { createSyncScheduler, type SchedulerOutcome, type SyncSchedule } from '../../../src/center/sync-scheduler'

const SCHEDULE: SyncSchedule = { afterChangeMs: 2_000, idleMs: 300_000, retryMs: 15_000, maxRetryMs: 60_000 }

/** Timers the test fires by hand: it sees each wait the scheduler asks for. */
function manualTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>()
  let next = 0
  return {
    timers: {
      set: (run: () => void, ms: number) => {
        pending.set(++next, { run, ms })
        return next
      },
      clear: (handle: unknown) => void pending.delete(handle as number),
    },
    waits: () => [...pending.values()].map((timer) => timer.ms),
    fire() {
      const [handle, timer] = [...pending.entries()][0]!
      pending.delete(handle)
      timer.run()
    },
  }
}

function outcomes(...list: SchedulerOutcome[]) {
  let calls = 0
  return {
    sync: async () => list[Math.min(calls++, list.length - 1)]!,
    calls: () => calls,
  }
}

describe('createSyncScheduler', () => {
  it('waits a little after a save, then a long while once all is sent', async () => {
    const clock = manualTimers()
    const results = outcomes({ ok: true, offline: false })
    const scheduler = createSyncScheduler(results.sync, clock.timers, SCHEDULE)
    scheduler.start()
    expect(clock.waits()).toEqual([2_000])
    clock.fire()
    await expect.poll(() => clock.waits()).toEqual([300_000])
    scheduler.changed()
    expect(clock.waits()).toEqual([2_000])
    expect(results.calls()).toBe(1)
  })

  it('waits longer after each failed attempt while offline, up to a limit, and starts over after a save', async () => {
    const clock = manualTimers()
    const scheduler = createSyncScheduler(outcomes({ ok: false, offline: true }).sync, clock.timers, SCHEDULE)
    scheduler.start()
    const seen: number[] = []
    for (let attempt = 0; attempt < 4; attempt++) {
      clock.fire()
      await expect.poll(() => clock.waits().length).toBe(1)
      seen.push(clock.waits()[0]!)
    }
    expect(seen).toEqual([15_000, 30_000, 60_000, 60_000])
    scheduler.changed()
    expect(clock.waits()).toEqual([2_000])
  })

  it('never runs twice at once: a request during a run waits, then runs again', async () => {
    let release: () => void = () => undefined
    let running = 0
    let most = 0
    let calls = 0
    const scheduler = createSyncScheduler(
      async () => {
        calls++
        most = Math.max(most, ++running)
        await new Promise<void>((resolve) => (release = resolve))
        running--
        return { ok: true, offline: false }
      },
      manualTimers().timers,
      SCHEDULE,
    )
    const first = scheduler.runNow()
    const second = scheduler.runNow()
    await expect.poll(() => calls).toBe(1)
    release()
    await first
    await expect.poll(() => calls).toBe(2)
    release()
    await second
    expect(most).toBe(1)
  })

  it('plans nothing once stopped', async () => {
    const clock = manualTimers()
    const scheduler = createSyncScheduler(outcomes({ ok: true, offline: false }).sync, clock.timers, SCHEDULE)
    scheduler.start()
    scheduler.stop()
    expect(clock.waits()).toEqual([])
    await scheduler.runNow()
    scheduler.changed()
    expect(clock.waits()).toEqual([])
  })
})
