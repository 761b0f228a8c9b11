/**
 * What the start-up script (src/main.ts and its static imports) leaves out, to load when it is
 * needed: issue 15 keeps the first load small. Each of these was in it once.
 */
import { describe, expect, it } from 'vitest'
import { startupFiles } from '../fixtures/startup-files'

const files = startupFiles('src/main.ts')

describe('the start-up script', () => {
  it('holds the first screens', () => {
    expect(files).toEqual(expect.arrayContaining(['src/views/WelcomeView.vue', 'src/views/QuestionView.vue']))
  })

  it.each([
    ['the scoring engine (loaded with Check your answers and the result)', 'src/domain/scoring.ts'],
    ['the guided session banner', 'src/components/counselor/GuidedBanner.vue'],
    ['the counselor note', 'src/components/counselor/CounselorNote.vue'],
    ["the kiosk's walk-away timer", 'src/components/KioskIdle.vue'],
    ["the kiosk's warning", 'src/components/IdleWarning.vue'],
    ["the kiosk's text size buttons", 'src/components/TextSizeControl.vue'],
    ["the desktop app's bridge (IPC channel names)", 'src/host/bridge-host.ts'],
    ['the result screen', 'src/views/ResultsView.vue'],
  ])('leaves out %s', (_what, file) => {
    expect(files).not.toContain(file)
  })
})
