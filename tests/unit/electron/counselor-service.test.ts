/**
 * The desktop app's counselor service as main builds it, at production's key-derivation
 * cost. Every other counselor test injects a small iteration count (kdfIterations) to
 * stay fast; this is the one that runs the real 600,000 on the desktop path. The browser
 * path runs them in the e2e counselor journey (tests/e2e/counselor.spec.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMainCounselorService } from '../../../electron/main/services/counselor'
import { DEFAULT_KDF_ITERATIONS } from '../../../src/storage'
import { parseSnapshot } from '../../../src/storage/snapshot-format'

const sqlJsFolder = path.dirname(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'))

let userData: string
beforeEach(() => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'counselor-service-'))
})
afterEach(() => fs.rmSync(userData, { recursive: true, force: true }))

async function iterationsOnDisk(): Promise<number> {
  const file = fs.readFileSync(path.join(userData, 'counselor', 'counselor-data.db'))
  return (await parseSnapshot(new Uint8Array(file))).header.kdf.iterations
}

describe("the desktop app's counselor service, as production runs it", () => {
  it(
    'derives every key with 600,000 PBKDF2 iterations: create, unlock, a wrong passcode, a new passcode',
    async () => {
      expect(DEFAULT_KDF_ITERATIONS).toBe(600_000)
      const service = createMainCounselorService(userData, sqlJsFolder)
      expect(await service.counselorOpen({ passcode: 'correct horse battery' })).toMatchObject({
        ok: true,
        status: 'created',
      })
      expect(await iterationsOnDisk()).toBe(DEFAULT_KDF_ITERATIONS)
      const client = await service.createClient({ displayName: 'Rosa Díaz' })
      await service.counselorLock()

      expect(await service.counselorOpen({ passcode: 'not the passcode' })).toMatchObject({
        ok: false,
        reason: 'wrong-passcode',
      })
      expect(await service.counselorOpen({ passcode: 'correct horse battery' })).toMatchObject({ ok: true })
      expect((await service.listClients({ query: 'rosa' })).map((c) => c.id)).toEqual([client.id])

      await service.counselorChangePasscode({ current: 'correct horse battery', next: 'a brand new passcode' })
      expect(await iterationsOnDisk()).toBe(DEFAULT_KDF_ITERATIONS)
      await service.counselorLock()
      expect(await service.counselorOpen({ passcode: 'a brand new passcode' })).toMatchObject({ ok: true })
      await service.counselorLock()
    },
    // About eight derivations of 600,000 iterations, a fraction of a second each idle; 40 s
    // was measured on a 2-core machine kept busy by four busy processes and other work.
    240_000,
  )
})
