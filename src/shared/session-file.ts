/**
 * One session as a JSON file, to hand over or archive, and to import back: the
 * exchange format between copies of the app. The file names its format and version,
 * and carries the client's id and display name so an import can find (or recreate)
 * the client. Contact details and client notes stay out. Reading one back, with
 * plain-words errors, is storage's job (src/storage/session-file.ts).
 */
import { z } from './zod'
import { type Session, displayNameSchema, recordIdSchema, sessionSchema, timestampSchema } from './records'

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

/** Only the client's id and display name are written. */
export function sessionToJson(
  session: Session,
  client: { id: string; displayName: string },
  exportedAt: string,
): string {
  const file: SessionFile = {
    format: SESSION_FILE_FORMAT,
    formatVersion: 1,
    exportedAt,
    client: { id: client.id, displayName: client.displayName },
    session,
  }
  return `${JSON.stringify(file, null, 2)}\n`
}

/** The name a session file is offered under, e.g. session-2026-11-25-3f2a9c1e.json. */
export function sessionFileName(sessionId: string, exportedAt: string): string {
  return `session-${exportedAt.slice(0, 10)}-${sessionId.slice(0, 8)}.json`
}
