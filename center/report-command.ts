/**
 * npm run center:report -- --url postgres://postgres@HOST:5432/DATABASE --from 2026-01-01 --to 2026-12-31
 *                          [--center CODE] [--out FILE.csv]
 *
 * The question statistics report for content owners, over one center or (without
 * --center) every center of the database, as CSV (standard output, or --out). It runs
 * center.question_report as a superuser; supervisors get their own center's report in the
 * app. It is for improving the questions, and says so in its first lines.
 */
import { writeFile } from 'node:fs/promises'
import { buildQuestionReport, questionReportCsv, type ReportRow } from '../src/center/question-report'
import { REPORT_CONTENT } from '../src/center/report-content'
import { connectCenter } from './pg-connection'
import { connectionTarget, parseArguments, plainConnectionProblem, UsageError } from './cli-connection'

const DAY = /^\d{4}-\d{2}-\d{2}$/

export async function runReportCommand(
  argv: readonly string[],
  out: (text: string) => void,
  err: (line: string) => void,
) {
  let parsed
  let target
  let from: string
  let to: string
  try {
    parsed = parseArguments(argv, [])
    target = connectionTarget(parsed.flags)
    const fromFlag = parsed.flags.get('from')
    const toFlag = parsed.flags.get('to')
    if (typeof fromFlag !== 'string' || !DAY.test(fromFlag) || typeof toFlag !== 'string' || !DAY.test(toFlag)) {
      throw new UsageError('Give --from and --to as days, e.g. --from 2026-01-01 --to 2026-06-30.')
    }
    if (fromFlag > toFlag) throw new UsageError('--from must not be after --to.')
    from = fromFlag
    to = toFlag
  } catch (error) {
    err(error instanceof Error ? error.message : String(error))
    return 2
  }
  const center = parsed.flags.get('center')
  let opened
  try {
    opened = await connectCenter(target, { statementTimeoutMs: 0 })
  } catch (error) {
    err(plainConnectionProblem(error))
    return 1
  }
  try {
    const { rows } = await opened.client.query(
      `SELECT section, role_id, question_id, option_id, item_count, n::float8 AS n, share, value
       FROM center.question_report($1, $2::date, $3::date, $4, $5::jsonb, $6::jsonb)`,
      [
        typeof center === 'string' ? center : null,
        from,
        to,
        REPORT_CONTENT.version,
        JSON.stringify(REPORT_CONTENT.items),
        JSON.stringify(REPORT_CONTENT.scale),
      ],
    )
    const name =
      typeof center === 'string'
        ? String((await opened.client.query('SELECT name FROM center.centers WHERE code = $1', [center])).rows[0]?.name)
        : 'All centers'
    const report = buildQuestionReport(
      rows.map((row): ReportRow => ({
        section: row.section,
        roleId: row.role_id,
        questionId: row.question_id,
        optionId: row.option_id,
        itemCount: row.item_count,
        n: Number(row.n),
        share: row.share,
        value: row.value,
      })),
      {
        from,
        to,
        contentVersion: REPORT_CONTENT.version,
        centerName: name,
        roleOrder: REPORT_CONTENT.roleOrder,
        questionOrder: REPORT_CONTENT.questionOrder,
      },
    )
    const csv = questionReportCsv(report)
    const file = parsed.flags.get('out')
    if (typeof file === 'string') {
      await writeFile(file, csv, 'utf8')
      err(`Wrote ${report.respondents} answer sets' statistics to ${file}.`)
    } else out(csv)
    return 0
  } catch (error) {
    const code = (error as { code?: string }).code
    err(code === '22023' ? (error as Error).message : plainConnectionProblem(error))
    return 1
  } finally {
    await opened.client.end().catch(() => undefined)
  }
}
