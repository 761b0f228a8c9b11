import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it as vitestIt } from 'vitest'
import { realHostHandlers } from '../electron/fixtures/host-handlers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

/** Every test here drives the real encrypted store: STORE_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, STORE_TEST_TIMEOUT)

let folder: string
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-switch-'))
})
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }))

const setting = () => JSON.parse(fs.readFileSync(path.join(folder, 'kiosk.json'), 'utf8'))

describe('switching kiosk mode from the counselor area', () => {
  it('turns on only while counselor data is open, then restarts', async () => {
    const { handlers, calls } = realHostHandlers(folder)
    expect(await handlers.setKioskMode({ enabled: true })).toMatchObject({ ok: false, reason: 'needs-counselor' })
    expect(fs.existsSync(path.join(folder, 'kiosk.json'))).toBe(false)

    await handlers.counselorOpen({ passcode: 'center passcode' })
    expect(await handlers.setKioskMode({ enabled: true })).toEqual({ ok: true, restarting: true })
    expect(setting()).toEqual({ schema: 1, enabled: true })
    expect(calls.restarts).toBe(1)
  })

  it('turns off only with the right passcode, even if counselor data was left open', async () => {
    const { handlers, calls } = realHostHandlers(folder)
    await handlers.counselorOpen({ passcode: 'center passcode' })
    await handlers.setKioskMode({ enabled: true })

    expect(await handlers.setKioskMode({ enabled: false })).toMatchObject({ ok: false, reason: 'wrong-passcode' })
    expect(await handlers.setKioskMode({ enabled: false, passcode: 'guess' })).toMatchObject({
      ok: false,
      reason: 'wrong-passcode',
    })
    expect(setting().enabled).toBe(true)
    expect(calls.restarts).toBe(1)

    expect(await handlers.setKioskMode({ enabled: false, passcode: 'center passcode' })).toEqual({
      ok: true,
      restarting: true,
    })
    expect(setting().enabled).toBe(false)
    expect((await handlers.counselorStatus()).unlocked).toBe(false)
  })
})
