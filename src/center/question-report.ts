/**
 * The question statistics report as the screens and the CSV file show it, built from the
 * long-form rows center.question_report_core returns (see 003_anonymous_statistics.sql).
 * Platform-free. The CSV follows the project's conventions (sessions-csv.ts): UTF-8 with a
 * byte-order mark, every field quoted, CRLF, text cells starting with = + - @ neutralised.
 */
import type { QuestionReport } from '../shared/center-contract'
import { csvCell } from '../storage/sessions-csv'

export interface ReportRow {
  section: string
  roleId: string | null
  questionId: string | null
  optionId: string | null
  itemCount: number | null
  n: number
  share: number | null
  value: number | null
}

export interface ReportMeta {
  from: string
  to: string
  contentVersion: string
  centerName: string
  /** Roles in the order to show them (every role gets a best-fit line, even at 0). */
  roleOrder: readonly string[]
  /** Questions in the order to show them; others follow by id. */
  questionOrder: readonly string[]
}

function byOrder(order: readonly string[]): (a: string, b: string) => number {
  const rank = new Map(order.map((id, index) => [id, index]))
  return (a, b) => (rank.get(a) ?? order.length) - (rank.get(b) ?? order.length) || a.localeCompare(b)
}

export function buildQuestionReport(rows: readonly ReportRow[], meta: ReportMeta): QuestionReport {
  const byQuestion = byOrder(meta.questionOrder)
  const byRole = byOrder([...meta.roleOrder, 'none'])
  const of = (section: string) => rows.filter((row) => row.section === section)
  const respondents = of('respondents')[0]?.n ?? 0

  const bestFitCounts = new Map(of('best_fit').map((row) => [row.roleId ?? 'none', row.n]))
  const bestFit = [...new Set([...meta.roleOrder, ...bestFitCounts.keys()])]
    .filter((roleId) => roleId !== 'none' || bestFitCounts.has('none'))
    .sort(byRole)
    .map((roleId) => {
      const count = bestFitCounts.get(roleId) ?? 0
      return { roleId, count, share: respondents > 0 ? count / respondents : 0 }
    })

  const itemRest = of('item_rest')
  const roles = of('alpha')
    .map((row) => row.roleId ?? '')
    .sort(byRole)
    .map((roleId) => {
      const alpha = of('alpha').find((row) => row.roleId === roleId)!
      return {
        roleId,
        items: alpha.itemCount ?? 0,
        respondents: alpha.n,
        alpha: alpha.value,
        itemRest: itemRest
          .filter((row) => row.roleId === roleId)
          .map((row) => ({ questionId: row.questionId ?? '', respondents: row.n, correlation: row.value }))
          .sort((a, b) => byQuestion(a.questionId, b.questionId)),
      }
    })

  return {
    from: meta.from,
    to: meta.to,
    contentVersion: meta.contentVersion,
    centerName: meta.centerName,
    respondents,
    answers: of('answers')
      .map((row) => ({
        questionId: row.questionId ?? '',
        optionId: row.optionId ?? '',
        count: row.n,
        share: row.share ?? 0,
      }))
      .sort((a, b) => byQuestion(a.questionId, b.questionId) || a.optionId.localeCompare(b.optionId)),
    bestFit,
    roles,
    noDisagreement: of('no_disagreement')
      .map((row) => ({ questionId: row.questionId ?? '', respondents: row.n, agreeShare: row.share ?? 0 }))
      .sort((a, b) => byQuestion(a.questionId, b.questionId)),
  }
}

const BYTE_ORDER_MARK = '\uFEFF'

export const REPORT_CSV_COLUMNS = [
  'section',
  'role_id',
  'question_id',
  'option_id',
  'item_count',
  'count',
  'share',
  'value',
] as const

/**
 * A number we formatted ourselves cannot be a formula, so a negative one (an item that
 * works against its role is exactly what this report is for) stays a number in the
 * spreadsheet instead of being turned into text.
 */
function numberCell(value: number | null, digits = 4): string {
  return value === null || !Number.isFinite(value) ? '""' : `"${value.toFixed(digits)}"`
}

function countCell(value: number | null): string {
  return value === null ? '""' : `"${Math.round(value)}"`
}

function line(cells: string[]): string {
  return `${cells.join(',')}\r\n`
}

export function questionReportCsv(report: QuestionReport): string {
  const text = (value: string | null | undefined) => csvCell(value ?? '')
  const lines: string[] = [line(REPORT_CSV_COLUMNS.map((column) => csvCell(column)))]
  const about = (what: string, value: string) =>
    lines.push(line([text('about'), text(''), text(''), text(what), text(''), text(''), text(''), text(value)]))
  about('purpose', 'For improving the questions; not about any one person.')
  about('center', report.centerName)
  about('from', report.from)
  about('to', report.to)
  about('content_version', report.contentVersion)
  lines.push(
    line([text('respondents'), text(''), text(''), text(''), text(''), countCell(report.respondents), '""', '""']),
  )
  for (const row of report.answers) {
    lines.push(
      line([
        text('answers'),
        text(''),
        text(row.questionId),
        text(row.optionId),
        text(''),
        countCell(row.count),
        numberCell(row.share),
        '""',
      ]),
    )
  }
  for (const row of report.bestFit) {
    lines.push(
      line([
        text('best_fit'),
        text(row.roleId),
        text(''),
        text(''),
        text(''),
        countCell(row.count),
        numberCell(row.share),
        '""',
      ]),
    )
  }
  for (const role of report.roles) {
    lines.push(
      line([
        text('alpha'),
        text(role.roleId),
        text(''),
        text(''),
        countCell(role.items),
        countCell(role.respondents),
        '""',
        numberCell(role.alpha),
      ]),
    )
    for (const item of role.itemRest) {
      lines.push(
        line([
          text('item_rest'),
          text(role.roleId),
          text(item.questionId),
          text(''),
          countCell(role.items),
          countCell(item.respondents),
          '""',
          numberCell(item.correlation),
        ]),
      )
    }
  }
  for (const row of report.noDisagreement) {
    lines.push(
      line([
        text('no_disagreement'),
        text(''),
        text(row.questionId),
        text(''),
        text(''),
        countCell(row.respondents),
        numberCell(row.agreeShare),
        '""',
      ]),
    )
  }
  return BYTE_ORDER_MARK + lines.join('')
}
