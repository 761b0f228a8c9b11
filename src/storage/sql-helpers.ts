/** Small wrappers over sql.js statements, so every query frees what it prepares. */
import type { BindParams, Database, SqlValue } from 'sql.js'

export function selectRows(db: Database, sql: string, params: BindParams = []): SqlValue[][] {
  const statement = db.prepare(sql)
  try {
    statement.bind(params)
    const rows: SqlValue[][] = []
    while (statement.step()) rows.push(statement.get())
    return rows
  } finally {
    statement.free()
  }
}

/** Runs `work` in one transaction: all of its changes or none. */
export function inTransaction<T>(db: Database, work: () => T): T {
  db.run('BEGIN')
  try {
    const result = work()
    db.run('COMMIT')
    return result
  } catch (error) {
    db.run('ROLLBACK')
    throw error
  }
}

export function text(value: SqlValue | undefined): string {
  if (typeof value !== 'string') throw new Error(`Expected text in the database, found ${typeof value}`)
  return value
}

export function textOrNull(value: SqlValue | undefined): string | null {
  return value === null || value === undefined ? null : text(value)
}
