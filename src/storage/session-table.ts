/** SQL for the sessions table. Answers, notes and results are stored as JSON text. */
import type { Database, SqlValue } from 'sql.js'
import type { RoleId } from '../shared/roles'
import type { Session, SessionResult, SessionSummary } from '../shared/records'
import { selectRows, text, textOrNull } from './sql-helpers'

export function putSession(db: Database, session: Session): void {
  db.run(
    `INSERT INTO sessions (id, client_id, started_at, completed_at, locale, answers_json,
       counselor_notes_json, result_json, best_fit)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET
       client_id = excluded.client_id, started_at = excluded.started_at,
       completed_at = excluded.completed_at, locale = excluded.locale,
       answers_json = excluded.answers_json, counselor_notes_json = excluded.counselor_notes_json,
       result_json = excluded.result_json, best_fit = excluded.best_fit`,
    [
      session.id,
      session.clientId,
      session.startedAt,
      session.completedAt,
      session.locale,
      JSON.stringify(session.answers),
      JSON.stringify(session.counselorNotes),
      session.result === null ? null : JSON.stringify(session.result),
      session.result?.bestFit ?? null,
    ],
  )
}

const SESSION_COLUMNS =
  'id, client_id, started_at, completed_at, locale, answers_json, counselor_notes_json, result_json'

export function findSession(db: Database, id: string): Session | null {
  const row = selectRows(db, `SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`, [id])[0]
  return row ? toSession(row) : null
}

export function listSessionSummaries(db: Database, clientId: string): SessionSummary[] {
  const rows = selectRows(
    db,
    `SELECT id, client_id, started_at, completed_at, locale, best_fit
     FROM sessions WHERE client_id = ? ORDER BY started_at DESC, id`,
    [clientId],
  )
  return rows.map((row) => ({
    id: text(row[0]),
    clientId: text(row[1]),
    startedAt: text(row[2]),
    completedAt: textOrNull(row[3]),
    locale: text(row[4]),
    bestFit: textOrNull(row[5]) as RoleId | null,
  }))
}

export interface SessionWithClientName extends Session {
  clientDisplayName: string
}

/** Sessions started in [from, to) with their client's name, oldest first; both ends optional. */
export function listSessionsForExport(db: Database, from?: string, to?: string): SessionWithClientName[] {
  const rows = selectRows(
    db,
    `SELECT ${SESSION_COLUMNS.split(', ')
      .map((column) => `s.${column}`)
      .join(', ')}, c.display_name
     FROM sessions s JOIN clients c ON c.id = s.client_id
     WHERE (? IS NULL OR s.started_at >= ?) AND (? IS NULL OR s.started_at < ?)
     ORDER BY s.started_at, s.id`,
    [from ?? null, from ?? null, to ?? null, to ?? null],
  )
  return rows.map((row) => ({ ...toSession(row), clientDisplayName: text(row[8]) }))
}

/** How many sessions listSessionsForExport would return for the same range. */
export function countSessionsForExport(db: Database, from?: string, to?: string): number {
  const [row] = selectRows(
    db,
    `SELECT COUNT(*) FROM sessions s JOIN clients c ON c.id = s.client_id
     WHERE (? IS NULL OR s.started_at >= ?) AND (? IS NULL OR s.started_at < ?)`,
    [from ?? null, from ?? null, to ?? null, to ?? null],
  )
  return Number(row?.[0] ?? 0)
}

function toSession(row: SqlValue[]): Session {
  const resultJson = textOrNull(row[7])
  return {
    id: text(row[0]),
    clientId: text(row[1]),
    startedAt: text(row[2]),
    completedAt: textOrNull(row[3]),
    locale: text(row[4]),
    answers: JSON.parse(text(row[5])) as Session['answers'],
    counselorNotes: JSON.parse(text(row[6])) as Session['counselorNotes'],
    result: resultJson === null ? null : (JSON.parse(resultJson) as SessionResult),
  }
}
