import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerIpcHandlers, type IpcSender } from '../../../electron/main/ipc'
import { isTrustedSender } from '../../../electron/main/security'
import { realHostHandlers } from './fixtures/host-handlers'
import { CHANNELS } from '../../../src/shared/host-contract'

const ownPage: IpcSender = { senderFrame: { url: 'app://bundle/index.html#/' } }

function listFiles(folder: string): string[] {
  return fs.readdirSync(folder, { recursive: true }).map(String).sort()
}

describe('every IPC handler under random payloads', () => {
  let folder: string
  const listeners = new Map<string, (event: IpcSender, payload: unknown) => Promise<unknown>>()
  let calls: ReturnType<typeof realHostHandlers>['calls']

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ipc-fuzz-'))
    const real = realHostHandlers(folder)
    calls = real.calls
    const handlers = real.handlers
    registerIpcHandlers({ handle: (channel, listener) => listeners.set(channel, listener) }, handlers, {
      isTrustedSender,
      logError: () => undefined,
    })
  })
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }))

  it.each(Object.entries(CHANNELS))('%s never crashes and writes nothing when it refuses', async (_name, channel) => {
    const handler = listeners.get(channel)!
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true }),
        async (payload) => {
          const before = listFiles(folder)
          const result = (await handler(ownPage, payload)) as { ok: boolean; error?: string; message?: string }
          expect(typeof result.ok).toBe('boolean')
          if (!result.ok) {
            expect(result.message).toMatch(/^[A-Z].*[.!?]$/)
            expect(result.message).not.toMatch(/\n\s+at |Error:|\/work\//)
            expect(listFiles(folder)).toEqual(before)
          }
        },
      ),
      { numRuns: 1_000 },
    )
  })

  it('ignores a foreign sender whatever it sends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.values(CHANNELS)), fc.anything(), async (channel, payload) => {
        const result = await listeners.get(channel)!({ senderFrame: { url: 'https://example.org/' } }, payload)
        expect(result).toMatchObject({ ok: false, error: 'untrusted-sender' })
      }),
      { numRuns: 500 },
    )
    expect(listFiles(folder)).toEqual([])
    expect(calls).toEqual({ savePathAsked: 0, restarts: 0, languages: [], rendererErrors: 0 })
  })
})
