import { describe, expect, it } from 'vitest'
import { StorageError, toPlainStorageError } from '../../../src/storage'
import { writeFailed } from '../../../src/storage/errors'

describe('storage errors', () => {
  it('explain disk problems in plain words, from Node error codes and browser error names alike', () => {
    const reasons: [unknown, string][] = [
      [{ code: 'ENOSPC' }, 'because the disk is full'],
      [{ name: 'QuotaExceededError' }, 'because the disk is full'],
      [{ code: 'EROFS' }, 'because the disk is read-only'],
      [{ code: 'EPERM' }, 'not allowed to write'],
      [{ code: 'EIO' }, 'because the disk reported an error'],
      [new Error('anything else'), 'because the disk refused the write'],
      ['not even an object', 'because the disk refused the write'],
    ]
    for (const [cause, words] of reasons) {
      const error = writeFailed(cause)
      expect(error.code).toBe('write-failed')
      expect(error.message).toContain(words)
      expect(error.cause).toBe(cause)
    }
  })

  it('cross to the UI as code and message only: no stack, no cause', () => {
    const cause = new Error('SQLITE_CORRUPT at line 12')
    const error = new StorageError('locked', 'Too many wrong passcodes. Wait 1 minute and try again.', {
      retryAfterMs: 60_000,
      cause,
    })
    expect(toPlainStorageError(error)).toEqual({
      code: 'locked',
      message: 'Too many wrong passcodes. Wait 1 minute and try again.',
      retryAfterMs: 60_000,
    })
    expect(toPlainStorageError(new TypeError('x is undefined'))).toEqual({
      code: 'unexpected',
      message: 'Something unexpected went wrong in counselor storage.',
    })
    expect(JSON.stringify(toPlainStorageError(error))).not.toContain('SQLITE')
  })
})
