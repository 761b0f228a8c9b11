import { describe, expect, it } from 'vitest'
import { benchSessions, SUMMARY_SESSIONS } from '../../../bench/summary'
import { content } from '../../../src/content/index'
import { summarizeProgram } from '../../../src/domain/program-summary'

describe('the program summary bench’s sessions', () => {
  it('are 10,000 finished, varied sessions over one year, all counted by the summary', () => {
    const sessions = benchSessions()
    expect(sessions).toHaveLength(SUMMARY_SESSIONS)
    expect(new Set(sessions.map((s) => s.id)).size).toBe(SUMMARY_SESSIONS)
    expect(sessions[0]!.startedAt).toBe('2026-01-01T00:00:00.000Z')
    expect(sessions.at(-1)!.startedAt < '2027-01-01').toBe(true)
    const summary = summarizeProgram(content, sessions)
    expect(summary).toMatchObject({ sessions: SUMMARY_SESSIONS, finished: SUMMARY_SESSIONS })
    // Varied: more than one best fit and more than one kind of lead, so every branch is timed.
    expect(Object.values(summary.bestFit).filter((n) => n > 0).length).toBeGreaterThan(2)
    expect(Object.values(summary.lead).filter((n) => n > 0).length).toBeGreaterThan(2)
  }, 30_000)
})
