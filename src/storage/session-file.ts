/**
 * Reads a session file back (the format itself is part of the contract:
 * src/shared/session-file.ts), with plain-words errors that name the bad field.
 */
import { sessionFileSchema, type SessionFile } from '../shared/session-file'
import { StorageError } from './errors'
import { parseOrThrow } from './validation'

const MAX_FILE_CHARACTERS = 5_000_000

const IMPORT_CONTEXT = {
  action: 'This file is not a valid session export',
  what: 'file',
  code: 'invalid-import',
} as const

export function parseSessionJson(json: unknown): SessionFile {
  if (typeof json !== 'string') {
    throw new StorageError('invalid-input', 'Could not import the session: the file contents must be text.', {
      field: 'json',
    })
  }
  if (json.length > MAX_FILE_CHARACTERS) {
    throw new StorageError('invalid-import', 'This file is too large to be a session export.', { field: 'file' })
  }
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
