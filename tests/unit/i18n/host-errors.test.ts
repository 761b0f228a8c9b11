import { describe, expect, it } from 'vitest'
import en from '../../../src/i18n/en'
import es from '../../../src/i18n/es'
import { hostErrorWords } from '../../../src/i18n/host-errors'
import { fillPlaceholders, flattenMessages, type MessageParams } from '../../../src/i18n/translate'
import { DISK_PROBLEMS, HOST_ERROR_CODES, HostError } from '../../../src/shared/errors'
import { unwrapIpcResult } from '../../../src/shared/ipc-result'
import { StorageError, writeFailed } from '../../../src/storage/errors'

/** A translator over one language's words, as the app's (src/i18n/index.ts) looks texts up. */
function translator(words: Parameters<typeof flattenMessages>[0]) {
  const table = flattenMessages(words)
  return (key: string, params?: MessageParams) => {
    const text = table.get(key)
    if (text === undefined) throw new Error(`no text for ${key}`)
    return fillPlaceholders(text, params)
  }
}
const inEnglish = (error: unknown) => hostErrorWords(error, translator(en), (s) => `${s} seconds`)
const inSpanish = (error: unknown) => hostErrorWords(error, translator(es), (s) => `${s} segundos`)

describe('host errors in the person’s language', () => {
  it.each(HOST_ERROR_CODES)('words the code %s in English and Spanish, never the English message', (code) => {
    const error = new HostError(code, 'An English message for the log.')
    const english = inEnglish(error)
    const spanish = inSpanish(error)
    expect(english).toBe(en.hostErrors[code])
    expect(spanish).toBe(es.hostErrors[code])
    expect(spanish).not.toBe(english)
    expect(english).not.toContain('for the log')
  })

  it.each(DISK_PROBLEMS)('says why a write failed (%s)', (disk) => {
    expect(inEnglish(new HostError('write-failed', 'x', { disk }))).toBe(en.hostErrors.disk[disk])
    expect(inSpanish(new HostError('write-failed', 'x', { disk }))).toBe(es.hostErrors.disk[disk])
  })

  it('reads a storage error as the browser host throws it, with its disk reason', () => {
    const full = writeFailed(Object.assign(new Error('no space'), { code: 'ENOSPC' }))
    expect(inEnglish(full)).toContain('the disk is full')
    expect(inSpanish(full)).toContain('el disco está lleno')
    expect(inSpanish(new StorageError('not-found', 'That client is not stored.'))).toBe(es.hostErrors['not-found'])
  })

  it('reads an IPC reply as the Electron host throws it', () => {
    const thrown = (() => {
      try {
        unwrapIpcResult({ ok: false, code: 'invalid-import', message: 'This file is not a valid session export.' })
      } catch (error) {
        return error
      }
    })()
    expect(inSpanish(thrown)).toBe(es.hostErrors['invalid-import'])
  })

  it('adds the wait after too many wrong passcodes', () => {
    expect(inEnglish(new HostError('locked', 'x', { retryAfterMs: 29_500 }))).toBe(
      'Too many wrong tries. Wait 30 seconds, then try again.',
    )
    expect(inSpanish(new HostError('wrong-passcode', 'x', { retryAfterMs: 2_000 }))).toBe(
      `${es.hostErrors['wrong-passcode']} Demasiados intentos equivocados. Espere 2 segundos y vuelva a intentarlo.`,
    )
  })

  it('falls back to a plain general sentence for an unknown code or an error without one', () => {
    expect(inEnglish(new HostError('counselor-area-on-the-moon', 'x'))).toBe(en.hostErrors.generic)
    expect(inSpanish({ code: 'generic' })).toBe(es.hostErrors.generic)
    expect(inSpanish({ code: 'disk' })).toBe(es.hostErrors.generic)
    expect(inEnglish(new TypeError('x is undefined'))).toBe(en.hostErrors.unexpected)
    expect(inSpanish('just a string')).toBe(es.hostErrors.unexpected)
  })
})
