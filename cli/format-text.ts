import type { ContentTexts } from '../src/content/schema'
import type { ResultView } from '../src/domain/report'
import type { Content } from '../src/domain/types'

const BAR_WIDTH = 20

function bar(fit: number): string {
  const filled = Math.round((fit / 100) * BAR_WIDTH)
  return '#'.repeat(filled) + '.'.repeat(BAR_WIDTH - filled)
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points)
}

/** The result's view model (src/domain/report.ts) as plain text for a terminal. */
export function formatReportText(report: ResultView): string {
  const best = report.bestFit
  const lines: string[] = [`Best fit: ${best.name} (fit ${best.fit} of 100)`, '', best.summary, '']
  if (best.tiedWith.length) {
    const names = report.ranking.filter((r) => best.tiedWith.includes(r.roleId)).map((r) => r.name)
    lines.push(`Equal fit: ${names.join(', ')}`, '')
  }
  lines.push(`Background this role expects: ${best.background}`, '', 'Training:')
  lines.push(
    best.readiness.bringsBackground
      ? '  You seem to bring the background listed below. ONC expected training to take six months or less for people with an appropriate background.'
      : '  ONC expected training to take six months or less for people with an appropriate background. You may need to close these gaps first, so it may take longer:',
  )
  for (const req of best.readiness.requirements) {
    const source = req.basis === 'ours' ? ' (our suggestion, not from ONC)' : ''
    lines.push(`  [${req.met ? 'x' : ' '}] ${req.label}${source}`)
    if (!req.met) lines.push(`      ${req.gap} ${req.close}`)
  }
  if (best.exam) lines.push('', `Exam created for this role: ${best.exam}.`)
  lines.push('', `Job titles you may see today (our matching, not ONC's): ${best.jobTitles.join('; ')}`, '')
  lines.push(
    'Why this fit:',
    `  ${String(best.explanation.startingPoint).padStart(4)}  starting point (if no answer counted)`,
  )
  for (const c of [...best.explanation.raised, ...best.explanation.lowered]) {
    lines.push(`  ${signed(c.points).padStart(4)}  ${c.question}: ${c.answer}`)
  }
  if (best.explanation.otherAnswers)
    lines.push(`  ${signed(best.explanation.otherAnswers).padStart(4)}  all other answers`)
  lines.push(`  ${String(best.fit).padStart(4)}  fit`, '', 'All roles:')
  for (const r of report.ranking) {
    const note = r.eligible ? (r.tiedWith.length ? ' (equal)' : '') : ` (not eligible: ${r.ineligibleReason})`
    lines.push(`  ${r.rank}. ${r.name.padEnd(44)} ${String(r.fit).padStart(3)} ${bar(r.fit)}${note}`)
  }
  if (report.closeRoles.length) {
    lines.push('', 'Close behind: one person may fill several of these roles, especially at safety-net providers.')
  }
  for (const c of report.cautions) {
    lines.push(
      '',
      c.kind === 'same_answers'
        ? `Caution: you gave the same answer to all ${c.count} "like" questions${c.count < c.of ? ' you were sure about' : ''}, so this result may not be reliable.`
        : `Caution: you were not sure about ${c.count} of ${c.of} "like" questions, so this result may not be reliable.`,
    )
  }
  return lines.join('\n') + '\n'
}

export function formatQuestionBank(content: Content, texts: ContentTexts): string {
  const lines: string[] = [`Question bank (content ${content.version})`, '']
  for (const q of content.questions) {
    const words = texts.questions[q.id]!
    const rule = [q.kind === 'multiple' ? 'list of ids' : 'one id', q.required ? 'required' : 'optional']
    if (q.showIf) rule.push(`asked only if ${q.showIf.question} is ${q.showIf.anyOf.join(' or ')}`)
    lines.push(`${q.id}  (${rule.join(', ')})`, `  ${words.prompt}`)
    for (const o of q.options) {
      const label = q.kind === 'likert' ? texts.likertScale[o.id] : words.options?.[o.id]
      lines.push(`    ${o.id.padEnd(18)} ${label}${o.exclusive ? ' (choose alone)' : ''}`)
    }
    lines.push('')
  }
  return lines.join('\n')
}
