/**
 * Shared set-up for the counselor component tests: a memory host whose counselor
 * functions run the real encrypted store, unlocked (or not), with clients and
 * sessions made through the same host API the app uses.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { vi } from 'vitest'
import { content } from '../../src/content'
import { scoreAnswers } from '../../src/domain/scoring'
import { sessionResultOf } from '../../src/domain/session-result'
import type { Answers } from '../../src/domain/types'
import type { HostApi } from '../../src/shared/host-contract'
import type { Session } from '../../src/shared/records'
import { CONDITION_WAIT } from '../fixtures/waiting'
import { appIsIdle, memoryHost, mountApp } from './mount-app'

export const PASSCODE = 'green river lamp'

/** A memory host with counselor data already created and open. */
export async function unlockedHost() {
  const made = memoryHost()
  const opened = await made.host.counselorOpen({ passcode: PASSCODE })
  if (!opened.ok) throw new Error(opened.message)
  return made
}

/** Stores a finished session with these answers (scored as the app scores them). */
export function addSession(
  host: HostApi,
  clientId: string,
  answers: Answers,
  options: { startedAt?: string; notes?: Record<string, string> } = {},
): Promise<Session> {
  const startedAt = options.startedAt ?? new Date().toISOString()
  return host.saveSession({
    clientId,
    startedAt,
    completedAt: startedAt,
    locale: 'en',
    answers,
    counselorNotes: options.notes ?? {},
    result: sessionResultOf(scoreAnswers(content, answers)),
  })
}

/** Mounts the app at a counselor page and waits for its guard and data. */
export async function mountCounselor(path: string, host: HostApi) {
  const mounted = await mountApp(path, host)
  await settle()
  return mounted
}

/** Per-test limit for tests that drive the real encrypted store (see fixtures/waiting.ts). */
export { STORE_TEST_TIMEOUT } from '../fixtures/waiting'

/**
 * Waits until the app is idle: no host call and no navigation in flight, twice in a row
 * with a macrotask between (a finished call may start the next one), then lets Vue render.
 */
export async function settle(): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises()
    if (!appIsIdle()) throw new Error('The app still has host calls or a navigation in flight')
    await flushPromises()
    if (!appIsIdle()) throw new Error('The app still has host calls or a navigation in flight')
  }, CONDITION_WAIT)
}

/** Waits until `check` holds (the app's work depends on the machine's speed), then until the app is idle. */
export async function until(check: () => boolean, what = 'the condition'): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises()
    if (!check()) throw new Error(`Still waiting for ${what}`)
  }, CONDITION_WAIT)
  await settle()
}

/** Types into a field and submits its form, as a person would. */
export async function fill(wrapper: VueWrapper, fields: Record<string, string>): Promise<void> {
  for (const [selector, value] of Object.entries(fields)) await wrapper.get(selector).setValue(value)
}

export async function submit(wrapper: VueWrapper, selector = 'main form'): Promise<void> {
  await wrapper.get(selector).trigger('submit')
  await settle()
}
