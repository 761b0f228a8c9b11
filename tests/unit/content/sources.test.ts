/**
 * What the app presents as ONC's is in ONC's page: every statement marked `onc` in
 * roles.json quotes the page word for word (kept in docs/sources/), and every other
 * statement is marked as another named source or as ours.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import roles from '../../../src/content/roles.json'
import en from '../../../src/content/locales/en.json'
import es from '../../../src/content/locales/es.json'
import enInterface from '../../../src/i18n/en'

const seed = readFileSync(new URL('../../../docs/sources/onc-health-it-workforce-roles.txt', import.meta.url), 'utf8')

/** The same words, whatever the spacing, hyphen or quote marks. */
const plain = (text: string) =>
  text
    .replace(/[\u2010\u2011\u2012\u2013]/g, '-')
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase()
const inSeed = (quote: string) => plain(seed).includes(plain(quote))

describe('statements marked as ONC’s', () => {
  it.each(roles.roles.map((r) => [r.id, r] as const))('%s: the description is ONC’s own words', (_id, role) => {
    expect(inSeed(role.oncDescription)).toBe(true)
  })

  it('lists the roles in the order ONC’s page does, so ties said "in ONC’s order" are', () => {
    const positions = roles.roles.map((r) => plain(seed).indexOf(plain(r.oncDescription)))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
  })

  it('every background item marked onc quotes ONC’s page', () => {
    const onc = roles.roles.flatMap((r) => r.background.filter((b) => b.basis === 'onc').map((b) => [r.id, b] as const))
    expect(onc.map(([roleId, b]) => `${roleId}.${b.id}`)).toEqual([
      'clinical_consultant.active_license',
      'redesign_specialist.health_care_or_it_work',
    ])
    for (const [, b] of onc) expect(inSeed(b.quote!), b.quote).toBe(true)
  })

  it('the rule that keeps licensed clinicians from the Redesign Specialist quotes ONC’s page', () => {
    const rule = roles.roles.find((r) => r.id === 'redesign_specialist')!.notForPeopleEligibleFor!
    expect(inSeed(rule.quote)).toBe(true)
  })

  it('the Trainer’s background comes from a named source that is not ONC’s page, and says so', () => {
    const trainer = roles.roles.find((r) => r.id === 'trainer')!
    const sourced = trainer.background.filter((b) => b.basis === 'source')
    expect(sourced.map((b) => (b as { source?: string }).source)).toEqual(['mwhit_trainer'])
    for (const b of sourced) expect(inSeed(b.quote!)).toBe(false)
    expect(roles.sources.mwhit_trainer.address).toBe('https://mwhit.org/hit_programs/trainers/')
    expect(en.roles.trainer.background).toMatch(/community-college/i)
    expect(en.roles.trainer.background).not.toMatch(/ONC/)
    expect(es.roles.trainer.background).not.toMatch(/ONC/)
    // The broader item a fair counselor accepts is ours.
    expect(trainer.background.find((b) => b.id === 'teaching_or_health_background')!.basis).toBe('ours')
  })

  it('the roles we could not find in ONC material say the background is our suggestion', () => {
    for (const id of ['implementation_manager', 'implementation_support', 'technical_support'] as const) {
      const role = roles.roles.find((r) => r.id === id)!
      expect(role.background.every((b) => b.basis === 'ours')).toBe(true)
      expect(en.roles[id].background).toMatch(/^ONC material we could check does not say\./)
    }
    expect(enInterface.results.training.ours).toMatch(/not from ONC/)
  })
})
