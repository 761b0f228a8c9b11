/**
 * Center mode's main-process edges without a server: payload validators, the kiosk's
 * sealed connection file, safeStorage's weak Linux fallback, refusals before any
 * connection, the browser's "not available", SCRAM verifiers, and the schema version.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pbkdf2Sync, createHash, createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadMigrations } from '../../../center/migrate'
import { scramSha256Verifier } from '../../../center/scram'
import { createCenterService } from '../../../electron/main/center/center-service'
import { createKioskStatsStore, type SecretBox } from '../../../electron/main/center/kiosk-stats-store'
import { notifyOnSave, REPORT_CONTENT, safeStorageBox } from '../../../electron/main/center/main-center'
import { CENTER_SCHEMA_VERSION } from '../../../src/center/schema-version'
import { createUnavailableCenter } from '../../../src/host/browser-center'
import { CENTER_CHANNELS, CENTER_PAYLOADS, type CenterConnection } from '../../../src/shared/center-contract'
import { CHANNELS, PAYLOADS } from '../../../src/shared/host-contract'
import type { CounselorApi } from '../../../src/shared/counselor-contract'

const GOOD: CenterConnection = {
  host: 'db.center.example.org',
  port: 5432,
  database: 'center',
  user: 'ana',
  password: 'a password',
  sslMode: 'prefer',
}

const sealingBox = (available = true): SecretBox => ({
  isAvailable: () => available,
  encrypt: (text) => new Uint8Array(Buffer.from(text).map((byte) => byte ^ 0x5a)),
  decrypt: (data) => Buffer.from(Buffer.from(data).map((byte) => byte ^ 0x5a)).toString(),
})

let folder: string
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'center-main-'))
})
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true })
})

describe('the center contract', () => {
  it('has a channel and a validator for every center function, all part of the host contract', () => {
    for (const [name, channel] of Object.entries(CENTER_CHANNELS)) {
      expect(CHANNELS[name as keyof typeof CHANNELS]).toBe(channel)
      expect(PAYLOADS[channel]).toBe(CENTER_PAYLOADS[channel])
    }
    expect(Object.keys(createUnavailableCenter()).sort()).toEqual(Object.keys(CENTER_CHANNELS).sort())
  })

  it('accepts sound connection details and refuses malformed ones', () => {
    const check = (settings: unknown) => CENTER_PAYLOADS[CENTER_CHANNELS.centerTestSettings].safeParse(settings).success
    expect(check(GOOD)).toBe(true)
    expect(check({ ...GOOD, host: '10.0.0.5' })).toBe(true)
    expect(check({ ...GOOD, host: 'fe80::1' })).toBe(true)
    for (const bad of [
      { ...GOOD, host: 'db center' },
      { ...GOOD, host: 'db/../x' },
      { ...GOOD, host: '' },
      { ...GOOD, port: 0 },
      { ...GOOD, port: 70000 },
      { ...GOOD, port: '5432' },
      { ...GOOD, password: '' },
      { ...GOOD, user: 'ana\nsecond line' },
      { ...GOOD, sslMode: 'allow' },
      { ...GOOD, caCertificate: 'not a certificate' },
      { ...GOOD, extra: true },
    ]) {
      expect(check(bad), JSON.stringify(bad)).toBe(false)
    }
  })

  it('lets an anonymous result carry answers and the result only: no name, contact or free text', () => {
    const check = (input: unknown) => CENTER_PAYLOADS[CENTER_CHANNELS.recordAnonymousResult].safeParse(input).success
    const result = {
      fits: Object.fromEntries(REPORT_CONTENT.roleOrder.map((role) => [role, 50])),
      bestFit: 'trainer',
      contentVersion: '2026.11.1',
    }
    expect(check({ locale: 'en', answers: { teaching: 'formal' }, result })).toBe(true)
    expect(check({ locale: 'en', answers: { teaching: 'formal' }, result, displayName: 'Ana' })).toBe(false)
    expect(check({ locale: 'en', answers: { teaching: 'Ana Pérez, 555-0100' }, result })).toBe(false)
    expect(check({ locale: 'en', answers: {}, result: { ...result, notes: 'x' } })).toBe(false)
  })

  it('takes report ranges as days, start first', () => {
    const check = (range: unknown) => CENTER_PAYLOADS[CENTER_CHANNELS.centerQuestionReport].safeParse(range).success
    expect(check({ from: '2026-01-01', to: '2026-12-31' })).toBe(true)
    expect(check({ from: '2026-12-31', to: '2026-01-01' })).toBe(false)
    expect(check({ from: '2026-01-01T00:00:00Z', to: '2026-12-31' })).toBe(false)
  })
})

describe('the kiosk’s statistics connection', () => {
  it('is kept sealed by the system’s secure storage, never as readable text', async () => {
    const file = path.join(folder, 'center', 'kiosk-statistics.bin')
    const store = createKioskStatsStore(file, sealingBox())
    expect(await store.load()).toBeNull()
    expect(await store.save(GOOD)).toBe(true)
    expect((await fs.readFile(file)).includes(Buffer.from('a password'))).toBe(false)
    expect(await createKioskStatsStore(file, sealingBox()).load()).toEqual(GOOD)
    expect(await store.save(null)).toBe(true)
    await expect(fs.access(file)).rejects.toThrow()
  })

  it('saves nothing where there is no real secure storage, and reads a foreign file as not set up', async () => {
    const file = path.join(folder, 'kiosk-statistics.bin')
    expect(await createKioskStatsStore(file, sealingBox(false)).save(GOOD)).toBe(false)
    await expect(fs.access(file)).rejects.toThrow()
    await fs.writeFile(file, 'copied from another computer')
    expect(await createKioskStatsStore(file, sealingBox()).load()).toBeNull()
  })

  it('treats Linux’s basic_text fallback as no secure storage', () => {
    const safeStorage = {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(text),
      decryptString: (data: Buffer) => data.toString(),
      getSelectedStorageBackend: () => 'basic_text',
    }
    expect(safeStorageBox(safeStorage, 'linux').isAvailable()).toBe(false)
    expect(
      safeStorageBox({ ...safeStorage, getSelectedStorageBackend: () => 'gnome_libsecret' }, 'linux').isAvailable(),
    ).toBe(true)
    expect(safeStorageBox(safeStorage, 'win32').isAvailable()).toBe(true)
  })
})

describe('the center service before any connection', () => {
  const openSession = vi.fn(async () => {
    throw new Error('no connection expected')
  })
  const service = (store: unknown = null) =>
    createCenterService({
      counselorStore: () => store as never,
      kioskStats: createKioskStatsStore(path.join(folder, 'k.bin'), sealingBox()),
      content: REPORT_CONTENT,
      openSession,
      timers: { set: () => null, clear: () => undefined },
    })

  it('refuses, with the reason, while counselor data is locked — and never probes the network for a locked area', async () => {
    const locked = service()
    const refusal = {
      ok: false,
      reason: 'counselor-locked',
      message: 'Open the counselor area with the passcode first.',
    }
    expect(await locked.centerTestSettings(GOOD)).toEqual(refusal)
    expect(await locked.centerSaveSettings(GOOD)).toEqual(refusal)
    expect(await locked.centerSaveKioskStatsSettings(GOOD)).toEqual(refusal)
    expect(await locked.centerListClients({ query: '' })).toEqual(refusal)
    expect(await locked.centerSyncNow()).toMatchObject({ ...refusal, sent: 0, waiting: 0 })
    expect(
      await locked.recordAnonymousResult({
        locale: 'en',
        answers: {},
        result: { fits: {}, bestFit: null, contentVersion: '1' } as never,
      }),
    ).toEqual({
      recorded: false,
    })
    expect(openSession).not.toHaveBeenCalled()
    expect(await locked.centerStatus()).toMatchObject({
      available: true,
      configured: false,
      counselorDataOpen: false,
      waiting: 0,
    })
  })

  it('says "not set up" when counselor data is open but no center is', async () => {
    const open = service({ centerLink: async () => null, centerWaitingCount: async () => 4 })
    expect(await open.centerSyncNow()).toMatchObject({ ok: false, reason: 'not-set-up', waiting: 4 })
    expect(await open.centerStatus()).toMatchObject({ configured: false, counselorDataOpen: true, waiting: 4 })
  })
})

describe('the browser build', () => {
  it('has no center mode, and says so for every request', async () => {
    const center = createUnavailableCenter()
    expect(await center.centerStatus()).toMatchObject({ available: false, problem: { reason: 'unavailable' } })
    const refusal = {
      ok: false,
      reason: 'unavailable',
      message: 'Center mode is not available in the browser. Use the desktop app to connect to a center.',
    }
    expect(await center.centerTestSettings(GOOD)).toEqual(refusal)
    expect(await center.centerSyncNow()).toEqual({ ...refusal, sent: 0, waiting: 0 })
    expect(await center.centerQuestionReport({ from: '2026-01-01', to: '2026-01-31' })).toEqual(refusal)
    expect(await center.recordAnonymousResult({} as never)).toEqual({ recorded: false })
  })
})

describe('saves in counselor mode', () => {
  it('tell center mode after each save that succeeded, and only then', async () => {
    const changed = vi.fn()
    const base = {
      createClient: vi.fn(async () => ({ id: 'c' })),
      updateClient: vi.fn(async () => {
        throw new Error('disk full')
      }),
      saveSession: vi.fn(async () => ({ id: 's' })),
      importSession: vi.fn(async () => ({ id: 's2' })),
      listClients: vi.fn(async () => []),
    } as unknown as CounselorApi
    const wrapped = notifyOnSave(base, changed)
    await wrapped.createClient({ displayName: 'A' })
    await expect(wrapped.updateClient({ id: 'c' })).rejects.toThrow('disk full')
    await wrapped.saveSession({} as never)
    await wrapped.importSession({ text: '' })
    await wrapped.listClients({ query: '' })
    expect(changed).toHaveBeenCalledTimes(3)
  })
})

describe('center commands and schema', () => {
  it('make SCRAM-SHA-256 verifiers as RFC 5802 describes, so the password never reaches the server', () => {
    const salt = Buffer.from('0123456789abcdef')
    const verifier = scramSha256Verifier('pencil', salt, 4096)
    const salted = pbkdf2Sync('pencil', salt, 4096, 32, 'sha256')
    const stored = createHash('sha256')
      .update(createHmac('sha256', salted).update('Client Key').digest())
      .digest('base64')
    const server = createHmac('sha256', salted).update('Server Key').digest('base64')
    expect(verifier).toBe(`SCRAM-SHA-256$4096:${salt.toString('base64')}$${stored}:${server}`)
    expect(verifier).not.toContain('pencil')
    // A no-break space is prepared as a plain space, as PostgreSQL's SASLprep does.
    expect(scramSha256Verifier('two\u00A0words', salt)).toBe(scramSha256Verifier('two words', salt))
    expect(scramSha256Verifier('pencil')).not.toBe(scramSha256Verifier('pencil'))
  })

  it('the app speaks the schema the migrations build', () => {
    expect(CENTER_SCHEMA_VERSION).toBe(loadMigrations().length)
  })
})
