/**
 * Questions and actions that need no passcode: is there counselor data here, must the
 * counselor wait before the next try, and the reset for a forgotten passcode.
 */
import { z } from '../shared/zod'
import { guarded, writeFailed } from './errors'
import { readAttemptRecord, waitBeforeNextAttemptMs } from './passcode-throttle'
import { type PersistenceAdapter, isPersistenceAdapter } from './persistence-adapter'
import { readStoredState } from './stored-state'
import { parseOrThrow } from './validation'

const adapterOptionsSchema = z
  .object({
    adapter: z.custom<PersistenceAdapter>(isPersistenceAdapter, 'must be a storage adapter'),
    now: z.custom<() => number>((value) => typeof value === 'function', 'must be a clock function').optional(),
  })
  .strict()
type AdapterOptions = z.input<typeof adapterOptionsSchema>

export interface CounselorStorageStatus {
  /**
   * Whether counselor data exists, i.e. whether to ask for the passcode or to choose a new
   * one. Damaged data, or only kept copies of it, exists too: it is never first use.
   */
  exists: boolean
  /** The data is damaged in a way seen without the passcode (missing or unreadable main file). */
  damaged: boolean
  /** How long until a passcode may be tried again (0 = now). */
  waitBeforeNextAttemptMs: number
}

export function getCounselorStorageStatus(options: AdapterOptions): Promise<CounselorStorageStatus> {
  return guarded(async () => {
    const { adapter, now = Date.now } = parseOrThrow(adapterOptionsSchema, options, {
      action: 'Could not check counselor data',
      what: 'options',
    })
    const state = await readStoredState(adapter)
    return {
      exists: state.kind !== 'empty',
      damaged: state.kind === 'damaged',
      waitBeforeNextAttemptMs: waitBeforeNextAttemptMs(await readAttemptRecord(adapter), now()),
    }
  })
}

/**
 * Erases every client, session and note, the wrong-passcode counter and any kept
 * copies of damaged data. There is no undo; the next open creates a new store.
 * Close any open store on this adapter first, and hold its writer lock.
 */
export function eraseAllCounselorData(options: Pick<AdapterOptions, 'adapter'>): Promise<void> {
  return guarded(async () => {
    const { adapter } = parseOrThrow(adapterOptionsSchema.pick({ adapter: true }), options, {
      action: 'Could not erase counselor data',
      what: 'options',
    })
    try {
      await adapter.eraseAll()
    } catch (error) {
      throw writeFailed(error, 'Counselor data could not be fully erased', 'Some of it may still be there: try again.')
    }
  })
}
