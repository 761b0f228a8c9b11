/**
 * Crash safety at full strength (npm run test:slow). tests/unit/storage/crash-safety
 * is the deterministic slice `npm test` runs. Here: a crash at every write step of
 * eight saves, for three journal limits; then a real writer process SIGKILLed again
 * and again in one folder, at seeded random moments and seeded random write steps.
 * Replay a failure with the seed its message names: TEST_SEED=<seed> npm run test:slow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testSeed, seededRandom, randomInt, withSeed } from '../../fixtures/seed'
import { atStep, fileSystemWithoutFlushes, neverCrash } from '../../unit/storage/fixtures/crash-points'
import {
  expectEveryConfirmedSaveKept,
  nothingConfirmed,
  runWriterRound,
  saveUntilCrash,
} from '../../unit/storage/fixtures/crash-rounds'
import { makeTempFolder, removeFolder } from '../../unit/storage/helpers'

const SEED = testSeed(20_261_125)
const SAVES = 8
const ROUNDS = 30

describe('a crash at every write step of eight saves (in this process)', () => {
  it.each([1, 2 * 1024, 3 * 1024])(
    'journal limit %i bytes: every confirmed save is kept and the file opens (with a report only after a torn journal append)',
    async (journalLimitBytes) => {
      let folder = await makeTempFolder()
      const full = await saveUntilCrash(folder, neverCrash, journalLimitBytes, SAVES)
      await removeFolder(folder)
      expect(full.steps.length).toBeGreaterThan(SAVES * 3)
      for (let crashAt = 1; crashAt <= full.steps.length; crashAt++) {
        folder = await makeTempFolder()
        try {
          const { crash, confirmed } = await saveUntilCrash(folder, atStep(crashAt), journalLimitBytes, SAVES)
          const label = `crash at step ${crashAt} (${crash?.kind} ${crash?.file})`
          await expectEveryConfirmedSaveKept(folder, confirmed, label, fileSystemWithoutFlushes())
        } finally {
          await removeFolder(folder)
        }
      }
    },
    // Up to a hundred runs of a fresh store, tens of milliseconds each; far slower on a busy machine.
    600_000,
  )
})

describe('a real writing process SIGKILLed at seeded random points', () => {
  let folder: string
  beforeAll(async () => {
    folder = await makeTempFolder()
  })
  afterAll(async () => {
    await removeFolder(folder)
  })

  it(
    `keeps every confirmed save over ${ROUNDS} kills in one folder`,
    () =>
      withSeed(SEED, async () => {
        const random = seededRandom(SEED)
        const confirmed = nothingConfirmed()
        for (let round = 0; round < ROUNDS; round++) {
          // Odd rounds rewrite the snapshot after every save, even rounds after about ten.
          const journalLimitBytes = round % 2 === 1 ? 1 : 12 * 1024
          // Half the rounds are killed from outside, a random while after a random number of
          // confirmed saves (waited for, so every round kills after real work on any machine);
          // the other half kill themselves at a random write step.
          const how =
            randomInt(random, 0, 1) === 0
              ? { journalLimitBytes, killAfterLines: randomInt(random, 0, 12), thenWaitMs: randomInt(random, 0, 40) }
              : { journalLimitBytes, crashPoint: `step ${randomInt(random, 1, 60)}` }
          const outcome = await runWriterRound(folder, round, confirmed, how)
          const label = `round ${round} (${JSON.stringify(how)}${outcome.crashLine ? `, ${outcome.crashLine}` : ''})`
          await expectEveryConfirmedSaveKept(folder, confirmed, label)
        }
        expect(confirmed.sessions.size, 'sessions confirmed over all rounds').toBeGreaterThan(0)
      }),
    // Thirty Node processes (tsx, sql.js) of a second or two each; a busy machine is several times slower.
    1_200_000,
  )
})
