/** The report as screens and CSV show it, and which content items it measures. */
import { describe, expect, it } from 'vitest'
import questions from '../../../src/content/questions.json'
import scoring from '../../../src/content/scoring.json'
import type { QuestionsFile, ScoringFile } from '../../../src/content/schema'
import { interestItems, scaleScores } from '../../../src/center/question-items'
import { buildQuestionReport, questionReportCsv, type ReportRow } from '../../../src/center/question-report'
import { REPORT_CONTENT } from '../../../src/center/report-content'

const row = (section: string, fields: Partial<ReportRow>): ReportRow => ({
  section,
  roleId: null,
  questionId: null,
  optionId: null,
  itemCount: null,
  n: 0,
  share: null,
  value: null,
  ...fields,
})

const ROWS: ReportRow[] = [
  row('respondents', { n: 4 }),
  row('answers', { questionId: 'q2', optionId: 'like', n: 3, share: 0.75 }),
  row('answers', { questionId: 'q1', optionId: 'yes', n: 4, share: 1 }),
  row('best_fit', { roleId: 'trainer', n: 3, share: 0.75 }),
  row('best_fit', { roleId: null, n: 1, share: 0.25 }),
  row('alpha', { roleId: 'trainer', itemCount: 2, n: 4, value: 0.61 }),
  row('item_rest', { roleId: 'trainer', questionId: 'q2', itemCount: 2, n: 4, value: -0.125 }),
  row('item_rest', { roleId: 'trainer', questionId: 'q1', itemCount: 2, n: 4, value: null }),
  row('no_disagreement', { questionId: 'q2', n: 4, share: 0.75 }),
]
const META = {
  from: '2026-01-01',
  to: '2026-03-31',
  contentVersion: '2026.11.1',
  centerName: '=HYPERLINK("x") Center',
  roleOrder: ['technical_support', 'trainer'],
  questionOrder: ['q1', 'q2'],
}

describe('buildQuestionReport', () => {
  it('orders by the content, shows every role’s best fit (0 when none), and keeps "none"', () => {
    const report = buildQuestionReport(ROWS, META)
    expect(report.respondents).toBe(4)
    expect(report.answers.map((answer) => answer.questionId)).toEqual(['q1', 'q2'])
    expect(report.bestFit).toEqual([
      { roleId: 'technical_support', count: 0, share: 0 },
      { roleId: 'trainer', count: 3, share: 0.75 },
      { roleId: 'none', count: 1, share: 0.25 },
    ])
    expect(report.roles).toEqual([
      {
        roleId: 'trainer',
        items: 2,
        respondents: 4,
        alpha: 0.61,
        itemRest: [
          { questionId: 'q1', respondents: 4, correlation: null },
          { questionId: 'q2', respondents: 4, correlation: -0.125 },
        ],
      },
    ])
    expect(report.noDisagreement).toEqual([{ questionId: 'q2', respondents: 4, agreeShare: 0.75 }])
  })
})

describe('questionReportCsv', () => {
  const csv = questionReportCsv(buildQuestionReport(ROWS, META))
  const lines = csv.split('\r\n')

  it('is UTF-8 with a byte-order mark, every field quoted, CRLF line ends, and says what it is for', () => {
    expect(csv.startsWith('\uFEFF"section","role_id"')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(lines).toContain('"about","","","purpose","","","","For improving the questions; not about any one person."')
    for (const line of lines.filter(Boolean))
      expect(line.replace(/^\uFEFF/, '')).toMatch(/^"[^"]*(""[^"]*)*"(,"([^"]|"")*")*$/)
  })

  it('neutralises text a spreadsheet would run, but keeps negative numbers as numbers', () => {
    expect(lines).toContain(`"about","","","center","","","","'=HYPERLINK(""x"") Center"`)
    expect(lines).toContain('"item_rest","trainer","q2","","2","4","","-0.1250"')
    expect(lines).toContain('"item_rest","trainer","q1","","2","4","",""')
  })
})

describe('the content the report measures', () => {
  it('takes each scale question as an item of every role it weighs', () => {
    const items = interestItems(questions as QuestionsFile)
    expect(items).toContainEqual({ role: 'trainer', question: 'like_teach_class', sign: 1 })
    expect(items).toContainEqual({ role: 'implementation_support', question: 'like_plain_words', sign: 1 })
    expect(items.some((item) => item.question === 'teaching')).toBe(false) // a choice question, not a scale item
    const likert = (questions as QuestionsFile).questions.filter((question) => question.kind === 'likert')
    const weighed = likert.flatMap((question) =>
      Object.values((question as { weights: object }).weights).filter(Boolean),
    )
    expect(items).toHaveLength(weighed.length)
  })

  it('counts an item against a role reversed, and leaves "not sure" off the scale', () => {
    const reversed = interestItems({
      questions: [
        {
          id: 'like_x',
          section: 'interests',
          kind: 'likert',
          required: true,
          weights: { trainer: -2, technical_support: 0 },
        },
      ],
    } as QuestionsFile)
    expect(reversed).toEqual([{ role: 'trainer', question: 'like_x', sign: -1 }])
    expect(scaleScores(scoring as ScoringFile)).toEqual({
      strongly_dislike: -1,
      dislike: -0.5,
      neutral: 0,
      like: 0.5,
      strongly_like: 1,
    })
    expect(REPORT_CONTENT.version).toBe((scoring as ScoringFile).version)
  })
})
