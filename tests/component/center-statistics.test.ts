/**
 * Anonymous statistics and the question report with a fake center: the switch (supervisors
 * only), the kiosk login, the report's tables, CSV and print, the welcome screen's notice,
 * and results recorded from the assessment store only when statistics are on.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { content } from '../../src/content'
import { scoreAnswers } from '../../src/domain/scoring'
import en from '../../src/i18n/center.en'
import { CENTER_PROBLEMS } from '../../src/shared/center-problems'
import { useAssessmentStore } from '../../src/stores/assessment'
import { useGuidedStore } from '../../src/stores/guided'
import { PERSONAS } from '../fixtures/personas'
import { ANA, REPORT, SAM, centerStatus, connectedStatus, fakeCenter, refused, centerHost } from './center-support'
import { fill, mountCounselor, settle, STORE_TEST_TIMEOUT, submit, until } from './counselor-support'
import { APP_TEST_TIMEOUT } from '../fixtures/waiting'
import { memoryHost, mountApp } from './mount-app'

afterEach(() => {
  document.body.innerHTML = ''
})

const KIOSK_DETAILS = {
  '#kiosk-host': 'db.east.example.org',
  '#kiosk-database': 'role_finder',
  '#kiosk-user': 'kiosk_east_1',
  '#kiosk-password': 'a long kiosk password',
}

describe('the statistics page', () => {
  it(
    'says what is recorded and what never is, and that it is off unless the center turns it on',
    async () => {
      const { host } = await centerHost(connectedStatus(ANA))
      const { wrapper } = await mountCounselor('/counselor/center/statistics', host)
      const text = wrapper.text()
      for (const line of Object.values(en.statistics.what)) expect(text).toContain(line)
      expect(text).toContain(en.statistics.why)
      expect(text).toContain(en.statistics.off)
      // A counselor cannot switch it.
      expect(wrapper.find('#center-stats-switch').exists()).toBe(false)
      expect(text).toContain(en.statistics.onlySupervisor)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'lets a supervisor turn statistics on, and shows what the center says when it refuses',
    async () => {
      const { host, fake } = await centerHost(connectedStatus(SAM))
      const { wrapper } = await mountCounselor('/counselor/center/statistics', host)
      const box = () => wrapper.get('#center-stats-switch')
      expect(box().attributes('role')).toBe('switch')
      expect((box().element as HTMLInputElement).checked).toBe(false)
      await box().setValue(true)
      await until(() => wrapper.text().includes(en.statistics.nowOn), 'on')
      expect(fake.callsOf('centerSetAnonymousStats')).toEqual([{ enabled: true }])
      expect((box().element as HTMLInputElement).checked).toBe(true)
      expect(wrapper.get('.center-statistics__state').text()).toBe(en.statistics.on)

      fake.answers.centerSetAnonymousStats = () => refused('server-unreachable')
      await box().setValue(false)
      await until(() => wrapper.find('[role="alert"]').exists(), 'the refusal')
      expect(wrapper.get('[role="alert"]').text()).toBe(CENTER_PROBLEMS['server-unreachable'].en)
      // The box shows what the center says, not the click that failed.
      expect((box().element as HTMLInputElement).checked).toBe(true)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'saves a kiosk login, and says plainly when this computer cannot keep it safe',
    async () => {
      const { host, fake } = await centerHost(centerStatus())
      fake.answers.centerSaveKioskStatsSettings = () => refused('no-secure-storage')
      const { wrapper } = await mountCounselor('/counselor/center/statistics', host)
      await submit(wrapper, 'main form')
      expect(
        wrapper
          .get('.error-summary')
          .findAll('a')
          .map((a) => a.attributes('href')),
      ).toEqual(['#kiosk-host', '#kiosk-database', '#kiosk-user', '#kiosk-password'])
      expect(fake.callsOf('centerSaveKioskStatsSettings')).toEqual([])

      await fill(wrapper, KIOSK_DETAILS)
      await submit(wrapper, 'main form')
      await until(
        () => wrapper.get('.error-summary').text().includes(CENTER_PROBLEMS['no-secure-storage'].en),
        'refusal',
      )

      fake.answers.centerSaveKioskStatsSettings = () => {
        fake.state.status = centerStatus({
          kioskStats: {
            configured: true,
            connection: {
              host: 'db.east.example.org',
              port: 5432,
              database: 'role_finder',
              user: 'kiosk_east_1',
              sslMode: 'prefer',
              hasCaCertificate: false,
            },
          },
        })
        return {
          ok: true,
          identity: { ...ANA, login: 'kiosk_east_1', kind: 'kiosk' },
          encrypted: true,
          anonymousStats: true,
        }
      }
      await fill(wrapper, { '#kiosk-password': 'a long kiosk password' })
      await submit(wrapper, 'main form')
      await until(() => wrapper.text().includes(en.kioskStats.saved), 'saved')
      expect(wrapper.find('.error-summary').exists()).toBe(false)
      expect(wrapper.text()).toContain('This computer has a kiosk login: kiosk_east_1 on db.east.example.org.')
      expect(fake.callsOf('centerSaveKioskStatsSettings').at(-1)).toMatchObject({ user: 'kiosk_east_1', port: 5432 })

      await wrapper
        .findAll('button')
        .find((b) => b.text() === en.kioskStats.forget)!
        .trigger('click')
      await until(() => wrapper.text().includes(en.kioskStats.forgotten), 'forgotten')
      expect(fake.callsOf('centerSaveKioskStatsSettings').at(-1)).toBeNull()
    },
    STORE_TEST_TIMEOUT,
  )
})

describe('the question statistics report', () => {
  it(
    'asks for both days, in order, before asking the center',
    async () => {
      const { host, fake } = await centerHost(connectedStatus(SAM))
      const { wrapper } = await mountCounselor('/counselor/center/report', host)
      expect(wrapper.text()).toContain(en.report.purpose)
      await submit(wrapper, 'main form')
      expect(
        wrapper
          .get('.error-summary')
          .findAll('a')
          .map((a) => [a.text(), a.attributes('href')]),
      ).toEqual([
        [en.report.errors.from, '#report-from'],
        [en.report.errors.to, '#report-to'],
      ])
      await fill(wrapper, { '#report-from': '2026-03-31', '#report-to': '2026-01-01' })
      await submit(wrapper, 'main form')
      expect(wrapper.get('.error-summary a').text()).toBe(en.report.errors.order)
      expect(fake.callsOf('centerQuestionReport')).toEqual([])
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'says why when the login may not read reports',
    async () => {
      const { host } = await centerHost(connectedStatus(ANA))
      const { wrapper } = await mountCounselor('/counselor/center/report', host)
      await fill(wrapper, { '#report-from': '2026-01-01', '#report-to': '2026-03-31' })
      await submit(wrapper, 'main form')
      await until(() => wrapper.find('.error-summary').exists(), 'the refusal')
      expect(wrapper.get('.error-summary a').text()).toBe(CENTER_PROBLEMS['not-registered'].en)
      expect(wrapper.find('.question-report').exists()).toBe(false)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'shows every table with its explanation, prints, and exports the CSV the center made',
    async () => {
      const { host, fake, state } = await centerHost(connectedStatus(SAM))
      fake.answers.centerQuestionReport = () => ({ ok: true, report: REPORT })
      fake.answers.centerExportQuestionReport = () => ({
        ok: true,
        file: { fileName: 'question-statistics-2026-01-01-to-2026-03-31.csv', mimeType: 'text/csv', text: 'a,b\n' },
      })
      const { wrapper } = await mountCounselor('/counselor/center/report', host)
      await fill(wrapper, { '#report-from': '2026-01-01', '#report-to': '2026-03-31' })
      await submit(wrapper, 'main form')
      await until(() => wrapper.find('.question-report').exists(), 'the report')
      expect(fake.callsOf('centerQuestionReport')).toEqual([{ from: '2026-01-01', to: '2026-03-31' }])

      const report = wrapper.get('.question-report')
      expect(report.get('.question-report__respondents').text()).toBe('1,234')
      const rows = (selector: string) =>
        report.findAll(`${selector} tbody tr`).map((tr) => tr.findAll('th, td').map((cell) => cell.text()))
      expect(rows('.question-report__best-fit')).toEqual([
        ['Trainer', '617', '50%'],
        [en.report.noBestFit, '12', '1%'],
      ])
      expect(rows('.question-report__alpha')).toEqual([
        ['Trainer', '4', '1,100', '0.81'],
        [expect.any(String), '1', '0', en.report.notWorkedOut],
      ])
      expect(rows('.question-report__item-rest')).toEqual([
        ['Helping clinicians work better with health IT', '1,100', '-0.05'],
      ])
      expect(rows('.question-report__no-disagreement')[0]).toEqual([expect.any(String), '1,100', '93%'])
      expect(rows('.question-report__answers')).toEqual([
        ['Health care license', 'Yes', '300', '25%'],
        ['No', '900', '75%'],
      ])
      for (const line of [
        en.report.bestFitExplain,
        en.report.alphaExplain,
        en.report.alphaGuide,
        en.report.itemRestExplain,
        en.report.noDisagreementExplain,
        en.report.answersExplain,
      ])
        expect(report.text()).toContain(line)

      await wrapper
        .findAll('button')
        .find((b) => b.text() === en.report.exportCsv)!
        .trigger('click')
      await until(() => state.files.length === 1, 'the file')
      expect(fake.callsOf('centerExportQuestionReport')).toEqual([{ from: '2026-01-01', to: '2026-03-31' }])
      expect(state.files[0]).toMatchObject({
        fileName: 'question-statistics-2026-01-01-to-2026-03-31.csv',
        text: 'a,b\n',
      })
      expect(wrapper.text()).toContain('Saved the file question-statistics-2026-01-01-to-2026-03-31.csv.')

      await wrapper
        .findAll('button')
        .find((b) => b.text() === en.report.print)!
        .trigger('click')
      await until(() => state.printed === 1, 'the print')
    },
    STORE_TEST_TIMEOUT,
  )
})

describe('the welcome screen', () => {
  it.each([
    [true, true],
    [false, false],
    [null, false],
  ])(
    'with statistics %s, shows the notice: %s',
    async (stats, shown) => {
      const made = memoryHost()
      const fake = fakeCenter(centerStatus({ anonymousStats: stats }))
      const { wrapper } = await mountApp('/', { ...made.host, ...fake.center })
      await settle()
      expect(fake.callsOf('centerStatus').length).toBeGreaterThan(0)
      expect(wrapper.find('.welcome__statistics').exists()).toBe(shown)
      if (shown) expect(wrapper.get('.welcome__statistics').text()).toBe(en.welcomeNotice)
    },
    APP_TEST_TIMEOUT,
  )
})

describe('recording a finished assessment (assessment store)', () => {
  const persona = PERSONAS.find((p) => p.expected === 'trainer')!

  async function finished(stats: boolean | null) {
    const made = memoryHost()
    const fake = fakeCenter(centerStatus({ anonymousStats: stats }))
    await mountApp('/', { ...made.host, ...fake.center })
    const store = useAssessmentStore()
    store.replaceAnswers(persona.answers)
    store.visit('/review')
    store.visit('/results')
    await settle()
    return { fake, store }
  }

  it(
    'records the answers and result once, with no name or notes, when statistics are on',
    async () => {
      const { fake, store } = await finished(true)
      const expected = scoreAnswers(content, persona.answers)
      expect(fake.callsOf('recordAnonymousResult')).toEqual([
        {
          locale: 'en',
          answers: persona.answers,
          result: {
            bestFit: expected.bestFit,
            contentVersion: expected.contentVersion,
            fits: Object.fromEntries(expected.ranking.map((s) => [s.roleId, s.shownFit])),
          },
        },
      ])
      // Going back and coming to the result again is the same assessment.
      store.visit('/question/3')
      store.visit('/results')
      await settle()
      expect(fake.callsOf('recordAnonymousResult')).toHaveLength(1)
      // A new person starts over: their result is recorded too.
      await store.startOver()
      store.replaceAnswers(persona.answers)
      store.visit('/review')
      store.visit('/results')
      await settle()
      expect(fake.callsOf('recordAnonymousResult')).toHaveLength(2)
    },
    APP_TEST_TIMEOUT,
  )

  it.each([false, null])(
    'records nothing when statistics are %s',
    async (stats) => {
      const { fake } = await finished(stats)
      expect(fake.callsOf('centerStatus').length).toBeGreaterThan(0)
      expect(fake.callsOf('recordAnonymousResult')).toEqual([])
    },
    APP_TEST_TIMEOUT,
  )

  it(
    'records nothing for a counselor-guided session (the center adds that row itself)',
    async () => {
      const made = memoryHost()
      const fake = fakeCenter(centerStatus({ anonymousStats: true }))
      await mountApp('/', { ...made.host, ...fake.center })
      useGuidedStore().session = {
        clientId: '0b6c3a4e-5f1d-4c2a-9e8b-7d6f5a4b3c2d',
        clientName: 'Rosa Díaz',
        startedAt: '2026-03-08T15:00:00.000Z',
        notes: {},
      }
      const store = useAssessmentStore()
      store.replaceAnswers(persona.answers)
      store.visit('/review')
      store.visit('/results')
      await settle()
      expect(fake.callsOf('recordAnonymousResult')).toEqual([])
    },
    APP_TEST_TIMEOUT,
  )

  it(
    'records nothing for an assessment not finished',
    async () => {
      const made = memoryHost()
      const fake = fakeCenter(centerStatus({ anonymousStats: true }))
      await mountApp('/', { ...made.host, ...fake.center })
      const store = useAssessmentStore()
      store.replaceAnswers({ license_held: 'no' })
      store.visit('/review')
      store.visit('/results')
      await settle()
      expect(fake.callsOf('recordAnonymousResult')).toEqual([])
    },
    APP_TEST_TIMEOUT,
  )
})
