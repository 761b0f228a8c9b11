/**
 * Fault injection, part 1 of 3: a real counselor-storage process SIGKILLed at seeded
 * random disk steps during saves, deletes, passcode changes, the repair of a damaged
 * journal and a fresh start after damage (issue 12). Each round starts from a fresh
 * folder, so each kill point is checked on its own, and the same seed always picks the
 * same points (TEST_SEED=<n> npm run test:slow replays a failure).
 *
 * The outcome each kind of round must have, checked after every kill:
 *
 * | scenario (what was running when the process died)           | expected outcome                                           |
 * | ------------------------------------------------------------ | ---------------------------------------------------------- |
 * | saves appended to the journal (limit 4 KB)                   | data kept: opens normally with every confirmed save        |
 * | saves that rewrite the snapshot every time (limit 1 byte)    | data kept                                                  |
 * | saves, half of a write landed first (a power cut)            | data kept, or reported as possibly missing when a journal  |
 * |                                                              | frame was cut; no confirmed save missing either way        |
 * | deleting clients                                             | data kept; a confirmed delete is gone from every file      |
 * | changing the passcode                                        | data kept; exactly one passcode opens: the confirmed one,  |
 * |                                                              | or the new one if the change was under way                 |
 * | repairing a journal whose last frame is damaged              | reported as possibly missing (by the killed open or the    |
 * |                                                              | next); readable and confirmed records kept; journal copied |
 * | starting afresh after damage no key check survives           | refused as damaged (not done yet) or kept (done); the      |
 * |                                                              | damaged snapshot is always still there                     |
 *
 * Never, in any round: a confirmed save lost without the counselor being told, a store
 * created over existing data, or damaged data replaced without a kept copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomInt, seededRandom, testSeed, withSeed } from '../../fixtures/seed'
import {
  type Outcome,
  type Scenario,
  type TemplateFacts,
  bundleWorker,
  checkRound,
  copyFolder,
  countSteps,
  freshFolder,
  prepareTemplate,
  readEvents,
  runWorker,
} from './fixtures/fault-rounds'
import { KDF_ITERATIONS } from './fixtures/shared'
import { removeFolder } from '../../unit/storage/helpers'

const SEED = testSeed(20_261_130)
const PASSCODE = 'fault injection passcode'

interface Plan {
  name: string
  scenario: Scenario
  journalLimitBytes: number
  torn: boolean
  killPoints: number
}

const PLANS: Plan[] = [
  { name: 'saves appended to the journal', scenario: 'saves', journalLimitBytes: 4096, torn: false, killPoints: 40 },
  { name: 'saves rewriting the snapshot', scenario: 'saves', journalLimitBytes: 1, torn: false, killPoints: 30 },
  { name: 'saves with a torn write', scenario: 'saves', journalLimitBytes: 4096, torn: true, killPoints: 30 },
  { name: 'deleting clients', scenario: 'deletes', journalLimitBytes: 4096, torn: false, killPoints: 40 },
  { name: 'changing the passcode', scenario: 'passcode', journalLimitBytes: 4096, torn: false, killPoints: 30 },
  { name: 'repairing a damaged journal', scenario: 'recovery', journalLimitBytes: 4096, torn: false, killPoints: 30 },
  { name: 'starting afresh after damage', scenario: 'afresh', journalLimitBytes: 4096, torn: false, killPoints: 20 },
]

let worker: Awaited<ReturnType<typeof bundleWorker>>
const tally: { plan: string; steps: number; rounds: number; outcomes: Record<Outcome, number> }[] = []

beforeAll(async () => {
  worker = await bundleWorker()
}, 120_000) // one Vite build of the worker
afterAll(async () => {
  await worker?.remove()
  // The figures the README's fault table quotes.
  console.log(
    [
      `Fault injection, seed ${SEED}:`,
      ...tally.map(
        (row) => `  ${row.plan}: ${row.rounds} kill points of ${row.steps} steps, ${JSON.stringify(row.outcomes)}`,
      ),
    ].join('\n'),
  )
})

/** `count` distinct whole numbers from 1 to `max`, by the seeded generator (all of them when there are fewer). */
function killPoints(random: () => number, max: number, count: number): number[] {
  if (count >= max) return Array.from({ length: max }, (_, index) => index + 1)
  const chosen = new Set<number>()
  while (chosen.size < count) chosen.add(randomInt(random, 1, max))
  return [...chosen].sort((a, b) => a - b)
}

describe('a counselor-storage process SIGKILLed at seeded random disk steps', () => {
  it('has at least 200 kill points in all', () => {
    expect(PLANS.reduce((sum, plan) => sum + plan.killPoints, 0)).toBeGreaterThanOrEqual(200)
  })

  for (const [index, plan] of PLANS.entries()) {
    it(
      `${plan.name}: ${plan.killPoints} kill points, each with its written-down outcome`,
      () =>
        withSeed(SEED, async () => {
          const random = seededRandom(SEED + index)
          const base = {
            scenario: plan.scenario,
            seed: SEED,
            journalLimitBytes: plan.journalLimitBytes,
            passcode: PASSCODE,
            kdfIterations: KDF_ITERATIONS,
          }
          // Recovery and afresh start from a prepared store, copied into every round's folder.
          let template: string | null = null
          let facts: TemplateFacts | null = null
          if (plan.scenario === 'recovery' || plan.scenario === 'afresh') {
            template = await freshFolder()
            facts = await prepareTemplate(template, plan.scenario, PASSCODE)
          }
          const folderForRound = async () => {
            const folder = await freshFolder()
            if (template) await copyFolder(template, folder)
            return folder
          }
          const calibration = await folderForRound()
          const steps = await countSteps(worker.file, { ...base, folder: calibration })
          await removeFolder(calibration)
          const points = killPoints(random, steps, plan.killPoints)
          expect(points.length, `${plan.name} has enough disk steps to kill at`).toBe(plan.killPoints)

          const outcomes: Record<Outcome, number> = { kept: 0, reported: 0, refused: 0 }
          for (const killAt of points) {
            const folder = await folderForRound()
            try {
              const run = await runWorker(worker.file, { ...base, folder, killAt, torn: plan.torn })
              expect(run.killed, `${plan.name}: killed at step ${killAt} of ${steps}`).toBe(true)
              const events = readEvents(run.lines, PASSCODE)
              const label = `${plan.name}${plan.torn ? ' (torn)' : ''}, killed at step ${killAt} of ${steps} after "${run.lines.at(-1) ?? 'nothing'}"`
              outcomes[await checkRound(folder, plan.scenario, events, facts, label)]++
            } finally {
              await removeFolder(folder)
            }
          }
          if (template) await removeFolder(template)
          tally.push({ plan: plan.name, steps, rounds: points.length, outcomes })
        }),
      // Tens of short Node processes (a bundled worker, sql.js) and a check after each; a busy machine is several times slower.
      1_800_000,
    )
  }
})
