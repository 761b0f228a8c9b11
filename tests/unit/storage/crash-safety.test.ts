/**
 * A crash never loses a confirmed save and never leaves a file that needs recovery.
 * This is the deterministic slice that `npm test` runs; tests/slow/storage holds the
 * full strength: every step of more saves, and a real writer killed at many seeded
 * random moments.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempFolder, removeFolder } from './helpers'
import { atStep, fileLabel, fileSystemWithoutFlushes, neverCrash, type WriteStep } from './fixtures/crash-points'
import { expectEveryConfirmedSaveKept, nothingConfirmed, runWriterRound, saveUntilCrash } from './fixtures/crash-rounds'

let folder: string
beforeEach(async () => {
  folder = await makeTempFolder()
})
afterEach(async () => {
  await removeFolder(folder)
})

/**
 * The steps to crash at: every step of the first save, and every step from the save
 * whose snapshot rewrite comes first through the save after it (the appends between
 * repeat the first one).
 */
function crashSteps(steps: readonly WriteStep[]): number[] {
  const isSnapshotRename = (step: WriteStep) => step.kind === 'rename' && step.file === 'counselor-data.db'
  const isJournalReset = (step: WriteStep) => step.kind === 'rename' && step.file === 'counselor-data.db.journal'
  const isAppendOpen = (step: WriteStep) => step.kind === 'open' && step.file === 'counselor-data.db.journal'
  const rewrite = steps.findIndex(isSnapshotRename)
  const reset = steps.findIndex(isJournalReset)
  expect(rewrite, 'the saves rewrote the snapshot').toBeGreaterThan(0)
  expect(reset, 'and restarted the journal').toBeGreaterThan(rewrite)
  const appends = steps.map((step, index) => (isAppendOpen(step) ? index : -1)).filter((index) => index >= 0)
  const firstSaveEnd = appends[1] ?? steps.length
  const rewriteSaveStart = Math.max(...appends.filter((index) => index < rewrite))
  const nextSaveStart = appends.find((index) => index > reset) ?? steps.length
  const chosen = new Set<number>()
  for (let index = 0; index < firstSaveEnd; index++) chosen.add(index + 1)
  for (let index = rewriteSaveStart; index < Math.min(nextSaveStart + 3, steps.length); index++) chosen.add(index + 1)
  return [...chosen].sort((a, b) => a - b)
}

describe('a crash at every write step, from the first save through the first snapshot rewrite (in this process)', () => {
  // 1 byte: every save appends to the journal, then rewrites the snapshot and the journal.
  // 3 KB: a few saves append, then the snapshot is rewritten behind them.
  it.each([
    ['every save rewrites the snapshot', 1],
    ['saves append to the journal', 3 * 1024],
  ])(
    '%s: every confirmed save is kept and the file opens (with a report only after a torn journal append)',
    async (_label, journalLimitBytes) => {
      const full = await saveUntilCrash(folder, neverCrash, journalLimitBytes, 8)
      expect(full.confirmed.sessions.size, 'the run without a crash confirmed every session').toBe(7)
      const covered = new Set<string>()
      for (const crashAt of crashSteps(full.steps)) {
        await removeFolder(folder)
        folder = await makeTempFolder()
        const { crash, confirmed } = await saveUntilCrash(folder, atStep(crashAt), journalLimitBytes, 8)
        expect(crash?.index, `a crash at step ${crashAt}`).toBe(crashAt)
        covered.add(`${crash!.kind} ${fileLabel(crash!.file)}`)
        const label = `crash at step ${crashAt} (${crash!.kind} ${crash!.file})`
        await expectEveryConfirmedSaveKept(folder, confirmed, label, fileSystemWithoutFlushes())
      }
      // The crashes cut every kind of write a save makes.
      expect([...covered].sort()).toEqual(
        expect.arrayContaining([
          'open counselor-data.db.journal',
          'write counselor-data.db.journal',
          'open temp',
          'write temp',
          'rename counselor-data.db',
          'rename counselor-data.db.journal',
        ]),
      )
    },
    // 14 and 17 runs of a fresh store, tens of milliseconds apiece; up to 13 s was measured
    // on a 2-core machine kept busy by four busy processes and other work.
    180_000,
  )
})

describe('a real writing process SIGKILLed at a chosen write step', () => {
  it(
    'keeps every confirmed save when killed while renaming a new snapshot into place',
    async () => {
      const confirmed = nothingConfirmed()
      // With a 1-byte journal limit every save appends, then rewrites the snapshot behind it.
      const round = await runWriterRound(folder, 0, confirmed, {
        journalLimitBytes: 1,
        crashPoint: 'rename counselor-data.db 2',
      })
      expect(round.crashLine).toMatch(/^crash \d+ rename counselor-data\.db$/)
      expect(confirmed.sessions.size, 'sessions confirmed before the kill').toBeGreaterThan(0)
      await expectEveryConfirmedSaveKept(folder, confirmed, round.crashLine!)
    },
    // A Node process (tsx, sql.js) takes a second or two to start; 31 s was measured on a
    // 2-core machine kept busy by four busy processes and other work.
    180_000,
  )
})
