import { describe, expect, it, vi } from 'vitest'
import { contentTexts } from '../../src/content'
import { createPinia, setActivePinia } from 'pinia'
import { setHost } from '../../src/host'
import { createAppI18n } from '../../src/i18n'
import { showStartupProblem } from '../../src/startup-problem'
import { usePreferencesStore } from '../../src/stores/preferences'
import { memoryHost } from './mount-app'

describe('the app translator', () => {
  it('translates in English before any language is chosen', () => {
    const i18n = createAppI18n()
    expect(i18n.locale.value).toBe('en')
    expect(i18n.t('question.progress', { current: 1, total: 29 })).toBe('Question 1 of 29')
  })

  it('loads Spanish (interface and content words) before switching to it', async () => {
    const i18n = createAppI18n()
    const switching = i18n.setLocale('es')
    expect(i18n.locale.value).toBe('en')
    await switching
    expect(i18n.locale.value).toBe('es')
    expect(i18n.t('question.next')).toBe('Siguiente')
    expect(contentTexts.es?.roles.trainer.name).toMatch(/Capacitador/)
  })

  it('lets the last choice win when a person switches twice quickly', async () => {
    const i18n = createAppI18n()
    const toSpanish = i18n.setLocale('es')
    const backToEnglish = i18n.setLocale('en')
    await Promise.all([toSpanish, backToEnglish])
    expect(i18n.locale.value).toBe('en')
  })

  it('answers an unknown key with the key itself, so a mistake shows instead of a blank', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(createAppI18n().t('no.such.key')).toBe('no.such.key')
    expect(warn).toHaveBeenCalledWith('No interface text for "no.such.key"')
    warn.mockRestore()
  })
})

describe('the language preference with the translator', () => {
  it('ends in the language chosen last, and remembers only that, when a wipe overtakes a switch', async () => {
    const { host, state } = memoryHost()
    setHost(host)
    setActivePinia(createPinia())
    const i18n = createAppI18n()
    const preferences = usePreferencesStore()
    await preferences.bindI18n(i18n)

    const toSpanish = preferences.setLocale('es')
    await preferences.reset()
    await toSpanish
    expect(i18n.locale.value).toBe('en')
    expect(preferences.locale).toBe('en')
    expect(state.preferences).toBeNull()
    setHost(undefined)
  })
})

describe('showStartupProblem', () => {
  it('replaces the page with a plain alert in English and Spanish', () => {
    const root = document.createElement('div')
    root.innerHTML = '<p>half-built page</p>'
    showStartupProblem(root)
    const alert = root.querySelector('[role="alert"]')!
    expect(root.children).toHaveLength(1)
    expect(alert.textContent).toContain('could not start')
    expect(alert.textContent).toContain('no pudo iniciar')
    expect(() => showStartupProblem(null)).not.toThrow()
  })
})
