/**
 * A change is a whole record as it should now be stored. Saving applies changes to
 * the in-memory database and writes the same changes to the journal; opening replays
 * the journal with this very function, so both paths stay identical.
 * Deletions of client data are never journaled: deleting rewrites the whole file (see
 * deleteClient). Center mode's changes (center-outbox.ts) may remove outbox entries, which
 * hold only ids.
 */
import type { Database } from 'sql.js'
import { z } from '../shared/zod'
import { CENTER_CHANGE_SCHEMAS, applyCenterChange } from './center-outbox'
import { putClient } from './client-table'
import { clientSchema, sessionSchema } from '../shared/records'
import { putSession } from './session-table'
import { inTransaction } from './sql-helpers'

export const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('client'), client: clientSchema }).strict(),
  z.object({ kind: z.literal('session'), session: sessionSchema }).strict(),
  ...CENTER_CHANGE_SCHEMAS,
])
export type Change = z.output<typeof changeSchema>

/** One journal entry: changes that must land together (e.g. an imported client and its session). */
export const changeSetSchema = z
  .object({ format: z.literal(1), changes: z.array(changeSchema).min(1).max(16) })
  .strict()
export type ChangeSet = z.output<typeof changeSetSchema>

export function applyChanges(db: Database, changes: readonly Change[]): void {
  inTransaction(db, () => {
    for (const change of changes) {
      if (change.kind === 'client') putClient(db, change.client)
      else if (change.kind === 'session') putSession(db, change.session)
      else applyCenterChange(db, change)
    }
  })
}
