/** SQL for the clients table. Inputs are already validated; this file only maps rows. */
import type { Database, SqlValue } from 'sql.js'
import type { Client, ClientSummary } from './records'
import { clientSearchKey, foldForSearch } from './search-key'
import { selectRows, text, textOrNull } from './sql-helpers'

export function putClient(db: Database, client: Client): void {
  // An upsert, not INSERT OR REPLACE: REPLACE deletes the old row first, which
  // would cascade to the client's sessions.
  db.run(
    `INSERT INTO clients (id, display_name, contact, notes, search_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET
       display_name = excluded.display_name, contact = excluded.contact, notes = excluded.notes,
       search_key = excluded.search_key, updated_at = excluded.updated_at`,
    [
      client.id,
      client.displayName,
      client.contact,
      client.notes,
      clientSearchKey(client.displayName, client.contact),
      client.createdAt,
      client.updatedAt,
    ],
  )
}

export function findClient(db: Database, id: string): Client | null {
  const row = selectRows(
    db,
    'SELECT id, display_name, contact, notes, created_at, updated_at FROM clients WHERE id = ?',
    [id],
  )[0]
  if (!row) return null
  return {
    id: text(row[0]),
    displayName: text(row[1]),
    contact: textOrNull(row[2]),
    notes: text(row[3]),
    createdAt: text(row[4]),
    updatedAt: text(row[5]),
  }
}

/** Every client whose name or contact contains `query` (all clients for an empty query), by name. */
export function listClientSummaries(db: Database, query = ''): ClientSummary[] {
  const folded = foldForSearch(query.trim())
  const rows = selectRows(
    db,
    `SELECT c.id, c.display_name, c.contact, c.updated_at, COUNT(s.id), MAX(s.started_at)
     FROM clients c LEFT JOIN sessions s ON s.client_id = c.id
     WHERE ? = '' OR instr(c.search_key, ?) > 0
     GROUP BY c.id
     ORDER BY c.search_key, c.id`,
    [folded, folded],
  )
  return rows.map(toSummary)
}

function toSummary(row: SqlValue[]): ClientSummary {
  return {
    id: text(row[0]),
    displayName: text(row[1]),
    contact: textOrNull(row[2]),
    updatedAt: text(row[3]),
    sessionCount: Number(row[4]),
    lastSessionAt: textOrNull(row[5]),
  }
}

/** Removes the client and, through explicit deletes rather than trusting a pragma, every session. */
export function deleteClientRows(db: Database, id: string): void {
  db.run('DELETE FROM sessions WHERE client_id = ?', [id])
  db.run('DELETE FROM clients WHERE id = ?', [id])
}
