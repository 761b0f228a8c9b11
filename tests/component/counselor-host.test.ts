import { describe, expect, it } from 'vitest'
import { memoryHost } from './mount-app'
import { STORE_TEST_TIMEOUT } from './counselor-support'

describe("the test host's counselor storage", () => {
  it(
    'creates, unlocks and keeps clients in memory, encrypted',
    async () => {
      const { host, state } = memoryHost()
      expect(await host.counselorStatus()).toEqual({ hasData: false, damaged: false, unlocked: false, waitSeconds: 0 })
      expect(await host.counselorOpen({ passcode: 'correct horse' })).toMatchObject({ ok: true, status: 'created' })
      const client = await host.createClient({ displayName: 'Rosa Díaz' })
      expect((await host.listClients({ query: 'rosa' })).map((c) => c.id)).toEqual([client.id])
      await host.counselorLock()
      expect(await host.counselorOpen({ passcode: 'wrong passcode' })).toMatchObject({
        ok: false,
        reason: 'wrong-passcode',
      })
      const bytes = [...state.counselorData.files.values()].map((b) => new TextDecoder().decode(b)).join('')
      expect(bytes).not.toContain('Rosa')
    },
    STORE_TEST_TIMEOUT,
  )
})
