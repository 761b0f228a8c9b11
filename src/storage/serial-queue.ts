/**
 * Runs async tasks one at a time, in call order. Every change to the database and
 * its files goes through one queue, so a save never interleaves with a rewrite.
 */
export interface SerialQueue {
  run<T>(task: () => Promise<T> | T): Promise<T>
  /** Resolves once everything queued so far has finished (successfully or not). */
  idle(): Promise<void>
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run<T>(task: () => Promise<T> | T): Promise<T> {
      const result = tail.then(task)
      tail = result.catch(() => undefined)
      return result
    },
    idle(): Promise<void> {
      return tail.then(() => undefined)
    },
  }
}
