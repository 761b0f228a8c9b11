/**
 * Issue 12, findings 11 and 12: a session is checked against the question bank on every
 * save and import, its result must be what scoring gives for its answers, and a session
 * file has one size limit everywhere (the bridge and the service), named in the message.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registerIpcHandlers, type IpcSender } from '../../../electron/main/ipc'
import { CHANNELS } from '../../../src/shared/host-contract'
import { type CounselorStore, StorageError } from '../../../src/storage'
import { realHostHandlers } from '../electron/fixtures/host-handlers'
import { SAMPLE_RESULT, makeTempFolder, openInFolder, rawFiles, removeFolder, sampleSession } from './helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

// Every test here drives the real encrypted store (sql.js, WebCrypto, flushed writes):
// STORE_TEST_TIMEOUT in tests/fixtures/waiting.ts says why Vitest's 5 s is not enough.

let folder: string
let store: CounselorStore
let clientId: string
beforeEach(async () => {
  folder = await makeTempFolder()
  store = (await openInFolder(folder)).store
  clientId = (await store.createClient({ displayName: 'Checked Client' })).id
})
afterEach(async () => {
  await store.close()
  await removeFolder(folder)
})

/** A session file as exportSessionJson writes it, with `change` applied to its session. */
function fileWith(change: (session: ReturnType<typeof sampleSession> & { id: string }) => void): string {
  const session = { ...sampleSession('imported-client'), id: 'imported-session', counselorNotes: {} }
  change(session)
  return JSON.stringify({
    format: 'health-it-role-finder/counselor-session',
    formatVersion: 1,
    exportedAt: '2026-07-01T12:00:00.000Z',
    client: { id: 'imported-client', displayName: 'Imported Person' },
    session,
  })
}

async function refusedImport(json: string): Promise<StorageError> {
  const before = await rawFiles(folder)
  const error = await store.importSessionJson(json).catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(StorageError)
  expect(await rawFiles(folder), 'a refused import writes nothing').toEqual(before)
  return error as StorageError
}

describe('an imported session', { timeout: STORE_TEST_TIMEOUT }, () => {
  it('is accepted when its answers fit the questions and its result is what they score', async () => {
    const imported = await store.importSessionJson(fileWith(() => undefined))
    expect(imported.result).toEqual(SAMPLE_RESULT)
  })

  it.each([
    [
      'an unknown question',
      (s: { answers: Record<string, unknown> }) => (s.answers.favorite_color = 'blue'),
      'there is no question "favorite_color"',
    ],
    [
      'an unknown option',
      (s: { answers: Record<string, unknown> }) => (s.answers.teaching = 'always'),
      'question "teaching" has no option "always"',
    ],
    [
      'a list where one option belongs',
      (s: { answers: Record<string, unknown> }) => (s.answers.teaching = ['never']),
      'question "teaching" takes one option',
    ],
    [
      'one option where a list belongs',
      (s: { answers: Record<string, unknown> }) => (s.answers.health_work = 'clinical'),
      'question "health_work" takes a list of options',
    ],
    [
      'the same option twice',
      (s: { answers: Record<string, unknown> }) => (s.answers.health_work = ['clinical', 'clinical']),
      'in question "health_work", "clinical" is chosen twice',
    ],
    [
      'a missing answer in a finished session',
      (s: { answers: Record<string, unknown> }) => delete s.answers.teaching,
      'question "teaching" needs an answer',
    ],
  ])('with %s is refused in plain words', async (_name, change, words) => {
    const error = await refusedImport(fileWith(change as never))
    expect(error.code).toBe('answers-mismatch')
    expect(error.message).toBe(`This session was not imported: its answers do not fit this app's questions: ${words}.`)
  })

  it('with 32 duplicate picks and a fit of 100 that its answers do not give is refused', async () => {
    const error = await refusedImport(
      fileWith((session) => {
        session.answers.health_work = Array.from({ length: 32 }, () => 'clinical')
        session.result = { ...session.result!, fits: { ...session.result!.fits, trainer: 100 } }
      }),
    )
    expect(error.code).toBe('answers-mismatch')
  })

  it('with a result its answers do not give is refused, naming the role', async () => {
    const trainer = SAMPLE_RESULT.fits.trainer
    const error = await refusedImport(
      fileWith(
        (session) =>
          (session.result = {
            ...session.result!,
            fits: { ...session.result!.fits, trainer: trainer === 100 ? 99 : 100 },
          }),
      ),
    )
    expect(error).toMatchObject({ code: 'result-mismatch', field: 'result.fits.trainer' })
    expect(error.message).toContain(`and the answers give ${trainer}`)
  })

  it('with another best fit than its answers give is refused', async () => {
    const error = await refusedImport(
      fileWith((session) => (session.result = { ...session.result!, bestFit: 'clinical_consultant' })),
    )
    expect(error).toMatchObject({ code: 'result-mismatch', field: 'result.bestFit' })
  })

  it('scored with another version of the questions is refused', async () => {
    const error = await refusedImport(
      fileWith((session) => (session.result = { ...session.result!, contentVersion: '1999.1.1' })),
    )
    expect(error.code).toBe('result-mismatch')
    expect(error.message).toContain('another version of the questions (1999.1.1')
  })

  it('over the one size limit is refused with the limit named', async () => {
    const error = await refusedImport(' '.repeat(5 * 1024 * 1024 + 1))
    expect(error).toMatchObject({ code: 'too-large' })
    expect(error.message).toBe(
      'This file is larger than 5 MB, so it cannot be a session exported from Health IT Role Finder.',
    )
  })
})

describe('a saved session', { timeout: STORE_TEST_TIMEOUT }, () => {
  it('is refused when its answers do not fit the questions, and nothing is written', async () => {
    const before = await rawFiles(folder)
    const error = await store
      .saveSession(
        sampleSession(clientId, { answers: { ...sampleSession(clientId).answers, teaching: ['never', 'never'] } }),
      )
      .catch((reason: unknown) => reason)
    expect(error).toMatchObject({ code: 'answers-mismatch' })
    expect(await rawFiles(folder)).toEqual(before)
  })

  it('is refused when its result is not what its answers score', async () => {
    const wrong = {
      ...SAMPLE_RESULT,
      fits: { ...SAMPLE_RESULT.fits, trainer: SAMPLE_RESULT.fits.trainer === 0 ? 1 : 0 },
    }
    await expect(store.saveSession(sampleSession(clientId, { result: wrong }))).rejects.toMatchObject({
      code: 'result-mismatch',
    })
  })

  it('may be unfinished: missing answers are fine until there is a result', async () => {
    const saved = await store.saveSession(
      sampleSession(clientId, { answers: { license_held: 'no' }, result: null, completedAt: null }),
    )
    expect(saved.answers).toEqual({ license_held: 'no' })
  })
})

describe('the bridge', { timeout: STORE_TEST_TIMEOUT }, () => {
  let ipcFolder: string
  const page: IpcSender = { senderFrame: { url: 'app://bundle/index.html#/' } }
  beforeEach(() => {
    ipcFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'size-limit-'))
  })
  afterEach(() => fs.rmSync(ipcFolder, { recursive: true, force: true }))

  function importOverIpc() {
    const { handlers } = realHostHandlers(ipcFolder)
    let listener: ((event: IpcSender, payload: unknown) => Promise<unknown>) | undefined
    registerIpcHandlers(
      { handle: (channel, handler) => void (channel === CHANNELS.importSession && (listener = handler)) },
      handlers,
      { isTrustedSender: () => true, logError: () => undefined },
    )
    return { handlers, send: (text: string) => listener!(page, { text }) }
  }

  it('passes a file under the limit on to the service, even one over 1 MB', async () => {
    const { handlers, send } = importOverIpc()
    await handlers.counselorOpen({ passcode: 'center passcode' })
    const padded = fileWith(() => undefined).replace('{', `{${' '.repeat(2 * 1024 * 1024)}`)
    expect(await send(padded)).toMatchObject({ ok: true, value: { id: 'imported-session' } })
    await handlers.counselorLock()
  })

  it('refuses a file over the limit with the same plain words as the service', async () => {
    const { send } = importOverIpc()
    expect(await send(' '.repeat(5 * 1024 * 1024 + 1))).toEqual({
      ok: false,
      code: 'too-large',
      field: 'file',
      message: 'This file is larger than 5 MB, so it cannot be a session exported from Health IT Role Finder.',
    })
  })
})
