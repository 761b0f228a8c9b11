/**
 * Issue 12's page side, on the real encrypted store: the recovery notice stays until
 * dismissed (finding 3), damage is explained and starting afresh is its own page
 * (finding 2), a second window is told in plain words (finding 1), a guided session
 * cannot reach other pages without the passcode and the area locks itself (finding 8),
 * titles never name the person (finding 9), imports fail in one plain sentence with the
 * detail logged (finding 13) and a big file is refused before it is read (finding 12).
 */
import { describe, expect, it, vi } from 'vitest'
import es from '../../src/i18n/es'
import { SESSION_FILE_MAX_BYTES } from '../../src/shared/limits'
import type { CounselorOpenResult } from '../../src/shared/counselor-contract'
import { useGuidedStore } from '../../src/stores/guided'
import { PERSONAS } from '../fixtures/personas'
import { switchLanguage } from './mount-app'
import {
  addSession,
  fill,
  mountCounselor,
  PASSCODE,
  settle,
  STORE_TEST_TIMEOUT,
  submit,
  unlockedHost,
  until,
} from './counselor-support'

const trainer = PERSONAS.find((p) => p.expected === 'trainer')!

/** A locked store with two clients, whose saved bytes the test can then damage. */
async function lockedWithClients() {
  const made = await unlockedHost()
  const rosa = await made.host.createClient({ displayName: 'Rosa Lopez', contact: 'rosa@example.org' })
  const ben = await made.host.createClient({ displayName: 'Ben Okafor' })
  await made.host.counselorLock()
  return { ...made, rosa, ben }
}

/** One bit flipped in the snapshot's header, where the generation is written (as damage-reported.test.ts does on disk). */
function flipSnapshotHeaderBit(files: Map<string, Uint8Array>): void {
  const bytes = files.get('snapshot')!
  const at = Buffer.from(bytes).indexOf('"generation"') + 20
  bytes[at]! ^= 0x01
}

describe('after an open that recovered from damage (finding 3)', () => {
  it(
    'shows the message, with where the copy is, on every counselor page until dismissed, and never after a lock',
    async () => {
      const { host, state, rosa } = await lockedWithClients()
      const journal = state.counselorData.files.get('journal')!
      journal[journal.length - 3]! ^= 0x01
      const { wrapper, router } = await mountCounselor('/counselor', host)
      await fill(wrapper, { '#gate-passcode': PASSCODE })
      await submit(wrapper)
      await until(() => router.currentRoute.value.name === 'counselor-clients', 'the client list')

      const notice = () => wrapper.find('.counselor-notice')
      expect(notice().exists()).toBe(true)
      expect(notice().text()).toContain('Some recent changes may be missing')
      expect(notice().text()).toContain('A copy of the part that could not be read is kept here: memory (copy-')
      expect(notice().attributes('aria-labelledby')).toBe('counselor-notice-title')

      await router.push(`/counselor/clients/${rosa.id}`)
      await settle()
      expect(notice().exists(), 'still there on the next page').toBe(true)
      await router.push('/counselor/report')
      await settle()
      expect(notice().exists()).toBe(true)

      await notice().get('button').trigger('click')
      expect(notice().exists()).toBe(false)
      await router.push('/counselor/clients')
      await settle()
      expect(notice().exists(), 'dismissed stays dismissed').toBe(false)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'is gone once the area is locked',
    async () => {
      const { host, state } = await lockedWithClients()
      const journal = state.counselorData.files.get('journal')!
      journal[journal.length - 3]! ^= 0x01
      const { wrapper, router } = await mountCounselor('/counselor', host)
      await fill(wrapper, { '#gate-passcode': PASSCODE })
      await submit(wrapper)
      await until(() => wrapper.find('.counselor-notice').exists(), 'the notice')
      await wrapper.get('.counselor-nav__lock').trigger('click')
      await until(() => router.currentRoute.value.name === 'counselor-gate', 'the gate')
      await fill(wrapper, { '#gate-passcode': PASSCODE })
      await submit(wrapper)
      await until(() => router.currentRoute.value.name === 'counselor-clients', 'the client list')
      expect(wrapper.find('.counselor-notice').exists()).toBe(false)
    },
    STORE_TEST_TIMEOUT,
  )
})

describe('damaged counselor data (finding 2)', () => {
  it(
    'refuses a wrong passcode as not right, explains the damage with the right one, and starts afresh only on its own page',
    async () => {
      const { host, state } = await lockedWithClients()
      flipSnapshotHeaderBit(state.counselorData.files)
      const { wrapper, router } = await mountCounselor('/counselor', host)
      expect(wrapper.get('main h1').text()).toBe('Enter the counselor passcode')
      expect(wrapper.text(), 'the damage is explained before any try').toContain('The counselor data is damaged')

      await fill(wrapper, { '#gate-passcode': 'a typo of it' })
      await submit(wrapper)
      expect(wrapper.get('.error-summary').text()).toContain('That passcode is not right.')
      expect(router.currentRoute.value.name).toBe('counselor-gate')
      expect((await host.counselorStatus()).unlocked).toBe(false)

      await fill(wrapper, { '#gate-passcode': PASSCODE })
      await submit(wrapper)
      const damage = wrapper.get('[aria-labelledby="gate-damaged-title"]')
      expect(damage.text()).toContain('Nothing was changed or deleted.')
      expect(damage.text()).toContain('The damaged data is here: memory')
      expect(router.currentRoute.value.name).toBe('counselor-gate')

      await damage.get('a').trigger('click')
      await until(() => router.currentRoute.value.name === 'counselor-start-afresh', 'the start-afresh page')
      expect(document.title).toBe('Start afresh with a new passcode – Health IT Role Finder')
      expect(wrapper.text()).toContain('A copy of it is kept on this computer.')
      expect(wrapper.find('#afresh-current').exists(), 'the old passcode can still be checked').toBe(true)

      await fill(wrapper, { '#afresh-current': PASSCODE, '#afresh-next': 'short', '#afresh-again': 'short' })
      await submit(wrapper)
      expect(wrapper.get('.error-summary').text()).toContain('The passcode must be at least 8 characters')
      await fill(wrapper, {
        '#afresh-current': PASSCODE,
        '#afresh-next': 'brand new passcode',
        '#afresh-again': 'brand new passcodes',
      })
      await submit(wrapper)
      expect(wrapper.get('.error-summary').text()).toContain('The two passcodes are not the same')

      await fill(wrapper, {
        '#afresh-current': 'not the old one',
        '#afresh-next': 'brand new passcode',
        '#afresh-again': 'brand new passcode',
      })
      await submit(wrapper)
      expect(wrapper.get('.error-summary').text()).toContain('That passcode is not right.')
      expect((await host.counselorStatus()).unlocked).toBe(false)

      await fill(wrapper, {
        '#afresh-current': PASSCODE,
        '#afresh-next': 'brand new passcode',
        '#afresh-again': 'brand new passcode',
      })
      await submit(wrapper)
      await until(() => router.currentRoute.value.name === 'counselor-clients', 'the new, empty client list')
      expect(wrapper.get('.counselor-notice').text()).toContain('The damaged data was kept')
      expect(wrapper.get('.counselor-notice').text()).toContain('kept here: memory (copy-')
      expect(wrapper.text()).not.toContain('Rosa')
      expect([...state.counselorData.files.keys()].some((key) => key.startsWith('copy-'))).toBe(true)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'asks no old passcode when it cannot be checked, and still takes the new one twice',
    async () => {
      const { host, state } = await lockedWithClients()
      state.counselorData.files.set('snapshot', new Uint8Array(400))
      state.counselorData.files.delete('meta')
      const { wrapper, router } = await mountCounselor('/counselor', host)
      await fill(wrapper, { '#gate-passcode': 'anything at all' })
      await submit(wrapper)
      await until(() => wrapper.find('[aria-labelledby="gate-damaged-title"]').exists(), 'the damage')
      expect(router.currentRoute.value.name, 'anything at all is not a way in').toBe('counselor-gate')
      await wrapper.get('[aria-labelledby="gate-damaged-title"] a').trigger('click')
      await until(() => router.currentRoute.value.name === 'counselor-start-afresh', 'the start-afresh page')
      expect(wrapper.find('#afresh-current').exists()).toBe(false)
      await fill(wrapper, { '#afresh-next': 'brand new passcode', '#afresh-again': 'brand new passcode' })
      await submit(wrapper)
      await until(() => router.currentRoute.value.name === 'counselor-clients', 'the new client list')
    },
    STORE_TEST_TIMEOUT,
  )
})

describe('a second window (finding 1)', () => {
  it(
    'is told in plain words that the area is open elsewhere, and can try again once it is free',
    async () => {
      const { host } = await unlockedHost()
      let busyElsewhere = true
      const secondWindow = {
        ...host,
        // Open in the other window: locked as this window sees it, until the other lets go.
        counselorStatus: async () => ({ ...(await host.counselorStatus()), unlocked: !busyElsewhere }),
        counselorOpen: async (payload: { passcode: string }): Promise<CounselorOpenResult> =>
          busyElsewhere
            ? {
                ok: false,
                reason: 'open-elsewhere',
                message: 'Counselor data is open in another window.',
                waitSeconds: 0,
              }
            : host.counselorOpen(payload),
      }
      const { wrapper, router } = await mountCounselor('/counselor', secondWindow)
      await fill(wrapper, { '#gate-passcode': PASSCODE })
      await submit(wrapper)
      const notice = wrapper.get('[aria-labelledby="gate-elsewhere-title"]')
      expect(notice.text()).toContain('The counselor area is open in another window or tab.')
      expect(notice.text()).toContain('Lock it or close it there, then try again here.')
      expect(notice.text()).not.toContain('Counselor data is open in another window.')

      busyElsewhere = false
      await notice.get('button').trigger('click')
      await until(() => router.currentRoute.value.name === 'counselor-clients', 'the client list')
    },
    STORE_TEST_TIMEOUT,
  )
})

describe('a guided session (finding 8)', () => {
  it(
    'cannot reach the client list by the title link, the Counselor area link or the router without the passcode',
    async () => {
      const { host } = await unlockedHost()
      const rosa = await host.createClient({ displayName: 'Rosa Lopez' })
      await host.createClient({ displayName: 'Ben Okafor', contact: 'ben@example.org' })
      const { wrapper, router } = await mountCounselor(`/counselor/clients/${rosa.id}`, host)
      await wrapper
        .findAll('button')
        .find((b) => b.text() === 'Start a guided session')!
        .trigger('click')
      await until(() => router.currentRoute.value.path === '/question/1', 'question 1')

      await wrapper.get('.app-header__name').trigger('click')
      await until(() => router.currentRoute.value.name === 'guided-leave', 'the passcode page')
      expect(wrapper.get('main h1').text()).toBe('Leave the guided session')
      expect(wrapper.text()).not.toContain('Ben Okafor')

      for (const path of ['/', '/counselor', '/counselor/clients', `/counselor/clients/${rosa.id}`, '/roles']) {
        await router.push(path)
        await settle()
        expect(router.currentRoute.value.name, path).toBe('guided-leave')
        expect(wrapper.text()).not.toContain('Ben Okafor')
      }

      await fill(wrapper, { '#leave-passcode': 'not the passcode' })
      await submit(wrapper)
      expect(wrapper.get('.error-summary').text()).toContain('That passcode is not right.')
      expect(router.currentRoute.value.name).toBe('guided-leave')

      await wrapper
        .findAll('main a')
        .find((a) => a.text() === 'Go back to the questions')!
        .trigger('click')
      await until(() => router.currentRoute.value.path === '/question/1', 'back to the questions')
      expect(useGuidedStore().session?.clientName).toBe('Rosa Lopez')

      await router.push('/counselor/clients')
      await until(() => router.currentRoute.value.name === 'guided-leave', 'the passcode page again')
      await fill(wrapper, { '#leave-passcode': PASSCODE })
      await submit(wrapper)
      await until(() => router.currentRoute.value.name === 'counselor-clients', 'the client list')
      expect(wrapper.text()).toContain('Ben Okafor')
      expect(useGuidedStore().session, 'leaving with the passcode ends the session').toBeNull()
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'locks the area after the quiet time, with an announced countdown and I’m still here',
    async () => {
      const { host } = await unlockedHost()
      const rosa = await host.createClient({ displayName: 'Rosa Lopez' })
      const { wrapper, router } = await mountCounselor(`/counselor/clients/${rosa.id}`, host)
      await until(() => wrapper.findComponent({ name: 'CounselorAutoLock' }).exists(), 'the auto-lock')
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
      // Input restarts the quiet time, now on the test's clock.
      window.dispatchEvent(new Event('keydown'))

      await vi.advanceTimersByTimeAsync(4 * 60_000)
      expect(wrapper.find('[role="alertdialog"]').exists(), 'no warning before 4.5 minutes').toBe(false)
      await vi.advanceTimersByTimeAsync(30_000)
      const dialog = wrapper.get('[role="alertdialog"]')
      expect(dialog.text()).toContain('The counselor area will lock soon')
      expect(dialog.text()).toContain('this area will lock in 30 seconds')
      expect(wrapper.get('[aria-live="assertive"]').text()).toBe(
        'The counselor area will lock in 30 seconds unless you choose I am still here.',
      )
      await dialog.get('button').trigger('click')
      expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)

      await vi.advanceTimersByTimeAsync(5 * 60_000 - 1_000)
      expect(wrapper.find('[role="alertdialog"]').exists()).toBe(true)
      expect((await host.counselorStatus()).unlocked).toBe(true)
      await vi.advanceTimersByTimeAsync(2_000)
      vi.useRealTimers()
      await until(() => router.currentRoute.value.name === 'counselor-gate', 'the gate')
      expect((await host.counselorStatus()).unlocked).toBe(false)
      expect(wrapper.text()).toContain('The counselor area locked itself because no one used it for a while.')
      expect(wrapper.text()).not.toContain('Rosa')
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'takes the quiet time from the counselor’s setting, kept with the preferences',
    async () => {
      const { host, state } = await unlockedHost()
      const { wrapper } = await mountCounselor('/counselor/clients', host)
      await fill(wrapper, { '#auto-lock-minutes': '61' })
      await submit(wrapper, '.auto-lock-setting form')
      expect(wrapper.get('#auto-lock-minutes-error').text()).toContain('Enter a whole number from 1 to 60')
      await fill(wrapper, { '#auto-lock-minutes': '2' })
      await submit(wrapper, '.auto-lock-setting form')
      expect(state.preferences).toEqual({ schema: 1, locale: 'en', counselorLockMinutes: 2 })
      expect(wrapper.get('.auto-lock-setting [role="status"]').text()).toContain('locks after 2 minutes')

      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
      window.dispatchEvent(new Event('keydown'))
      await vi.advanceTimersByTimeAsync(90_000)
      expect(wrapper.find('[role="alertdialog"]').exists()).toBe(true)
    },
    STORE_TEST_TIMEOUT,
  )
})

describe('page titles (finding 9)', () => {
  it(
    'name the page on every counselor route, never the person',
    async () => {
      const { host } = await unlockedHost()
      const rosa = await host.createClient({ displayName: 'Rosa Lopez' })
      const first = await addSession(host, rosa.id, trainer.answers, { startedAt: '2026-01-05T10:00:00.000Z' })
      await addSession(host, rosa.id, trainer.answers, { startedAt: '2026-02-05T10:00:00.000Z' })
      const { router } = await mountCounselor('/counselor/clients', host)
      const titles: Record<string, string> = {}
      for (const path of [
        '/counselor/clients',
        '/counselor/clients/new',
        `/counselor/clients/${rosa.id}`,
        `/counselor/clients/${rosa.id}/edit`,
        `/counselor/clients/${rosa.id}/compare`,
        `/counselor/sessions/${first.id}`,
        '/counselor/report',
        '/counselor/passcode',
      ]) {
        await router.push(path)
        await settle()
        expect(router.currentRoute.value.fullPath).toBe(path)
        titles[path] = document.title
        expect(document.title, path).not.toContain('Rosa')
        expect(document.title, path).toMatch(/ – Health IT Role Finder$/)
      }
      expect(titles[`/counselor/clients/${rosa.id}`]).toBe('Client record – Health IT Role Finder')
      expect(titles[`/counselor/sessions/${first.id}`]).toBe('Session result – Health IT Role Finder')
      expect(titles[`/counselor/clients/${rosa.id}/compare`]).toBe('Compare sessions – Health IT Role Finder')
      expect(titles[`/counselor/clients/${rosa.id}/edit`]).toBe('Change a client’s details – Health IT Role Finder')
    },
    STORE_TEST_TIMEOUT,
  )
})

describe('importing a session file (findings 12 and 13)', () => {
  function chooseFile(wrapper: Awaited<ReturnType<typeof mountCounselor>>['wrapper'], file: File): void {
    Object.defineProperty(wrapper.get('#import-file').element, 'files', { configurable: true, value: [file] })
  }

  it(
    'says one plain sentence in Spanish for a file that is not a session, and logs the detail for staff',
    async () => {
      const made = await unlockedHost()
      const rosa = await made.host.createClient({ displayName: 'Rosa' })
      const { wrapper } = await mountCounselor(`/counselor/clients/${rosa.id}`, made.host)
      await switchLanguage(wrapper)
      chooseFile(wrapper, new File(['{"hello":1}'], 'hello.json', { type: 'application/json' }))
      await submit(wrapper, 'main form')
      await until(() => wrapper.find('#import-file-error').exists(), 'the import error')
      const shown = wrapper.get('#import-file-error').text()
      expect(shown).toContain(es.counselorSafety.importNotSession)
      expect(shown).toContain('Este archivo no es una sesión exportada de Health IT Role Finder.')
      expect(wrapper.text()).not.toContain('format')
      expect(wrapper.text()).not.toContain('must be one of')
      expect(made.state.pageErrors).toHaveLength(1)
      expect(made.state.pageErrors[0]).toMatchObject({ kind: 'error', where: 'counselor import' })
      expect(made.state.pageErrors[0]!.message).toMatch(/^Session import refused \(invalid-import/)
    },
    STORE_TEST_TIMEOUT,
  )

  it(
    'refuses a file over the limit before reading it, and names the limit',
    async () => {
      const { host, state } = await unlockedHost()
      const rosa = await host.createClient({ displayName: 'Rosa' })
      const { wrapper } = await mountCounselor(`/counselor/clients/${rosa.id}`, host)
      const big = new File(['{}'], 'big.json', { type: 'application/json' })
      Object.defineProperty(big, 'size', { value: SESSION_FILE_MAX_BYTES + 1 })
      const read = vi.spyOn(big, 'text')
      chooseFile(wrapper, big)
      await submit(wrapper, 'main form')
      await until(() => wrapper.find('#import-file-error').exists(), 'the import error')
      expect(wrapper.get('#import-file-error').text()).toContain(
        'This file is larger than 5 MB, so it cannot be a session exported from Health IT Role Finder.',
      )
      expect(read).not.toHaveBeenCalled()
      expect(state.pageErrors).toEqual([])
    },
    STORE_TEST_TIMEOUT,
  )
})
