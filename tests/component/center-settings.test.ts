/**
 * The center mode page with a fake center: the connection form's checks and linked error
 * summary, a refusal worded in the interface's language, Test and Save, Sync now,
 * Forget, and the browser build's "no center mode".
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CENTER_PROBLEMS } from '../../src/shared/center-problems'
import en from '../../src/i18n/center.en'
import es from '../../src/i18n/center.es'
import { ANA, centerHost, connectedStatus, refused } from './center-support'
import { fill, mountCounselor, settle, STORE_TEST_TIMEOUT, submit, unlockedHost, until } from './counselor-support'
import { switchLanguage } from './mount-app'

afterEach(() => {
  document.body.innerHTML = ''
})

const GOOD_DETAILS = {
  '#center-host': 'db.east.example.org',
  '#center-port': '5433',
  '#center-database': 'role_finder',
  '#center-user': 'ana_lopez',
  '#center-password': 'correct horse battery',
}

describe('the center mode page', () => {
  it(
    'lists every missing detail in a linked summary that takes focus, and sends nothing',
    async () => {
      const { host, fake } = await centerHost()
      const { wrapper } = await mountCounselor('/counselor/center', host)
      expect(wrapper.get('main h1').text()).toBe(en.title)
      expect(wrapper.get('.center-status').text()).toContain(en.status.notConnected)
      await wrapper.get('#center-host').setValue('has space.example.org')
      await wrapper.get('#center-port').setValue('port')
      await wrapper.get('#center-database').setValue('')
      await submit(wrapper)

      const summary = wrapper.get('.error-summary')
      expect(document.activeElement).toBe(summary.element)
      const links = summary.findAll('a').map((a) => [a.text(), a.attributes('href')])
      expect(links).toEqual([
        [en.settings.errors.host, '#center-host'],
        [en.settings.errors.port, '#center-port'],
        [en.settings.errors.database, '#center-database'],
        [en.settings.errors.user, '#center-user'],
        [en.settings.errors.password, '#center-password'],
      ])
      // Each field says its own problem and is marked invalid.
      expect(wrapper.get('#center-port').attributes('aria-invalid')).toBe('true')
      expect(wrapper.get('#center-port-error').text()).toContain(en.settings.errors.port)
      expect(wrapper.get('#center-port').attributes('aria-describedby')).toContain('center-port-error')
      expect(fake.callsOf('centerSaveSettings')).toEqual([])
      expect(fake.callsOf('centerTestSettings')).toEqual([])
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'asks for the whole certificate when what is pasted is not one',
    async () => {
      const { host, fake } = await centerHost()
      const { wrapper } = await mountCounselor('/counselor/center', host)
      await fill(wrapper, { ...GOOD_DETAILS, '#center-caCertificate': 'not a certificate' })
      await submit(wrapper)
      expect(
        wrapper
          .get('.error-summary')
          .findAll('a')
          .map((a) => a.attributes('href')),
      ).toEqual(['#center-caCertificate'])
      expect(fake.callsOf('centerSaveSettings')).toEqual([])
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'tests the details without saving them, and says who the login is and whether the link is encrypted',
    async () => {
      const { host, fake } = await centerHost()
      const { wrapper } = await mountCounselor('/counselor/center', host)
      await fill(wrapper, GOOD_DETAILS)
      await wrapper.get(`#center-sslMode-verify-full`).setValue(true)
      await wrapper
        .findAll('button')
        .find((b) => b.text() === en.settings.test)!
        .trigger('click')
      await until(() => fake.callsOf('centerTestSettings').length === 1, 'the test')
      expect(fake.callsOf('centerTestSettings')[0]).toEqual({
        host: 'db.east.example.org',
        port: 5433,
        database: 'role_finder',
        user: 'ana_lopez',
        password: 'correct horse battery',
        sslMode: 'verify-full',
      })
      expect(fake.callsOf('centerSaveSettings')).toEqual([])
      expect(wrapper.text()).toContain('The connection works. You are ana_lopez, a counselor at East Side Center.')
      expect(wrapper.text()).toContain(en.settings.encrypted)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'shows a refusal as one sentence linked to the field it is about, in English and then in Spanish',
    async () => {
      const { host, fake } = await centerHost()
      fake.answers.centerSaveSettings = () => refused('wrong-login')
      const { wrapper } = await mountCounselor('/counselor/center', host)
      await fill(wrapper, GOOD_DETAILS)
      await submit(wrapper)
      await until(() => wrapper.find('.error-summary').exists(), 'the summary')
      const links = () => wrapper.get('.error-summary').findAll('a')
      expect(links().map((a) => [a.text(), a.attributes('href')])).toEqual([
        [CENTER_PROBLEMS['wrong-login'].en, '#center-password'],
      ])
      expect(document.activeElement).toBe(wrapper.get('.error-summary').element)

      await switchLanguage(wrapper)
      await fill(wrapper, { '#center-password': 'still wrong' })
      await submit(wrapper)
      await until(() => links()[0]?.text() === CENTER_PROBLEMS['wrong-login'].es, 'the Spanish sentence')
      expect(wrapper.get('main h1').text()).toBe(es.title)
      expect(links()).toHaveLength(1)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'says plainly when the host itself fails, and keeps what was typed',
    async () => {
      const { host, fake } = await centerHost()
      fake.answers.centerTestSettings = () => {
        throw Object.assign(new Error('The app sent data it cannot use.'), { code: 'invalid-payload' })
      }
      const { wrapper } = await mountCounselor('/counselor/center', host)
      await fill(wrapper, GOOD_DETAILS)
      await wrapper
        .findAll('button')
        .find((b) => b.text() === en.settings.test)!
        .trigger('click')
      await until(() => wrapper.find('.error-summary').exists(), 'the summary')
      expect(wrapper.get('.error-summary').text()).toContain('The app sent data it cannot use. Please try again.')
      expect((wrapper.get('#center-host').element as HTMLInputElement).value).toBe('db.east.example.org')
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'saves the details, then shows the status: the center, the login, changes waiting and the last sync',
    async () => {
      const { host, fake } = await centerHost()
      const { wrapper } = await mountCounselor('/counselor/center', host)
      await fill(wrapper, GOOD_DETAILS)
      await submit(wrapper)
      await until(() => fake.callsOf('centerSaveSettings').length === 1, 'the save')
      await until(() => wrapper.text().includes(en.settings.saved), 'the saved message')
      const status = wrapper.get('.center-status').text()
      expect(status).toContain('East Side Center')
      expect(status).toContain('ana_lopez (counselor)')
      expect(wrapper.get('.center-status__waiting').text()).toBe('2')
      expect(status).toContain('2026')
      // The password is not left on screen once it is kept.
      expect((wrapper.get('#center-password').element as HTMLInputElement).value).toBe('')
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'syncs now and says what was sent, then says why when the server cannot be reached',
    async () => {
      const { host, fake } = await centerHost(connectedStatus(ANA))
      const { wrapper } = await mountCounselor('/counselor/center', host)
      const syncButton = () => wrapper.findAll('button').find((b) => b.text() === en.sync.now)!
      await syncButton().trigger('click')
      await until(() => wrapper.text().includes('Sync done. Changes sent: 2. Still waiting: 0.'), 'the sync message')

      fake.answers.centerSyncNow = () => ({ ...refused('server-unreachable'), sent: 1, waiting: 3 })
      await syncButton().trigger('click')
      await until(() => wrapper.find('[role="alert"]').exists(), 'the problem')
      expect(wrapper.get('[role="alert"]').text()).toBe(
        `${CENTER_PROBLEMS['server-unreachable'].en} Changes sent before the problem: 1. Still waiting: 3.`,
      )
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'says when a sync met newer copies, and that both are kept',
    async () => {
      const { host, fake } = await centerHost(connectedStatus(ANA))
      fake.answers.centerSyncNow = () => ({ ok: true, sent: 3, conflicts: 1, refreshed: 0, waiting: 0 })
      const { wrapper } = await mountCounselor('/counselor/center', host)
      await wrapper
        .findAll('button')
        .find((b) => b.text() === en.sync.now)!
        .trigger('click')
      await until(() => wrapper.text().includes('Both copies are kept.'), 'the conflict message')
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'shows the last problem from the status in the interface language',
    async () => {
      const { host } = await centerHost(connectedStatus(ANA, { online: false, problem: refused('timed-out') }))
      const { wrapper } = await mountCounselor('/counselor/center', host)
      expect(wrapper.text()).toContain(`${en.status.lastProblem} ${CENTER_PROBLEMS['timed-out'].en}`)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'forgets the settings only after a confirmation',
    async () => {
      const { host, fake } = await centerHost(connectedStatus(ANA))
      const { wrapper } = await mountCounselor('/counselor/center', host)
      await wrapper
        .findAll('button')
        .find((b) => b.text() === en.forget.button)!
        .trigger('click')
      await settle()
      expect(fake.callsOf('centerForgetSettings')).toEqual([])
      await wrapper
        .findAll('button')
        .find((b) => b.text() === en.forget.confirm)!
        .trigger('click')
      await until(() => wrapper.text().includes(en.forget.done), 'the forgotten message')
      expect(fake.callsOf('centerForgetSettings')).toHaveLength(1)
      expect(wrapper.get('.center-status').text()).toContain(en.status.notConnected)
      // Changes not sent stay counted.
      expect(wrapper.get('.center-status__waiting').text()).toBe('2')
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'is reached from the counselor area’s links',
    async () => {
      const { host } = await centerHost()
      const { wrapper, router } = await mountCounselor('/counselor/clients', host)
      const link = wrapper
        .get('.counselor-nav')
        .findAll('a')
        .find((a) => a.text() === en.navLink)!
      await link.trigger('click')
      await until(() => router.currentRoute.value.name === 'center', 'the center page')
      expect(wrapper.get('main h1').text()).toBe(en.title)
    },
    STORE_TEST_TIMEOUT,
  )
})

describe('the browser build', () => {
  it(
    'has no center mode, and every center page says so instead of showing a form',
    async () => {
      // The memory host uses the browser's unavailable center.
      const { host } = await unlockedHost()
      for (const path of [
        '/counselor/center',
        '/counselor/center/clients',
        '/counselor/center/conflicts',
        '/counselor/center/statistics',
        '/counselor/center/report',
      ]) {
        const { wrapper } = await mountCounselor(path, host)
        expect(wrapper.get('.center-unavailable').text(), path).toContain(CENTER_PROBLEMS.unavailable.en)
        expect(wrapper.find('main form').exists(), path).toBe(false)
        wrapper.unmount()
        document.body.innerHTML = ''
      }
    },
    STORE_TEST_TIMEOUT,
  )
})
