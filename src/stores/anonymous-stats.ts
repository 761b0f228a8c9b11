/**
 * Anonymous statistics outside counselor sessions (a kiosk, or self-guided use on a
 * center's computer): whether the center records them, for the welcome screen's notice,
 * and recording a completed assessment once, only when they are on. Never a name,
 * contact or notes: the host's payload cannot carry them. Counselor sessions are not
 * recorded here; the center adds their row when the session reaches it.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { sessionResultOf } from '../domain/session-result'
import type { AssessmentResult } from '../domain/scoring'
import type { Answers } from '../domain/types'
import { useHost } from '../host'

export const useAnonymousStatsStore = defineStore('anonymous-stats', () => {
  /** True only when the host says the center records statistics; false when off or unknown. */
  const on = ref(false)
  /** The assessment on screen was recorded (or refused): once per assessment. */
  let handled = false

  /** Asks the host again (the main process learns it in the background, so the answer can change). */
  async function refresh(): Promise<boolean> {
    try {
      on.value = (await useHost().centerStatus()).anonymousStats === true
    } catch {
      // No status, no notice and nothing recorded: statistics are never assumed to be on.
      on.value = false
    }
    return on.value
  }

  /**
   * A finished assessment reached its result. Recorded once, and only when statistics
   * are on now; resolves whether a row was added.
   */
  async function completed(answers: Answers, result: AssessmentResult, locale: string): Promise<boolean> {
    if (handled) return false
    handled = true
    if (!(await refresh())) return false
    try {
      const outcome = await useHost().recordAnonymousResult({
        locale,
        // A plain copy: reactive proxies cannot cross Electron's IPC.
        answers: JSON.parse(JSON.stringify(answers)) as Answers,
        result: sessionResultOf(result),
      })
      return outcome.recorded
    } catch {
      // Statistics must never get in the way of a person's result.
      return false
    }
  }

  /** A new assessment starts (start over, a kiosk's wipe): its result may be recorded again. */
  function reset(): void {
    handled = false
  }

  return { on, refresh, completed, reset }
})
