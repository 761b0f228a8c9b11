/**
 * Issue 12, finding 7: the lockout cannot be raced. Passcode tries run one at a time and
 * the counter update is atomic: 40 tries sent at once count 40, and only the free tries
 * are ever checked before the wait starts.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createCounselorService } from '../../../src/counselor/service'
import { openCounselorStore } from '../../../src/storage'
import { FREE_ATTEMPTS } from '../../../src/storage/passcode-throttle'
import {
  DB_NAME,
  PASSCODE,
  TEST_KDF_ITERATIONS,
  fileAdapter,
  loadSqlJs,
  makeTempFolder,
  removeFolder,
} from '../storage/helpers'

let folder: string
beforeEach(async () => {
  folder = await makeTempFolder()
  const { store } = await openCounselorStore({
    adapter: fileAdapter(folder),
    loadSqlJs,
    passcode: PASSCODE,
    kdfIterations: TEST_KDF_ITERATIONS,
  })
  await store.close()
})
afterEach(async () => {
  await removeFolder(folder)
})

const failedAttempts = async () =>
  JSON.parse(await fs.readFile(path.join(folder, `${DB_NAME}.meta.json`), 'utf8')).failedAttempts as number

it('checks only the free tries of 40 sent at once, refuses the rest, and counts every one it checked', async () => {
  const clock = () => Date.parse('2026-06-15T08:30:00.000Z')
  const service = createCounselorService({ adapter: fileAdapter(folder), loadSqlJs, now: clock })
  const results = await Promise.all(
    Array.from({ length: 40 }, (_, index) => service.counselorOpen({ passcode: `guess number ${index}` })),
  )
  const reasons = results.map((result) => (result.ok ? 'opened' : result.reason))
  expect(reasons.filter((reason) => reason === 'wrong-passcode')).toHaveLength(FREE_ATTEMPTS)
  expect(reasons.filter((reason) => reason === 'locked')).toHaveLength(40 - FREE_ATTEMPTS)
  expect(await failedAttempts()).toBe(FREE_ATTEMPTS)
  expect(await service.counselorOpen({ passcode: PASSCODE }), 'even the right passcode waits').toMatchObject({
    ok: false,
    reason: 'locked',
  })
})

it('counts 40 tries sent at once as 40 when no wait stops them', async () => {
  // Each reading of the clock is an hour later, so every wait is over by the next try.
  let hours = 0
  const clock = () => Date.parse('2026-06-15T08:30:00.000Z') + hours++ * 3_600_000
  const stores = Array.from({ length: 40 }, () =>
    openCounselorStore({ adapter: fileAdapter(folder), loadSqlJs, passcode: 'a wrong guess', now: clock }).then(
      () => 'opened',
      (error: { code: string }) => error.code,
    ),
  )
  expect(await Promise.all(stores)).toEqual(Array.from({ length: 40 }, () => 'wrong-passcode'))
  expect(await failedAttempts()).toBe(40)
})
