/**
 * Shared set-up for the counselor component tests: a memory host whose counselor
 * functions run the real encrypted store, unlocked (or not), with clients and
 * sessions made through the same host API the app uses.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { content } from '../../src/content'
import { scoreAnswers } from '../../src/domain/scoring'
import { sessionResultOf } from '../../src/domain/session-result'
import type { Answers } from '../../src/domain/types'
import type { HostApi } from '../../src/shared/host-contract'
import type { Session } from '../../src/shared/records'
import { memoryHost, mountApp } from './mount-app'

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

/** Lets the host's promises, the router and Vue all finish. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

/** Waits (polling, up to 5 s) until `check` holds: host calls run real encryption, and pages load on demand. */
export async function until(check: () => boolean, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + 5_000
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
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
