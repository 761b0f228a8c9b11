import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import occupationsFile from '../../../src/content/occupations.json'
import nextStepsEn from '../../../src/content/locales/next-steps.en.json'
import nextStepsEs from '../../../src/content/locales/next-steps.es.json'
import localProgramsFile from '../../../src/content/local-programs.json'
import { loadCheckedContent } from '../../../src/content/checked'
import { compareTranslations } from '../../../src/content/completeness'
import { ContentError } from '../../../src/content/errors'
import { localPrograms as shippedPrograms, loadNextSteps } from '../../../src/content/index'
import { buildLocalPrograms, programsFor } from '../../../src/content/local-programs'
import { buildNextStepsTexts, buildOccupations } from '../../../src/content/next-steps-schema'
import { ROLE_IDS } from '../../../src/domain/types'

const { content, occupations } = loadCheckedContent()
const clone = <T>(value: T): T => structuredClone(value)

function errorOf(build: () => unknown): ContentError {
  try {
    build()
  } catch (error) {
    if (error instanceof ContentError) return error
    throw error
  }
  throw new Error('expected a ContentError')
}

const byCode = (code: string) => occupations.occupations.find((o) => o.code === code)!

describe('today’s occupations (occupations.json)', () => {
  it('is marked as our matching, not ONC’s, and gives every role its occupations', () => {
    expect(occupations.matching).toBe('ours')
    expect(occupations.about).toMatch(/our own matching, not ONC's/)
    expect(nextStepsEn.matching).toMatch(/our own matching, not ONC's/)
    expect(nextStepsEs.matching).toMatch(/no de la ONC/)
    for (const roleId of ROLE_IDS) expect(occupations.roles[roleId].occupations.length).toBeGreaterThan(0)
  })

  it('names a source and a data period for every pay and outlook figure', () => {
    for (const o of occupations.occupations) {
      for (const figure of [o.pay, o.outlook]) {
        if (!figure) continue
        expect(
          figure.sources.every((s) => occupations.sources[s]!.publisher === 'U.S. Bureau of Labor Statistics'),
        ).toBe(true)
        expect(figure.ofCode).toBe(o.code.slice(0, 7))
      }
      if (o.pay) expect(o.pay.period).toBe('May 2024')
      if (o.outlook) expect(o.outlook.period).toBe('2024–34')
    }
  })

  it('keeps the figures from the research notes, with the release named', () => {
    expect(byCode('15-1211.01').pay).toMatchObject({ medianAnnualUsd: 103790, ofCode: '15-1211' })
    expect(byCode('13-1151.00').pay!.medianAnnualUsd).toBe(65850)
    expect(byCode('13-1151.00').outlook!.changePercent).toBe(11)
    expect(byCode('15-1232.00').outlook!.changePercent).toBe(-4)
    expect(byCode('11-9111.00').outlook!.changePercent).toBe(23)
    expect(occupations.sources.bls_ooh_tds!.release).toMatch(/2024–34 edition/)
    // BLS pay and outlook were read in a copy of bls.gov, never on bls.gov itself.
    expect(occupations.sources.bls_ooh_tds!.verification).toBe('copy')
  })

  it('leaves out what could not be verified rather than guessing', () => {
    // No BLS figures were found for IT Project Managers (15-1299.09), and its O*NET page was not seen.
    const itProjects = byCode('15-1299.09')
    expect(itProjects.pay).toBeUndefined()
    expect(itProjects.outlook).toBeUndefined()
    expect(itProjects.onetPage).toBeUndefined()
    // Whether the old CHTS exams are still offered is said to be unverified, and they are not suggested.
    expect(occupations.legacyExams.statusToday).toBe('not_verified')
    expect(nextStepsEn.legacyExams).toMatch(/could not find out whether they are still offered/)
    for (const role of ROLE_IDS) expect(occupations.roles[role].certifications).not.toContain('chts')
    // EHR company certificates: only unsourced posts were found, so none is listed.
    expect(occupations.certifications.map((c) => c.id)).not.toContain('epic')
    // The Job Zone re-assignment in O*NET 30.2 was not checked, and the app says so.
    expect(nextStepsEn.jobZoneCaveat).toMatch(/did not check/)
  })

  it('tags every fact as read on the official site, in a copy, or only in other software', () => {
    const tags = new Set([
      ...occupations.occupations.flatMap((o) =>
        [o.jobZone, o.pay, o.outlook, o.onetPage, o.evidence].filter(Boolean).map((f) => f!.verification),
      ),
      ...occupations.certifications.map((c) => c.verification),
      ...occupations.tools.map((t) => t.verification),
    ])
    expect([...tags].sort()).toEqual(['copy', 'official_site', 'third_party_code'])
    // Only Computer Systems Analysts' Job Zone was seen on an official O*NET page.
    const official = occupations.occupations.filter((o) => o.jobZone.verification === 'official_site')
    expect(official.map((o) => o.code)).toEqual(['15-1211.00'])
    // The finders whose address came only from other apps say so.
    const thirdParty = occupations.tools.filter((t) => t.verification === 'third_party_code').map((t) => t.id)
    expect(thirdParty.sort()).toEqual(['job_center_finder', 'training_finder'])
  })

  it('prints the public tools’ addresses, and the O*NET credit the license asks for', () => {
    const tools = Object.fromEntries(occupations.tools.map((t) => [t.id, t.address]))
    expect(tools).toMatchObject({
      certification_finder: 'https://www.careeronestop.org/Toolkit/Training/find-certifications.aspx',
      training_finder: 'https://www.careeronestop.org/Toolkit/Training/find-local-training.aspx',
      job_center_finder: 'https://www.careeronestop.org/LocalHelp/AmericanJobCenters/find-american-job-centers.aspx',
      my_next_move: 'https://www.mynextmove.org/',
      mi_proximo_paso: 'https://www.miproximopaso.org/',
      onet_online: 'https://www.onetonline.org/',
    })
    expect(occupations.onetCredit.text).toMatch(
      /^This page includes information from the O\*NET 29 Database by the U\.S\. Department of Labor, Employment and Training Administration \(USDOL\/ETA\)\. Used under the CC BY 4\.0 license\. O\*NET® is a trademark of USDOL\/ETA\.$/,
    )
    expect(nextStepsEn.changesNotice).toMatch(/USDOL\/ETA has not approved, endorsed or tested these changes/)
  })

  it('loads with the result, in either language, the same data the checks approved', async () => {
    for (const locale of ['en', 'es'] as const) {
      const loaded = await loadNextSteps(locale)
      expect(loaded.occupations).toEqual(occupations)
      expect(loaded.texts.roles.trainer.employers.length).toBeGreaterThan(0)
    }
  })

  it('refuses a broken file with the entry and field named', () => {
    const noSource = clone(occupationsFile)
    noSource.occupations[0]!.pay!.sources = ['bls_nowhere']
    expect(errorOf(() => buildOccupations(noSource, content)).message).toBe(
      'occupations.json: occupations[0] (health_informatics_specialists).pay.sources[0]: no source "bls_nowhere" in sources',
    )
    const wrongParent = clone(occupationsFile)
    wrongParent.occupations[0]!.outlook!.ofCode = '15-1232'
    expect(errorOf(() => buildOccupations(wrongParent, content)).message).toMatch(
      /occupations\[0\] \(health_informatics_specialists\)\.outlook\.ofCode: "15-1232" is not the 6-digit code of 15-1211\.01/,
    )
    const unknownOccupation = clone(occupationsFile)
    unknownOccupation.roles.trainer.occupations.push('astronauts')
    expect(errorOf(() => buildOccupations(unknownOccupation, content)).message).toBe(
      'occupations.json: roles.trainer.occupations[3]: no occupation "astronauts"',
    )
    const badCode = clone(occupationsFile)
    badCode.occupations[1]!.code = '29-1141'
    expect(errorOf(() => buildOccupations(badCode, content)).message).toMatch(
      /occupations\[1\] \(registered_nurses\)\.code: an O\*NET-SOC code like 15-1211\.01/,
    )
  })
})

describe('next steps by readiness (locales/next-steps.*.json)', () => {
  it('has this month’s steps, kinds of employers, and a way to close every named gap, for every role', () => {
    for (const role of content.roles) {
      const words = nextStepsEn.roles[role.id]
      expect(words.thisMonth.length).toBeGreaterThanOrEqual(2)
      expect(words.employers.length).toBeGreaterThanOrEqual(2)
      expect(Object.keys(words.gaps).sort()).toEqual(role.background.map((r) => r.id).sort())
      expect(occupations.roles[role.id].searchTerms.length).toBeGreaterThanOrEqual(3)
    }
  })

  it('has every English text in Spanish', () => {
    expect(
      compareTranslations(
        nextStepsEn,
        nextStepsEs,
        [
          // Names of public tools: they keep their own names in both languages.
          'tools.my_next_move.name',
          'tools.mi_proximo_paso.name',
          'tools.onet_online.name',
        ],
        { messageSyntax: true },
      ),
    ).toEqual([])
  })

  it('refuses a language file that lacks a gap’s words', () => {
    const missing = clone(nextStepsEs) as { roles: Record<string, { gaps: Record<string, unknown> }> }
    delete missing.roles.trainer!.gaps.classroom_teaching
    expect(
      errorOf(() => buildNextStepsTexts(occupations, content, missing, 'locales/next-steps.es.json')).message,
    ).toBe('locales/next-steps.es.json: roles.trainer.gaps.classroom_teaching: text is missing')
  })
})

describe('a center’s own programs (local-programs.json)', () => {
  const sample = {
    center: { name: 'Eastside American Job Center', contact: { phone: '(555) 010-0199' }, hours: 'Mon–Fri 9–5' },
    updated: '2026-11-30',
    programs: [
      {
        id: 'ehr_trainer_course',
        name: 'EHR trainer course',
        provider: 'Eastside Community College',
        kind: 'course',
        roles: ['trainer', 'implementation_support'],
        length: '10 weeks',
        languages: ['en', 'es'],
        contact: { website: 'https://college.example.org/ehr', email: 'ehr@college.example.org' },
      },
    ],
  }

  it('ships empty, checked, and exposed with the content', () => {
    expect(buildLocalPrograms(localProgramsFile)).toEqual({ center: null, updated: null, programs: [] })
    expect(shippedPrograms).toEqual(loadCheckedContent().localPrograms)
  })

  it('accepts the example the README gives centers', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
    const section = readme.slice(readme.indexOf('### A center'))
    const example = JSON.parse(
      section.slice(section.indexOf('```json') + 7, section.indexOf('```', section.indexOf('```json') + 7)),
    )
    expect(programsFor(buildLocalPrograms(example), 'trainer').map((p) => p.id)).toEqual(['ehr_trainer_course'])
  })

  it('accepts a center’s list and shows each program with the roles it names', () => {
    const programs = buildLocalPrograms(sample)
    expect(programsFor(programs, 'trainer').map((p) => p.id)).toEqual(['ehr_trainer_course'])
    expect(programsFor(programs, 'technical_support')).toEqual([])
  })

  it.each([
    [
      'a role that does not exist',
      (f: typeof sample) => {
        f.programs[0]!.roles = ['trainers']
      },
      /^local-programs\.json: programs\[0\] \(ehr_trainer_course\)\.roles\[0\]: /,
    ],
    [
      'a program nobody can reach',
      (f: typeof sample) => {
        f.programs[0]!.contact = {} as never
      },
      /^local-programs\.json: programs\[0\] \(ehr_trainer_course\)\.contact: give at least one of phone, email, address or website$/,
    ],
    [
      'a mistyped email',
      (f: typeof sample) => {
        f.programs[0]!.contact.email = 'ehr at college'
      },
      /^local-programs\.json: programs\[0\] \(ehr_trainer_course\)\.contact\.email: must be an email address/,
    ],
    [
      'a date in another format',
      (f: typeof sample) => {
        f.updated = '11/30/2026'
      },
      /^local-programs\.json: updated: must be a date like 2026-11-30$/,
    ],
    [
      'a program listed twice',
      (f: typeof sample) => {
        f.programs.push(clone(f.programs[0]!))
      },
      /^local-programs\.json: programs\[1\] \(ehr_trainer_course\)\.id: "ehr_trainer_course" is used twice$/,
    ],
    [
      'a field the file does not know',
      (f: typeof sample) => {
        ;(f.programs[0] as Record<string, unknown>).price = '$10'
      },
      /^local-programs\.json: programs\[0\] \(ehr_trainer_course\): Unrecognized key: "price"$/,
    ],
  ])('refuses %s, naming the field', (_name, breakIt, message) => {
    const broken = clone(sample)
    breakIt(broken)
    expect(errorOf(() => buildLocalPrograms(broken)).message).toMatch(message)
  })
})
