/**
 * Issue 12, finding 10: in a kiosk, main refuses every counselor and file channel itself,
 * whatever the page asks, except turning the kiosk off with the passcode. Checked over
 * every channel in the contract, with a valid payload for each.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registerIpcHandlers, type IpcSender } from '../../../electron/main/ipc'
import { isTrustedSender } from '../../../electron/main/security'
import { CHANNELS, PAYLOADS, type Channel, type HostApi } from '../../../src/shared/host-contract'
import { ROLE_IDS } from '../../../src/shared/roles'
import { realHostHandlers } from './fixtures/host-handlers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

// Every test here drives the real encrypted store (sql.js, WebCrypto, flushed writes):
// STORE_TEST_TIMEOUT in tests/fixtures/waiting.ts says why Vitest's 5 s is not enough.

const ownPage: IpcSender = { senderFrame: { url: 'app://bundle/index.html#/' } }
const id = 'abc-123'

const CONNECTION = {
  host: 'db.example.org',
  port: 5432,
  database: 'center',
  user: 'counselor',
  password: 'pw',
  sslMode: 'verify-full',
}

/** A valid payload for every channel: a refusal must come from the kiosk, never from validation. */
const VALID: Record<Channel, unknown> = {
  [CHANNELS.getAppInfo]: undefined,
  [CHANNELS.loadProgress]: undefined,
  [CHANNELS.saveProgress]: { schema: 1, savedAt: '2026-11-25T08:00:00.000Z', answers: {}, route: '/question/1' },
  [CHANNELS.clearProgress]: undefined,
  [CHANNELS.loadPreferences]: undefined,
  [CHANNELS.savePreferences]: { schema: 1, locale: 'es' },
  [CHANNELS.counselorStatus]: undefined,
  [CHANNELS.counselorOpen]: { passcode: 'center passcode' },
  [CHANNELS.counselorStartAfresh]: { passcode: 'center passcode', confirmPasscode: 'center passcode' },
  [CHANNELS.counselorLock]: undefined,
  [CHANNELS.counselorChangePasscode]: { current: 'center passcode', next: 'another passcode' },
  [CHANNELS.counselorEraseAll]: undefined,
  [CHANNELS.listClients]: { query: '' },
  [CHANNELS.createClient]: { displayName: 'Walk-in' },
  [CHANNELS.updateClient]: { id, displayName: 'Walk-in' },
  [CHANNELS.getClient]: { clientId: id },
  [CHANNELS.deleteClient]: { clientId: id },
  [CHANNELS.saveSession]: { clientId: id, startedAt: '2026-11-25T08:00:00.000Z', locale: 'en', answers: {} },
  [CHANNELS.getSession]: { sessionId: id },
  [CHANNELS.exportSession]: { sessionId: id },
  [CHANNELS.exportSessionsCsv]: {},
  [CHANNELS.countSessions]: {},
  [CHANNELS.summarizeSessions]: {},
  [CHANNELS.importSession]: { text: '{}' },
  [CHANNELS.saveFile]: { fileName: 'a.csv', mimeType: 'text/csv', text: 'x' },
  [CHANNELS.printToPdf]: { fileName: 'a.pdf' },
  [CHANNELS.setKioskMode]: { enabled: false, passcode: 'center passcode' },
  [CHANNELS.setInterfaceLanguage]: 'es',
  [CHANNELS.logError]: { kind: 'error', message: 'A test error.' },
  [CHANNELS.centerStatus]: undefined,
  [CHANNELS.centerTestSettings]: CONNECTION,
  [CHANNELS.centerSaveSettings]: CONNECTION,
  [CHANNELS.centerForgetSettings]: undefined,
  [CHANNELS.centerSyncNow]: undefined,
  [CHANNELS.centerListClients]: { query: '' },
  [CHANNELS.centerCopyClient]: { clientId: id },
  [CHANNELS.centerListConflicts]: undefined,
  [CHANNELS.centerResolveConflict]: { conflictId: 1, keep: 'center', centerVersion: 1 },
  [CHANNELS.centerQuestionReport]: { from: '2026-11-01', to: '2026-11-30' },
  [CHANNELS.centerExportQuestionReport]: { from: '2026-11-01', to: '2026-11-30' },
  [CHANNELS.centerSetAnonymousStats]: { enabled: true },
  [CHANNELS.centerSaveKioskStatsSettings]: null,
  [CHANNELS.recordAnonymousResult]: {
    locale: 'en',
    answers: {},
    result: {
      fits: Object.fromEntries(ROLE_IDS.map((role) => [role, 50])),
      bestFit: null,
      contentVersion: '2026.12.1',
    },
  },
}

/** What a walk-in person's app needs; everything else is counselor or file business. */
const ANSWERED = new Set<Channel>([
  CHANNELS.getAppInfo,
  CHANNELS.loadProgress,
  CHANNELS.saveProgress,
  CHANNELS.clearProgress,
  CHANNELS.loadPreferences,
  CHANNELS.savePreferences,
  CHANNELS.setInterfaceLanguage,
  CHANNELS.logError,
  CHANNELS.setKioskMode,
  // Center mode: whether anonymous statistics are on (the welcome page says so), and adding
  // one anonymous result; nothing that reads a client or a report.
  CHANNELS.centerStatus,
  CHANNELS.recordAnonymousResult,
])

type Listener = (event: IpcSender, payload: unknown) => Promise<unknown>

/** The real handlers, each wrapped to record that it ran. */
function registered(handlers: HostApi, kiosk: boolean) {
  const ran: string[] = []
  const recorded = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (payload: unknown) => {
        ran.push(name)
        return (handler as (payload: unknown) => Promise<unknown>).call(handlers, payload)
      },
    ]),
  ) as unknown as HostApi
  const listeners = new Map<string, Listener>()
  registerIpcHandlers({ handle: (channel, listener) => void listeners.set(channel, listener) }, recorded, {
    isTrustedSender,
    logError: () => undefined,
    kiosk,
  })
  return { listeners, ran }
}

let folder: string
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-refusal-'))
})
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }))

describe('main in a kiosk', { timeout: STORE_TEST_TIMEOUT }, () => {
  it('is tested with a valid payload on every channel', () => {
    for (const channel of Object.values(CHANNELS))
      expect(PAYLOADS[channel].safeParse(VALID[channel]).success).toBe(true)
  })

  it.each(Object.entries(CHANNELS))('%s: answered only if a walk-in person needs it', async (name, channel) => {
    const { listeners, ran } = registered(realHostHandlers(folder, { kiosk: true }).handlers, true)
    const reply = await listeners.get(channel)!(ownPage, VALID[channel])
    if (ANSWERED.has(channel)) {
      expect(ran).toEqual([name])
    } else {
      expect(reply).toEqual({
        ok: false,
        code: 'refused-in-kiosk',
        message: 'This is not available while the app is a kiosk.',
      })
      expect(ran, 'the service never ran').toEqual([])
    }
  })

  it('refuses turning the kiosk on, or off without a passcode', async () => {
    const { listeners, ran } = registered(realHostHandlers(folder, { kiosk: true }).handlers, true)
    for (const payload of [{ enabled: true }, { enabled: false }]) {
      expect(await listeners.get(CHANNELS.setKioskMode)!(ownPage, payload)).toMatchObject({ code: 'refused-in-kiosk' })
    }
    expect(ran).toEqual([])
  })

  it('cannot erase counselor data, which stays whole and opens afterwards', async () => {
    const outside = realHostHandlers(folder).handlers
    await outside.counselorOpen({ passcode: 'center passcode' })
    await outside.createClient({ displayName: 'Must Survive' })
    await outside.counselorLock()
    const before = fs.readdirSync(path.join(folder, 'counselor')).sort()

    const { listeners } = registered(realHostHandlers(folder, { kiosk: true }).handlers, true)
    for (const channel of [CHANNELS.counselorEraseAll, CHANNELS.counselorStatus, CHANNELS.counselorOpen]) {
      expect(await listeners.get(channel)!(ownPage, VALID[channel])).toMatchObject({ ok: false })
    }
    expect(fs.readdirSync(path.join(folder, 'counselor')).sort()).toEqual(before)
    const after = realHostHandlers(folder).handlers
    await after.counselorOpen({ passcode: 'center passcode' })
    expect((await after.listClients({ query: '' })).map((client) => client.displayName)).toEqual(['Must Survive'])
    await after.counselorLock()
  })

  it('answers every channel as before outside a kiosk', async () => {
    const { listeners, ran } = registered(realHostHandlers(folder).handlers, false)
    await listeners.get(CHANNELS.counselorStatus)!(ownPage, undefined)
    expect(ran).toEqual(['counselorStatus'])
  })
})
