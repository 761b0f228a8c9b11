import { afterEach, describe, expect, it } from 'vitest'
import es from '../../src/i18n/es'
import { switchLanguage } from './mount-app'
import { fill, mountCounselor, settle, submit, unlockedHost, until } from './counselor-support'

afterEach(() => {
  document.body.innerHTML = ''
})

/**
 * Storage errors cross the bridge as codes, and the page words them in the counselor's
 * language: a Spanish counselor no longer reads storage's English sentences.
 */
describe('storage errors in the counselor’s language', () => {
  it('words a wrong current passcode in Spanish', async () => {
    const { host } = await unlockedHost()
    const { wrapper } = await mountCounselor('/counselor/passcode', host)
    await switchLanguage(wrapper)
    await fill(wrapper, {
      '#passcode-current': 'not it at all',
      '#passcode-next': 'new passcode 1',
      '#passcode-again': 'new passcode 1',
    })
    await submit(wrapper)
    await until(() => wrapper.find('.error-summary').exists(), 'the error summary')
    expect(wrapper.get('.error-summary').text()).toContain(es.hostErrors['wrong-passcode'])
    expect(wrapper.get('.error-summary').text()).not.toContain('not right')
  })

  it('words a refused import and a deleted record in Spanish', async () => {
    const { host } = await unlockedHost()
    const client = await host.createClient({ displayName: 'Rosa' })
    const { wrapper, router } = await mountCounselor(`/counselor/clients/${client.id}`, host)
    await switchLanguage(wrapper)
    Object.defineProperty(wrapper.get('#import-file').element, 'files', {
      configurable: true,
      value: [new File(['{"not": "a session"}'], 'other.json', { type: 'application/json' })],
    })
    await submit(wrapper, 'main form')
    await until(() => wrapper.find('#import-file-error').exists(), 'the import error')
    expect(wrapper.get('#import-file-error').text()).toContain(es.counselorSafety.importNotSession)

    await host.deleteClient({ clientId: client.id })
    await router.push(`/counselor/clients/${client.id}/edit`)
    await settle()
    await router.push(`/counselor/clients/${client.id}`)
    await until(() => wrapper.find('.notice--warning').exists(), 'the record problem')
    expect(wrapper.get('main h1').text()).toBe(es.counselor.notOpened)
    expect(wrapper.get('.notice--warning').text()).toBe(es.hostErrors['not-found'])
  })
})
