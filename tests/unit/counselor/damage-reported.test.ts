/**
 * Issue 12, findings 2 and 4: damage is reported as damage. Opening never creates or
 * replaces a store when data exists; the passcode is checked wherever a key check still
 * reads; a kiosk cannot be left with a wrong passcode; starting afresh is a separate,
 * explicit step that keeps the damaged files; a crash in an older version's recovery is
 * never taken for first use.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCounselorService } from '../../../src/counselor/service'
import { openCounselorStore } from '../../../src/storage'
import type { PersistenceAdapter } from '../../../src/storage/persistence-adapter'
import { realHostHandlers } from '../electron/fixtures/host-handlers'
import {
  DB_NAME,
  PASSCODE,
  TEST_KDF_ITERATIONS,
  fileAdapter,
  loadSqlJs,
  makeTempFolder,
  rawFiles,
  removeFolder,
  sampleSession,
} from '../storage/helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

// Every test here drives the real encrypted store (sql.js, WebCrypto, flushed writes):
// STORE_TEST_TIMEOUT in tests/fixtures/waiting.ts says why Vitest's 5 s is not enough.

let folder: string
let dbFile: string
beforeEach(async () => {
  folder = await makeTempFolder()
  dbFile = path.join(folder, DB_NAME)
})
afterEach(async () => {
  await removeFolder(folder)
})

function service(adapter: PersistenceAdapter = fileAdapter(folder)) {
  return createCounselorService({ adapter, loadSqlJs, kdfIterations: TEST_KDF_ITERATIONS })
}

/** A store with one client and one session in its snapshot, and one more client in its journal. */
async function storeWithClients() {
  const counselor = service()
  expect(await counselor.counselorOpen({ passcode: PASSCODE })).toMatchObject({ ok: true, status: 'created' })
  const first = await counselor.createClient({ displayName: 'Snapshot Client' })
  await counselor.saveSession(sampleSession(first.id))
  await counselor.counselorLock()
  const again = service()
  await again.counselorOpen({ passcode: PASSCODE })
  // Opening after saves rewrites nothing; a delete rewrites the snapshot with everything so far.
  const temporary = await again.createClient({ displayName: 'Temporary' })
  await again.deleteClient({ clientId: temporary.id })
  const second = await again.createClient({ displayName: 'Journal Client' })
  await again.counselorLock()
  return { first, second }
}

/** Flips one bit inside the snapshot's header JSON (in the generation, past the key check). */
async function flipHeaderBit() {
  const bytes = await fs.readFile(dbFile)
  const at = bytes.indexOf('"generation"') + 20
  bytes[at]! ^= 0x01
  await fs.writeFile(dbFile, bytes)
}

async function expectNothingReplaced(before: Map<string, Buffer>) {
  const after = await rawFiles(folder)
  for (const name of [DB_NAME, `${DB_NAME}.journal`]) expect(after.get(name), name).toEqual(before.get(name))
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
}

describe('a damaged snapshot header and a typo', { timeout: STORE_TEST_TIMEOUT }, () => {
  it('is a wrong passcode, then damage with the right one; nothing is created and the real passcode is never refused', async () => {
    await storeWithClients()
    await flipHeaderBit()
    const before = await rawFiles(folder)
    const counselor = service()
    const typo = await counselor.counselorOpen({ passcode: 'correct horse batery' })
    expect(typo).toMatchObject({ ok: false, reason: 'wrong-passcode' })
    expect(await counselor.counselorStatus()).toMatchObject({ hasData: true, damaged: true, unlocked: false })
    await expect(counselor.listClients({ query: '' })).rejects.toMatchObject({ code: 'closed' })

    const right = await counselor.counselorOpen({ passcode: PASSCODE })
    expect(right).toEqual({
      ok: false,
      reason: 'damaged',
      message: expect.stringContaining('Nothing was changed or deleted'),
      waitSeconds: 0,
      damage: { where: folder, passcodeChecked: true },
    })
    await expectNothingReplaced(before)
  })

  it('never creates a store with a passcode that breaks the length rule', async () => {
    await storeWithClients()
    await flipHeaderBit()
    const before = await rawFiles(folder)
    expect(await service().counselorOpen({ passcode: 'x' })).toMatchObject({ ok: false, reason: 'wrong-passcode' })
    await expectNothingReplaced(before)
  })

  it('with the key check copy gone too, reports damage it cannot check, and still creates nothing', async () => {
    await storeWithClients()
    await flipHeaderBit()
    const bytes = await fs.readFile(dbFile)
    bytes.fill(0x20, 12, 300) // the whole header JSON, key check included
    await fs.writeFile(dbFile, bytes)
    await fs.rm(`${dbFile}.meta.json`)
    const before = await rawFiles(folder)
    const outcome = await service().counselorOpen({ passcode: 'anything at all' })
    expect(outcome).toMatchObject({ ok: false, reason: 'damaged', damage: { passcodeChecked: false } })
    expect(outcome.ok === false && outcome.message).toContain('could not be checked')
    await expectNothingReplaced(before)
  })
})

describe('a missing snapshot', { timeout: STORE_TEST_TIMEOUT }, () => {
  it('is damage, never first use: a typo is a wrong passcode and the right one hears of the damage', async () => {
    await storeWithClients()
    await fs.rm(dbFile)
    const counselor = service()
    expect(await counselor.counselorOpen({ passcode: 'not it at all' })).toMatchObject({ reason: 'wrong-passcode' })
    expect(await counselor.counselorStatus()).toMatchObject({ hasData: true, damaged: true })
    expect(await counselor.counselorOpen({ passcode: PASSCODE })).toMatchObject({
      ok: false,
      reason: 'damaged',
      damage: { passcodeChecked: true },
    })
    expect(await fs.readdir(folder)).not.toContain(DB_NAME)
  })

  it('with only the copies an older version moved aside (killed mid-recovery) is reported, not first use', async () => {
    await storeWithClients()
    // What the recovery of an older version left when killed between moving aside and writing anew.
    await fs.rename(dbFile, `${dbFile}.damaged-2026-06-15T08-30-00-000Z`)
    await fs.rename(`${dbFile}.journal`, `${dbFile}.journal.damaged-2026-06-15T08-30-00-000Z`)
    await fs.rm(`${dbFile}.meta.json`)
    const counselor = service()
    expect(await counselor.counselorStatus()).toMatchObject({ hasData: true, damaged: true })
    const outcome = await counselor.counselorOpen({ passcode: PASSCODE })
    expect(outcome).toMatchObject({ ok: false, reason: 'damaged' })
    expect(outcome.ok === false && outcome.damage?.where).toContain(`${DB_NAME}.damaged-2026-06-15T08-30-00-000Z`)
    expect(await fs.readdir(folder)).not.toContain(DB_NAME)
  })
})

describe('a crash during the journal repair', { timeout: STORE_TEST_TIMEOUT }, () => {
  it('leaves the good snapshot in place: the next open repairs again, and never starts empty', async () => {
    const { first } = await storeWithClients()
    const journalFile = `${dbFile}.journal`
    const journal = await fs.readFile(journalFile)
    journal[journal.length - 5]! ^= 0x01 // the last frame fails authentication
    await fs.writeFile(journalFile, journal)
    // The process dies at the repair's first snapshot write: every write from then on fails.
    let dead = false
    const dying: PersistenceAdapter = {
      ...fileAdapter(folder),
      write: async () => {
        dead = true
        throw new Error('killed')
      },
      writeJournal: async () => {
        if (dead) throw new Error('killed')
      },
    }
    const crashed = await openCounselorStore({ adapter: dying, loadSqlJs, passcode: PASSCODE }).catch(() => null)
    await crashed?.store.close().catch(() => undefined)
    expect(dead, 'the repair reached its snapshot write').toBe(true)
    expect(await fs.readdir(folder)).toContain(DB_NAME)

    const counselor = service()
    const reopened = await counselor.counselorOpen({ passcode: PASSCODE })
    expect(reopened).toMatchObject({ ok: true, status: 'recovered' })
    expect((await counselor.listClients({ query: '' })).map((client) => client.id)).toContain(first.id)
    await counselor.counselorLock()
  })
})

describe('starting afresh', { timeout: STORE_TEST_TIMEOUT }, () => {
  it('takes a new passcode twice with the length rule, the old one when it can be checked, and keeps the damaged files', async () => {
    await storeWithClients()
    await flipHeaderBit()
    const damagedSnapshot = await fs.readFile(dbFile)
    const damagedJournal = await fs.readFile(`${dbFile}.journal`)
    const counselor = service()

    expect(
      await counselor.counselorStartAfresh({ passcode: 'new passcode 1', confirmPasscode: 'new passcode 2' }),
    ).toMatchObject({ ok: false, reason: 'invalid-input', message: expect.stringContaining('typed twice') })
    expect(await counselor.counselorStartAfresh({ passcode: 'short', confirmPasscode: 'short' })).toMatchObject({
      ok: false,
      reason: 'invalid-input',
      message: expect.stringContaining('at least 8 characters'),
    })
    expect(
      await counselor.counselorStartAfresh({ passcode: 'new passcode 1', confirmPasscode: 'new passcode 1' }),
    ).toMatchObject({ ok: false, reason: 'invalid-input', message: expect.stringContaining('currentPasscode') })
    expect(
      await counselor.counselorStartAfresh({
        passcode: 'new passcode 1',
        confirmPasscode: 'new passcode 1',
        currentPasscode: 'a wrong guess',
      }),
    ).toMatchObject({ ok: false, reason: 'wrong-passcode' })
    expect((await fs.readFile(dbFile)).equals(damagedSnapshot), 'refusals change nothing').toBe(true)

    const fresh = await counselor.counselorStartAfresh({
      passcode: 'new passcode 1',
      confirmPasscode: 'new passcode 1',
      currentPasscode: PASSCODE,
    })
    expect(fresh).toMatchObject({ ok: true, status: 'created', keptAt: expect.stringContaining('.damaged-') })
    expect(await counselor.listClients({ query: '' })).toEqual([])
    await counselor.counselorLock()

    const names = await fs.readdir(folder)
    const keptSnapshot = names.find((name) => name.startsWith(`${DB_NAME}.damaged-`))!
    const keptJournal = names.find((name) => name.startsWith(`${DB_NAME}.journal.damaged-`))!
    expect((await fs.readFile(path.join(folder, keptSnapshot))).equals(damagedSnapshot)).toBe(true)
    expect((await fs.readFile(path.join(folder, keptJournal))).equals(damagedJournal)).toBe(true)
    const later = service()
    expect(await later.counselorOpen({ passcode: PASSCODE })).toMatchObject({ ok: false, reason: 'wrong-passcode' })
    expect(await later.counselorOpen({ passcode: 'new passcode 1' })).toMatchObject({ ok: true, status: 'opened' })
    await later.counselorLock()
  })

  it('is refused when the data is not damaged', async () => {
    await storeWithClients()
    const before = await rawFiles(folder)
    expect(
      await service().counselorStartAfresh({
        passcode: 'new passcode 1',
        confirmPasscode: 'new passcode 1',
        currentPasscode: PASSCODE,
      }),
    ).toMatchObject({ ok: false, reason: 'conflict' })
    await expectNothingReplaced(before)
  })

  it('works when nothing can check the passcode, and keeps the damaged files', async () => {
    await fs.writeFile(dbFile, Buffer.from('not a counselor database at all'))
    const outcome = await service().counselorStartAfresh({
      passcode: 'new passcode 1',
      confirmPasscode: 'new passcode 1',
    })
    expect(outcome).toMatchObject({ ok: true, status: 'created' })
    const kept = (await fs.readdir(folder)).find((name) => name.startsWith(`${DB_NAME}.damaged-`))!
    expect((await fs.readFile(path.join(folder, kept))).toString()).toBe('not a counselor database at all')
  })
})

describe('a kiosk turned on as a setting', { timeout: STORE_TEST_TIMEOUT }, () => {
  async function kioskOn() {
    const { handlers } = realHostHandlers(folder)
    await handlers.counselorOpen({ passcode: PASSCODE })
    await handlers.createClient({ displayName: 'Kiosk Center Client' })
    expect(await handlers.setKioskMode({ enabled: true })).toMatchObject({ ok: true })
    const counselorFile = path.join(folder, 'counselor', DB_NAME)
    const header = await fs.readFile(counselorFile)
    header[header.indexOf('"generation"') + 20]! ^= 0x01
    await fs.writeFile(counselorFile, header)
    return { counselorFile, setting: () => fs.readFile(path.join(folder, 'kiosk.json'), 'utf8').then(JSON.parse) }
  }

  it('cannot be left with a wrong passcode after the header is damaged, but can with the right one', async () => {
    const { setting } = await kioskOn()
    const { handlers, calls } = realHostHandlers(folder)
    expect(await handlers.setKioskMode({ enabled: false, passcode: 'any typo' })).toMatchObject({
      ok: false,
      reason: 'wrong-passcode',
    })
    expect((await setting()).enabled).toBe(true)
    expect(calls.restarts).toBe(0)
    expect(await handlers.setKioskMode({ enabled: false, passcode: PASSCODE })).toEqual({ ok: true, restarting: true })
    expect((await setting()).enabled).toBe(false)
  })

  it('cannot be left at all when no key check can be read', async () => {
    const { counselorFile, setting } = await kioskOn()
    const bytes = await fs.readFile(counselorFile)
    bytes.fill(0x20, 12, 300)
    await fs.writeFile(counselorFile, bytes)
    await fs.rm(`${counselorFile}.meta.json`)
    const { handlers } = realHostHandlers(folder)
    expect(await handlers.setKioskMode({ enabled: false, passcode: PASSCODE })).toMatchObject({
      ok: false,
      reason: 'damaged',
    })
    expect((await setting()).enabled).toBe(true)
  })
})
