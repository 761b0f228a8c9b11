/**
 * The deterministic slice of the fault-injection suite (tests/slow/storage) that `npm test`
 * runs: the damage the issue names, two real processes SIGKILLed at fixed disk steps (in
 * a save and in the repair of a damaged journal), each checked against the outcome the
 * suite writes down for it. `npm run test:slow` runs all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAMAGE_CASES } from '../../slow/storage/fixtures/damage-cases'
import { type Prepared, prepareStore, runDamageCase } from '../../slow/storage/fixtures/damage-store'
import {
  type TemplateFacts,
  bundleWorker,
  checkRound,
  copyFolder,
  countSteps,
  freshFolder,
  prepareTemplate,
  readEvents,
  runWorker,
} from '../../slow/storage/fixtures/fault-rounds'
import { KDF_ITERATIONS } from '../../slow/storage/fixtures/shared'
import { removeFolder } from './helpers'

const NAMED_IN_THE_ISSUE = [
  'bit flipped in the header generation',
  'snapshot missing',
  'snapshot header wiped and metadata missing',
  'bit flipped in the tag of frame 4',
  'journal cut inside frame 2 of 4',
  'every byte of the journal generation flipped',
  'metadata missing',
]

describe('damage named in the issue', () => {
  let prepared: Prepared
  beforeAll(async () => {
    prepared = await prepareStore()
  }, 60_000)

  it.each(NAMED_IN_THE_ISSUE)(
    '%s: the written-down outcome',
    async (name) => {
      const damageCase = DAMAGE_CASES.find((one) => one.name === name)!
      expect(await runDamageCase('file', prepared, damageCase)).toBe(damageCase.expected.outcome)
    },
    // Three or four small stores opened; several seconds on a busy machine.
    30_000,
  )
})

describe('a real process SIGKILLed at a fixed disk step', () => {
  let worker: Awaited<ReturnType<typeof bundleWorker>>
  beforeAll(async () => {
    worker = await bundleWorker()
  }, 120_000) // one Vite build
  afterAll(async () => {
    await worker?.remove()
  })

  it.each([
    ['saves', 0.5],
    ['recovery', 0.25],
  ] as const)(
    '%s, killed at that fraction of its steps',
    async (scenario, fraction) => {
      const passcode = 'slice passcode'
      let template: string | null = null
      let facts: TemplateFacts | null = null
      if (scenario === 'recovery') {
        template = await freshFolder()
        facts = await prepareTemplate(template, scenario, passcode)
      }
      const folderForRound = async () => {
        const folder = await freshFolder()
        if (template) await copyFolder(template, folder)
        return folder
      }
      const base = { scenario, seed: 7, journalLimitBytes: 4096, passcode, kdfIterations: KDF_ITERATIONS }
      const calibration = await folderForRound()
      const steps = await countSteps(worker.file, { ...base, folder: calibration })
      await removeFolder(calibration)
      const killAt = Math.max(1, Math.round(steps * fraction))
      const folder = await folderForRound()
      try {
        const run = await runWorker(worker.file, { ...base, folder, killAt, torn: false })
        expect(run.killed).toBe(true)
        const outcome = await checkRound(
          folder,
          scenario,
          readEvents(run.lines, passcode),
          facts,
          `${scenario} killed at step ${killAt} of ${steps}`,
        )
        expect(outcome).toBe(scenario === 'saves' ? 'kept' : 'reported')
      } finally {
        await removeFolder(folder)
        if (template) await removeFolder(template)
      }
    },
    // Two short Node processes per case on a busy machine.
    120_000,
  )
})
