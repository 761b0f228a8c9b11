import { describe, expect, it, vi } from 'vitest'
import { contentTexts } from '../../src/content'
import { createAppI18n } from '../../src/i18n'

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
