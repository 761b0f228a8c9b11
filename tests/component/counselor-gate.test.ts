import { afterEach, describe, expect, it } from 'vitest'
import { memoryHost, mountApp } from './mount-app'
import {
  fill,
  mountCounselor,
  PASSCODE,
  settle,
  STORE_TEST_TIMEOUT,
  submit,
  unlockedHost,
  until,
} from './counselor-support'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the counselor passcode gate', () => {
  it(
    'on first use asks for a passcode twice, with the warning, and checks length and match',
    async () => {
      const { host } = memoryHost()
      const { wrapper, router } = await mountCounselor('/counselor', host)
      expect(wrapper.get('main h1').text()).toBe('Choose a passcode for the counselor area')
      expect(wrapper.text()).toContain('A forgotten passcode cannot be reset')
      expect(wrapper.text()).toContain('the only way forward is to erase all client records')

      await submit(wrapper)
      let summary = wrapper.get('.error-summary')
      expect(summary.text()).toContain('Enter the passcode')
      expect(summary.text()).toContain('Type the passcode again')
      expect(document.activeElement).toBe(summary.element)
      expect(summary.findAll('a').map((a) => a.attributes('href'))).toEqual(['#gate-passcode', '#gate-again'])

      await fill(wrapper, { '#gate-passcode': 'short', '#gate-again': 'short' })
      await submit(wrapper)
      summary = wrapper.get('.error-summary')
      expect(summary.text()).toContain('The passcode must be at least 8 characters')
      expect(wrapper.get('#gate-passcode').attributes('aria-invalid')).toBe('true')
      expect(wrapper.get('#gate-passcode').attributes('aria-describedby')).toContain('gate-passcode-error')

      await fill(wrapper, { '#gate-passcode': PASSCODE, '#gate-again': 'green river lamb' })
      await submit(wrapper)
      expect(wrapper.get('.error-summary').text()).toContain('The two passcodes are not the same')
      expect(wrapper.get('.error-summary a').attributes('href')).toBe('#gate-again')
      expect((await host.counselorStatus()).hasData).toBe(false)

      await fill(wrapper, { '#gate-passcode': PASSCODE, '#gate-again': PASSCODE })
      await submit(wrapper)
      await until(() => wrapper.find('main h1').text() === 'Clients', 'the client list')
      expect(router.currentRoute.value.name).toBe('counselor-clients')
      expect(wrapper.text()).toContain('The counselor area is ready')
      expect(await host.counselorStatus()).toMatchObject({ hasData: true, unlocked: true })
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'says when the passcode is wrong, and how long to wait after too many tries',
    async () => {
      const { host } = await unlockedHost()
      await host.counselorLock()
      const { wrapper } = await mountCounselor('/counselor', host)
      expect(wrapper.get('main h1').text()).toBe('Enter the counselor passcode')
      expect(wrapper.find('#gate-again').exists()).toBe(false)

      await fill(wrapper, { '#gate-passcode': 'not the passcode' })
      await submit(wrapper)
      expect(wrapper.get('.error-summary').text()).toContain('That passcode is not right. Check it and try again.')
      expect(wrapper.get('#gate-passcode-error').text()).toContain('That passcode is not right')
      expect((wrapper.get('#gate-passcode').element as HTMLInputElement).value).toBe('')

      for (let attempt = 2; attempt <= 6; attempt++) {
        await fill(wrapper, { '#gate-passcode': `wrong guess ${attempt}` })
        await submit(wrapper)
      }
      expect(wrapper.get('.error-summary').text()).toMatch(/Too many wrong tries\. Wait \d+ seconds, then try again\./)
      expect((await host.counselorStatus()).unlocked).toBe(false)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'sends a locked counselor page to the gate, then on to that page once unlocked',
    async () => {
      const { host } = await unlockedHost()
      await host.counselorLock()
      const { wrapper, router } = await mountCounselor('/counselor/report', host)
      expect(router.currentRoute.value.name).toBe('counselor-gate')
      await fill(wrapper, { '#gate-passcode': PASSCODE })
      await submit(wrapper)
      await until(() => router.currentRoute.value.path === '/counselor/report', 'the report page')
      expect(wrapper.get('main h1').text()).toBe('Export for reporting')
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'locks again with "Lock"',
    async () => {
      const { host } = await unlockedHost()
      const { wrapper, router } = await mountCounselor('/counselor/clients', host)
      await wrapper.get('.counselor-nav__lock').trigger('click')
      await until(() => router.currentRoute.value.name === 'counselor-gate', 'the gate')
      expect(wrapper.text()).toContain('The counselor area is locked.')
      expect((await host.counselorStatus()).unlocked).toBe(false)
    },
    STORE_TEST_TIMEOUT,
  )

  it('is hidden entirely in a kiosk', async () => {
    const { host } = memoryHost(null, { kiosk: true })
    const { wrapper, router } = await mountApp('/', host)
    expect(wrapper.find('a[href="#/counselor"]').exists()).toBe(false)
    await router.push('/counselor/clients')
    await settle()
    expect(router.currentRoute.value.path).toBe('/')
  })

  it('is linked from the welcome screen', async () => {
    const { wrapper, router } = await mountApp('/')
    const link = wrapper.get('a[href="#/counselor"]')
    expect(link.text()).toBe('Counselor area')
    await link.trigger('click')
    await until(() => router.currentRoute.value.name === 'counselor-gate', 'the gate')
  })
})

describe('a forgotten passcode', () => {
  it(
    'erases all counselor data only after the confirmation word is typed',
    async () => {
      const { host } = await unlockedHost()
      await host.createClient({ displayName: 'Rosa Díaz' })
      await host.counselorLock()
      const { wrapper, router } = await mountCounselor('/counselor', host)
      await wrapper.get('a[href="#/counselor/forgot"]').trigger('click')
      await until(() => wrapper.find('#forgot-word').exists(), 'the forgot page')
      expect(wrapper.get('main h1').text()).toBe('Forgot the passcode?')
      expect(wrapper.text()).toContain('It cannot be undone.')

      await fill(wrapper, { '#forgot-word': 'yes' })
      await submit(wrapper)
      expect(wrapper.get('.error-summary').text()).toContain('Type ERASE to erase everything, or go back')
      expect((await host.counselorStatus()).hasData).toBe(true)

      await fill(wrapper, { '#forgot-word': 'erase' })
      await submit(wrapper)
      await until(() => router.currentRoute.value.name === 'counselor-gate', 'the gate')
      expect(wrapper.get('main h1').text()).toBe('Choose a passcode for the counselor area')
      expect(wrapper.text()).toContain('All counselor data was erased')
      expect(await host.counselorStatus()).toMatchObject({ hasData: false, unlocked: false })
      expect(await host.counselorOpen({ passcode: 'a brand new one' })).toMatchObject({ ok: true, status: 'created' })
      expect(await host.listClients({ query: '' })).toEqual([])
    },
    STORE_TEST_TIMEOUT,
  )
})

describe('changing the passcode', () => {
  it(
    'checks the new passcode, refuses a wrong current one, then works with the new one only',
    async () => {
      const { host } = await unlockedHost()
      const { wrapper, router } = await mountCounselor('/counselor/passcode', host)
      expect(wrapper.get('main h1').text()).toBe('Change the passcode')

      await fill(wrapper, {
        '#passcode-current': PASSCODE,
        '#passcode-next': 'new passcode 1',
        '#passcode-again': 'new passcode 2',
      })
      await submit(wrapper)
      expect(wrapper.get('.error-summary').text()).toContain('The two passcodes are not the same')
      expect(document.activeElement).toBe(wrapper.get('.error-summary').element)
      expect(wrapper.get('.error-summary a').attributes('href')).toBe('#passcode-again')

      await fill(wrapper, {
        '#passcode-current': 'not it at all',
        '#passcode-next': 'new passcode 1',
        '#passcode-again': 'new passcode 1',
      })
      await submit(wrapper)
      expect(wrapper.get('.error-summary').text()).toContain('That passcode is not right')

      await fill(wrapper, {
        '#passcode-current': PASSCODE,
        '#passcode-next': 'new passcode 1',
        '#passcode-again': 'new passcode 1',
      })
      await submit(wrapper)
      await until(() => router.currentRoute.value.name === 'counselor-clients', 'the client list')
      expect(wrapper.text()).toContain('The passcode was changed')
      await host.counselorLock()
      expect(await host.counselorOpen({ passcode: PASSCODE })).toMatchObject({ ok: false, reason: 'wrong-passcode' })
      expect(await host.counselorOpen({ passcode: 'new passcode 1' })).toMatchObject({ ok: true })
    },
    STORE_TEST_TIMEOUT,
  )
})
