/** The build ships roles.json cut to what the engine reads (vite.config.ts, startupParts): the same content, nothing more. */
import { describe, expect, it } from 'vitest'
import questions from '../../../src/content/questions.json'
import roles from '../../../src/content/roles.json'
import scoring from '../../../src/content/scoring.json'
import { assembleContent, rolesForEngine } from '../../../src/content/assemble'
import type { QuestionsFile, RolesFile, ScoringFile } from '../../../src/content/schema'

const full = roles as RolesFile
const cut = rolesForEngine(full)

describe('roles.json as the app ships it', () => {
  it('assembles into exactly the content the whole file gives', () => {
    const assemble = (file: Parameters<typeof assembleContent>[2]) =>
      assembleContent(scoring as ScoringFile, questions as QuestionsFile, file)
    expect(assemble(cut)).toEqual(assemble(full))
    // The rule "not for people eligible for" survives the cut in its file shape.
    expect(cut.roles.some((role) => role.notForPeopleEligibleFor)).toBe(true)
  })

  it('leaves out the descriptions, quotes and reasons kept for editors', () => {
    const text = JSON.stringify(cut)
    expect(text).not.toContain('oncDescription')
    expect(text).not.toContain('"quote"')
    expect(text).not.toContain('"reason"')
    expect(text).not.toContain('notCounted')
    expect(text.length).toBeLessThan(JSON.stringify(full).length / 1.5)
  })

  it('is stable: cutting a cut file changes nothing', () => {
    expect(rolesForEngine(cut)).toEqual(cut)
  })
})
