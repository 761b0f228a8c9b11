/**
 * One writer at a time for one store of counselor data. Two writers would each keep
 * their own journal position and generation, so the other's saves would fail to
 * authenticate on the next open. The lock is taken before any passcode is tried and
 * held for as long as the store is open; a second window is refused, never queued,
 * and may open once the first locks or closes.
 *
 * Platform-free: the browser passes its Web Locks manager (navigator.locks), the
 * desktop main process a lock within its own process (Electron's single-instance
 * lock keeps a second process away). Tests pass either, or a fake manager.
 */

/** Lets the lock go; safe to call more than once. */
export type ReleaseLock = () => Promise<void>

export interface WriterLock {
  /** Takes the lock if no one holds it: resolves to the way to let it go, or to null when another holder has it. */
  tryAcquire(): Promise<ReleaseLock | null>
}

/** Locks within one process, by name (e.g. the database file's path). */
const heldInProcess = new Set<string>()

export function createProcessWriterLock(name: string): WriterLock {
  return {
    async tryAcquire() {
      if (heldInProcess.has(name)) return null
      heldInProcess.add(name)
      let released = false
      return async () => {
        if (released) return
        released = true
        heldInProcess.delete(name)
      }
    },
  }
}

/** The part of the Web Locks API used here (navigator.locks), described structurally. */
export interface LockManagerLike {
  request(
    name: string,
    options: { mode: 'exclusive'; ifAvailable: true },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>
}

/**
 * A Web Lock held for the store's lifetime: `ifAvailable` makes the request answer at
 * once (with no lock) when another tab or window holds it. The browser lets the lock go
 * by itself when the tab closes or crashes, so a closed window never blocks the next.
 */
export function createWebWriterLock(locks: LockManagerLike, name: string): WriterLock {
  return {
    tryAcquire() {
      return new Promise<ReleaseLock | null>((resolve, reject) => {
        let letGo: () => void = () => undefined
        const held = new Promise<void>((done) => (letGo = done))
        const request = locks.request(name, { mode: 'exclusive', ifAvailable: true }, (lock) => {
          if (lock === null || lock === undefined) {
            resolve(null)
            return undefined
          }
          resolve(async () => {
            letGo()
            await request.catch(() => undefined)
          })
          // The lock is held until this promise settles.
          return held
        })
        request.catch(reject)
      })
    },
  }
}
