/**
 * One session as a JSON file, to hand over or archive, and to import back. The file
 * names its format and version, and carries the client's id and display name so an
 * import can find (or recreate) the client. Contact details and client notes stay out.
 */
import { SESSION_FILE_TOO_LARGE_MESSAGE, sessionTextTooLarge } from '../shared/limits'
import { z } from '../shared/zod'
import { StorageError } from './errors'
import { type Client, type Session, displayNameSchema, recordIdSchema, sessionSchema, timestampSchema } from './records'
import { parseOrThrow } from './validation'

export const SESSION_FILE_FORMAT = 'health-it-role-finder/counselor-session'

export const sessionFileSchema = z
  .object({
    format: z.literal(SESSION_FILE_FORMAT),
    formatVersion: z.literal(1),
    exportedAt: timestampSchema,
    client: z.object({ id: recordIdSchema, displayName: displayNameSchema }).strict(),
    session: sessionSchema,
  })
  .strict()
  .refine((file) => file.session.clientId === file.client.id, {
    message: 'must belong to the client named in the file',
    path: ['session', 'clientId'],
  })
export type SessionFile = z.output<typeof sessionFileSchema>

export function sessionToJson(session: Session, client: Client, exportedAt: string): string {
  const file: SessionFile = {
    format: SESSION_FILE_FORMAT,
    formatVersion: 1,
    exportedAt,
    client: { id: client.id, displayName: client.displayName },
    session,
  }
  return `${JSON.stringify(file, null, 2)}\n`
}

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
