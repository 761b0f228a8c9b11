/**
 * Fault injection, part 2 of 3: every kind of damage to the snapshot, the journal and the
 * metadata record (fixtures/damage-cases.ts, where each case's outcome is written down),
 * plus seeded random bit flips in each, in a folder (desktop) and in IndexedDB (browser).
 * Every case is opened with a wrong passcode, then the right one: a wrong one never opens
 * anything, and the right one gets exactly the outcome written down.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { seededRandom, testSeed, withSeed } from '../../fixtures/seed'
import { DAMAGE_CASES, randomFlips } from './fixtures/damage-cases'
import { type Prepared, prepareStore, runDamageCase } from './fixtures/damage-store'

const SEED = testSeed(20_261_201)
const RANDOM_FLIPS_PER_PIECE = 15

let prepared: Prepared
beforeAll(async () => {
  prepared = await prepareStore()
}, 60_000)

describe.each(['file', 'indexeddb'] as const)('damage where the %s adapter keeps data', (kind) => {
  const cases = [...DAMAGE_CASES, ...randomFlips(seededRandom(SEED), RANDOM_FLIPS_PER_PIECE)]

  it(
    `${cases.length} cases, each with its written-down outcome`,
    () =>
      withSeed(SEED, async () => {
        const counts: Record<string, number> = {}
        for (const damageCase of cases) {
          const outcome = await runDamageCase(kind, prepared, damageCase)
          const key = `${damageCase.piece}: ${outcome}`
          counts[key] = (counts[key] ?? 0) + 1
        }
        console.log(`Damage (${kind}), seed ${SEED}: ${JSON.stringify(counts)}`)
        expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(cases.length)
      }),
    // About a hundred stores opened twice each; far slower on a busy machine.
    900_000,
  )
})
