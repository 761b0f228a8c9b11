/**
 * Sessions as CSV for program reporting: one row per session, one column per role
 * fit. Built for spreadsheet programs: UTF-8 with a byte-order mark (so Excel reads
 * accents), every field quoted, CRLF line ends, and text that a spreadsheet would
 * run as a formula (= + - @, tab, carriage return) prefixed with a single quote.
 * The last three columns come from sessionOutcome, the same function that counts the
 * program summary's charts (src/domain/program-summary.ts), so the file and the charts agree.
 */
import { content } from '../content'
import { sessionOutcome } from '../domain/program-summary'
import { ROLE_IDS } from '../shared/roles'
import type { SessionWithClientName } from './session-table'

const BYTE_ORDER_MARK = '\uFEFF'
const FORMULA_TRIGGERS = /^[=+\-@\t\r]/

export const CSV_COLUMNS = [
  'session_id',
  'client_id',
  'client_name',
  'started_at',
  'completed_at',
  'locale',
  'content_version',
  'best_fit',
  ...ROLE_IDS.map((role) => `fit_${role}`),
  /** one, close, tie or none_stands_out (src/domain/lead.ts). */
  'lead',
  /** yes or no: every needed background item for the best fit is met. */
  'brings_background',
  /** The unmet needed background items for the best fit, by id, separated by "; ". */
  'gaps',
] as const

export function csvCell(value: string): string {
  const neutralised = FORMULA_TRIGGERS.test(value) ? `'${value}` : value
  return `"${neutralised.replaceAll('"', '""')}"`
}

function csvRow(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}

/** The whole file as a string; it starts with the byte-order mark, so write it out as UTF-8 unchanged. */
export function sessionsToCsv(sessions: readonly SessionWithClientName[]): string {
  const rows = sessions.map((session) => {
    const outcome = sessionOutcome(content, session)
    return csvRow([
      session.id,
      session.clientId,
      session.clientDisplayName,
      session.startedAt,
      session.completedAt ?? '',
      session.locale,
      session.result?.contentVersion ?? '',
      session.result?.bestFit ?? '',
      ...ROLE_IDS.map((role) => (session.result ? String(session.result.fits[role]) : '')),
      outcome?.lead ?? '',
      outcome ? (outcome.bringsBackground ? 'yes' : 'no') : '',
      outcome?.gaps.join('; ') ?? '',
    ])
  })
  return BYTE_ORDER_MARK + csvRow(CSV_COLUMNS) + rows.join('')
}
