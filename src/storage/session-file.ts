/**
 * Reads a session file back (the format itself is part of the contract:
 * src/shared/session-file.ts), with plain-words errors that name the bad field.
 */
import { SESSION_FILE_TOO_LARGE_MESSAGE, sessionTextTooLarge } from '../shared/limits'
import { sessionFileSchema, type SessionFile } from '../shared/session-file'
import { StorageError } from './errors'
import { parseOrThrow } from './validation'

const IMPORT_CONTEXT = {
  action: 'This file is not a valid session export',
  what: 'file',
  code: 'invalid-import',
} as const

/** The one refusal for a file over the limit, wherever it is checked (the bridge in main uses it too). */
export function sessionFileTooLarge(): StorageError {
  return new StorageError('too-large', SESSION_FILE_TOO_LARGE_MESSAGE, { field: 'file' })
}

export function parseSessionJson(json: unknown): SessionFile {
  if (typeof json !== 'string') {
    throw new StorageError('invalid-input', 'Could not import the session: the file contents must be text.', {
      field: 'json',
    })
  }
  if (sessionTextTooLarge(json)) throw sessionFileTooLarge()
  let value: unknown
  try {
    value = JSON.parse(json.replace(/^\uFEFF/, ''))
  } catch {
    throw new StorageError(
      'invalid-import',
      'This file is not a valid session export: it is not readable JSON (it may be damaged or another kind of file).',
      { field: 'file' },
    )
  }
  return parseOrThrow(sessionFileSchema, value, IMPORT_CONTEXT)
}
