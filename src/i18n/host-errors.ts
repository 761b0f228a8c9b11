/**
 * A host's failure in the person's language: the error's code (src/shared/errors.ts)
 * picks the words in `hostErrors`; its English message is never shown. A code with no
 * words here gets the general sentence.
 */
import { hostErrorOf } from '../shared/errors'
// hostErrors is in the first part of the English words (word-parts.ts): only that part is in the start-up script.
import en from './en-first'
import type { MessageParams } from './translate'

/** Codes with their own words: every string entry of hostErrors except the fallback. */
const WORDED = new Set(
  Object.entries(en.hostErrors)
    .filter(([code, words]) => typeof words === 'string' && code !== 'generic')
    .map(([code]) => code),
)
const DISK_WORDED = new Set(Object.keys(en.hostErrors.disk))

export function hostErrorWords(
  error: unknown,
  t: (key: string, params?: MessageParams) => string,
  /** "30 seconds", "2 minutes", in the person's language. */
  formatWait: (seconds: number) => string,
): string {
  const { code, retryAfterMs, disk } = hostErrorOf(error)
  const waitSeconds = Math.ceil((retryAfterMs ?? 0) / 1000)
  const wait = waitSeconds > 0 ? t('counselor.gate.errors.wait', { time: formatWait(waitSeconds) }) : ''
  if (code === 'locked' && wait) return wait
  if (code === 'wrong-passcode' && wait) return `${t('hostErrors.wrong-passcode')} ${wait}`
  if (code === 'write-failed' && disk && DISK_WORDED.has(disk)) return t(`hostErrors.disk.${disk}`)
  return WORDED.has(code) ? t(`hostErrors.${code}`) : t('hostErrors.generic')
}
