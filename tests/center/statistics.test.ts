/**
 * Anonymous statistics and the question statistics report on a real PostgreSQL: opt-in per
 * center, the kiosk's path through the app, and the report's figures (answer distribution,
 * best fit, Cronbach's alpha, item-rest correlations, items nobody disagrees with) checked
 * against values worked out by hand on a small table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPORT_CONTENT } from '../../src/center/report-content'
import {
  SAMPLE_RESULT,
  createCenterDatabase,
  makeComputer,
  uniqueSuffix,
  type CenterDatabase,
  type Computer,
} from './support/center-fixture'
import { startTestServer, type TestServer } from './support/pg-server'

let server: TestServer
let database: CenterDatabase
const suffix = uniqueSuffix()
const sue = `sue_${suffix}`
const kioskLogin = `kiosk_${suffix}`
const PASSWORD = 'correct horse battery staple'
const computers: Computer[] = []

beforeAll(async () => {
  server = await startTestServer()
  database = await createCenterDatabase(server)
  await database.addCenter('east', 'East Side Center')
  await database.addCenter('west', 'West End Center')
  await database.addLogin(sue, 'east', 'supervisor', PASSWORD)
  await database.addLogin(kioskLogin, 'east', 'kiosk', PASSWORD)
}, 180_000) // initdb and start on a busy machine

afterAll(async () => {
  for (const computer of computers) await computer.remove()
  await database?.drop().catch(() => undefined)
  await server?.dispose()
}, 120_000) // stops servers and removes computers; slow on a busy machine

/**
 * The hand-worked table. Scale: strongly_dislike -1, dislike -0.5, neutral 0, like 0.5,
 * strongly_like 1 ("not sure" left out). Role "trainer" has items teach_a, teach_b, teach_c;
 * role "solo" has teach_d alone.
 *
 *        teach_a  teach_b   teach_c  teach_d   work     best fit
 *   P1   1        0.5       1        0.5       [a, b]   trainer
 *   P2   0.5      0.5       0         1        [a]      trainer
 *   P3   0       -0.5       0         0                 technical_support
 *   P4  -0.5      0        -0.5       0.5               technical_support
 *   P5   1        1         0.5      not sure           trainer
 *   P6   1       not sure   1         1                 (none)
 *
 * P6 lacks teach_b, so the trainer figures use P1–P5 (n = 5). Doubling the scores to
 * whole numbers changes neither alpha nor a correlation: a = 2 1 0 -1 2, b = 1 1 -1 0 2,
 * c = 2 0 0 -1 1, totals T = 5 2 -1 -2 5.
 *   sample variances: a 6.8/4 = 1.7, b 5.2/4 = 1.3, c 5.2/4 = 1.3, T 42.8/4 = 10.7
 *   alpha = 3/2 × (1 − (1.7 + 1.3 + 1.3) / 10.7) = 1.5 × 6.4 / 10.7 = 9.6 / 10.7 = 0.897196…
 *   item-rest, a against b+c = 3 1 -1 -1 3: 10 / √(6.8 × 16)   = 10 / √108.8   = 0.958706…
 *              b against a+c = 4 1 0 -2 3:  7.4 / √(5.2 × 22.8) = 7.4 / √118.56 = 0.679614…
 *              c against a+b = 3 2 -1 -1 4: 8.2 / √(5.2 × 21.2) = 8.2 / √110.24 = 0.780988…
 * Nobody answered teach_d below the midpoint (0): 5 answered it on the scale, 4 of them
 * above it (share 0.8). teach_a … teach_c each have a "dislike".
 */
const HAND_TABLE = [
  { a: 'strongly_like', b: 'like', c: 'strongly_like', d: 'like', work: ['a', 'b'], best: 'trainer' },
  { a: 'like', b: 'like', c: 'neutral', d: 'strongly_like', work: ['a'], best: 'trainer' },
  { a: 'neutral', b: 'dislike', c: 'neutral', d: 'neutral', work: null, best: 'technical_support' },
  { a: 'dislike', b: 'neutral', c: 'dislike', d: 'like', work: null, best: 'technical_support' },
  { a: 'strongly_like', b: 'strongly_like', c: 'like', d: 'not_sure', work: null, best: 'trainer' },
  { a: 'strongly_like', b: 'not_sure', c: 'strongly_like', d: 'strongly_like', work: null, best: null },
]
const ITEMS = [
  { role: 'trainer', question: 'teach_a', sign: 1 },
  { role: 'trainer', question: 'teach_b', sign: 1 },
  { role: 'trainer', question: 'teach_c', sign: 1 },
  { role: 'solo', question: 'teach_d', sign: 1 },
]
const SCALE = { strongly_dislike: -1, dislike: -0.5, neutral: 0, like: 0.5, strongly_like: 1 }

async function insertAnonymous(center: string, day: string, version: string, answers: object, best: string | null) {
  await database.admin.query(
    `INSERT INTO center.anonymous_results (center_id, recorded_on, content_version, locale, answers, best_fit, fits)
     SELECT id, $2, $3, 'en', $4, $5, '{}' FROM center.centers WHERE code = $1`,
    [center, day, version, JSON.stringify(answers), best],
  )
}

describe('the question statistics report', () => {
  beforeAll(async () => {
    for (const row of HAND_TABLE) {
      const answers: Record<string, string | string[]> = {
        teach_a: row.a,
        teach_b: row.b,
        teach_c: row.c,
        teach_d: row.d,
      }
      if (row.work) answers.work = row.work
      await insertAnonymous('east', '2026-03-10', 'hand.1', answers, row.best)
    }
    // Left out: another center, a day out of range, another content version.
    await insertAnonymous('west', '2026-03-10', 'hand.1', { teach_a: 'strongly_dislike' }, 'trainer')
    await insertAnonymous('east', '2026-05-01', 'hand.1', { teach_a: 'strongly_dislike' }, 'trainer')
    await insertAnonymous('east', '2026-03-10', 'hand.2', { teach_a: 'strongly_dislike' }, 'trainer')
  }, 60_000)

  it('matches the values worked out by hand, for the supervisor’s own center only', async () => {
    const supervisor = await database.connectAs(sue, PASSWORD)
    const { rows } = await supervisor.query(
      `SELECT section, role_id, question_id, option_id, item_count, n::int AS n, share, value
       FROM center_reports.question_report('2026-03-01', '2026-03-31', 'hand.1', $1::jsonb, $2::jsonb)`,
      [JSON.stringify(ITEMS), JSON.stringify(SCALE)],
    )
    const find = (section: string, key: Partial<Record<'role_id' | 'question_id' | 'option_id', string>>) =>
      rows.filter(
        (row) =>
          row.section === section &&
          Object.entries(key).every(([column, value]) => row[column as keyof typeof row] === value),
      )
    expect(find('respondents', {})).toMatchObject([{ n: 6 }])

    const alpha = find('alpha', { role_id: 'trainer' })[0]
    expect(alpha).toMatchObject({ item_count: 3, n: 5 })
    expect(alpha.value).toBeCloseTo(9.6 / 10.7, 12)
    const itemRest = (question: string) => find('item_rest', { role_id: 'trainer', question_id: question })[0]
    expect(itemRest('teach_a').value).toBeCloseTo(10 / Math.sqrt(108.8), 12)
    expect(itemRest('teach_b').value).toBeCloseTo(7.4 / Math.sqrt(118.56), 12)
    expect(itemRest('teach_c').value).toBeCloseTo(8.2 / Math.sqrt(110.24), 12)
    expect(itemRest('teach_a').n).toBe(5)
    // One item cannot hang together with others: no alpha, no item-rest correlation.
    expect(find('alpha', { role_id: 'solo' })).toMatchObject([{ item_count: 1, n: 5, value: null }])
    expect(find('item_rest', { role_id: 'solo' })).toMatchObject([{ question_id: 'teach_d', value: null }])

    expect(find('no_disagreement', {})).toEqual([expect.objectContaining({ question_id: 'teach_d', n: 5, share: 0.8 })])

    const teachA = find('answers', { question_id: 'teach_a' })
    expect(teachA.map((row) => [row.option_id, row.n, row.share]).sort()).toEqual([
      ['dislike', 1, 1 / 6],
      ['like', 1, 1 / 6],
      ['neutral', 1, 1 / 6],
      ['strongly_like', 3, 0.5],
    ])
    // Several choices: shares are of the people who answered the question (2), not of all six.
    expect(
      find('answers', { question_id: 'work' })
        .map((row) => [row.option_id, row.n, row.share])
        .sort(),
    ).toEqual([
      ['a', 2, 1],
      ['b', 1, 0.5],
    ])
    expect(
      find('best_fit', {})
        .map((row) => [row.role_id, row.n])
        .sort(),
    ).toEqual([
      ['none', 1],
      ['technical_support', 2],
      ['trainer', 3],
    ])
  }, 60_000)

  it('is refused to counselors and kiosks, and IT can run it for every center', async () => {
    await database.addLogin(`cara_${suffix}`, 'east', 'counselor', PASSWORD)
    const counselor = await database.connectAs(`cara_${suffix}`, PASSWORD)
    await expect(
      counselor.query(`SELECT * FROM center_reports.question_report('2026-03-01', '2026-03-31', 'hand.1', '[]', '{}')`),
    ).rejects.toMatchObject({ code: '42501' })
    const kiosk = await database.connectAs(kioskLogin, PASSWORD)
    await expect(
      kiosk.query(`SELECT * FROM center_reports.question_report('2026-03-01', '2026-03-31', 'hand.1', '[]', '{}')`),
    ).rejects.toMatchObject({ code: '42501' })
    const everywhere = await database.admin.query(
      `SELECT n::int AS n FROM center.question_report(NULL, '2026-03-01', '2026-03-31', 'hand.1', $1::jsonb, $2::jsonb)
       WHERE section = 'respondents'`,
      [JSON.stringify(ITEMS), JSON.stringify(SCALE)],
    )
    expect(everywhere.rows).toEqual([{ n: 7 }])
  }, 60_000)

  it('reaches a supervisor through the app, and exports as CSV by the project’s conventions', async () => {
    const supervisorPc = await makeComputer()
    computers.push(supervisorPc)
    expect(await supervisorPc.center.centerSaveSettings(database.settingsFor(sue, PASSWORD))).toMatchObject({
      ok: true,
    })
    // Rows in the shipped content's version, so the app's own items and scale apply.
    for (const best of ['trainer', 'trainer', 'technical_support']) {
      await insertAnonymous('east', '2026-04-02', REPORT_CONTENT.version, { like_teach_class: 'strongly_like' }, best)
    }
    const built = await supervisorPc.center.centerQuestionReport({ from: '2026-04-01', to: '2026-04-30' })
    if (!built.ok) throw new Error(built.message)
    expect(built.report).toMatchObject({
      centerName: 'East Side Center',
      contentVersion: REPORT_CONTENT.version,
      respondents: 3,
      answers: [{ questionId: 'like_teach_class', optionId: 'strongly_like', count: 3, share: 1 }],
    })
    expect(built.report.bestFit.map((row) => [row.roleId, row.count])).toEqual([
      ['clinical_consultant', 0],
      ['implementation_manager', 0],
      ['implementation_support', 0],
      ['redesign_specialist', 0],
      ['technical_support', 1],
      ['trainer', 2],
    ])
    expect(built.report.roles.map((role) => role.roleId)).toEqual(REPORT_CONTENT.roleOrder)
    const exported = await supervisorPc.center.centerExportQuestionReport({ from: '2026-04-01', to: '2026-04-30' })
    if (!exported.ok) throw new Error(exported.message)
    expect(exported.file.fileName).toBe('question-statistics-2026-04-01-to-2026-04-30.csv')
    const lines = exported.file.text.split('\r\n')
    expect(lines[0]).toBe('\uFEFF"section","role_id","question_id","option_id","item_count","count","share","value"')
    expect(lines).toContain('"respondents","","","","","3","",""')
    expect(lines).toContain('"best_fit","trainer","","","","2","0.6667",""')
  }, 60_000)
})

describe('anonymous statistics, opt-in per center', () => {
  it('a supervisor turns them on; a kiosk then records a completed assessment without any name', async () => {
    const counselorArea = await makeComputer()
    computers.push(counselorArea)
    // Set up from the counselor area, as center IT staff would.
    expect(
      await counselorArea.center.centerSaveKioskStatsSettings(database.settingsFor(kioskLogin, PASSWORD)),
    ).toMatchObject({
      ok: true,
      identity: { kind: 'kiosk', centerCode: 'east' },
      anonymousStats: false,
    })
    const input = {
      locale: 'es',
      answers: { like_teach_class: 'like', health_work: ['clinical'] },
      result: SAMPLE_RESULT,
    }
    const count = async () =>
      (await database.admin.query(`SELECT count(*)::int AS n FROM center.anonymous_results WHERE locale = 'es'`))
        .rows[0].n
    expect(await counselorArea.center.recordAnonymousResult(input)).toEqual({ recorded: false })
    expect(await count()).toBe(0)

    const supervisorPc = await makeComputer()
    computers.push(supervisorPc)
    await supervisorPc.center.centerSaveSettings(database.settingsFor(sue, PASSWORD))
    expect(await supervisorPc.center.centerSetAnonymousStats({ enabled: true })).toEqual({ ok: true, enabled: true })

    expect(await counselorArea.center.recordAnonymousResult(input)).toEqual({ recorded: true })
    expect(await count()).toBe(1)
    expect(await counselorArea.center.centerStatus()).toMatchObject({
      anonymousStats: true,
      kioskStats: { configured: true },
    })
    const stored = await database.admin.query(`SELECT * FROM center.anonymous_results WHERE locale = 'es'`)
    expect(Object.keys(stored.rows[0]).sort()).toEqual(
      ['answers', 'best_fit', 'center_id', 'content_version', 'fits', 'id', 'locale', 'recorded_on'].sort(),
    )
    expect(stored.rows[0]).toMatchObject({ answers: input.answers, best_fit: 'trainer', fits: SAMPLE_RESULT.fits })

    // After a restart the kiosk learns the setting in the background; the status never waits on the server.
    const restarted = await counselorArea.reopen()
    computers.push(restarted)
    expect((await restarted.center.centerStatus()).kioskStats.configured).toBe(true)
    await expect
      .poll(async () => (await restarted.center.centerStatus()).anonymousStats, { timeout: 30_000 })
      .toBe(true)

    expect(await supervisorPc.center.centerSetAnonymousStats({ enabled: false })).toEqual({ ok: true, enabled: false })
    expect(await counselorArea.center.recordAnonymousResult(input)).toEqual({ recorded: false })
    expect(await count()).toBe(1)
  }, 60_000)

  it('a kiosk login cannot be used as a counselor’s, nor a counselor’s as a kiosk’s', async () => {
    await database.addLogin(`dan_${suffix}`, 'east', 'counselor', PASSWORD)
    const pc = await makeComputer()
    computers.push(pc)
    expect(await pc.center.centerSaveSettings(database.settingsFor(kioskLogin, PASSWORD))).toMatchObject({
      ok: false,
      reason: 'not-registered',
    })
    expect(await pc.center.centerSaveKioskStatsSettings(database.settingsFor(`dan_${suffix}`, PASSWORD))).toMatchObject(
      {
        ok: false,
        reason: 'not-registered',
      },
    )
  }, 60_000)
})
