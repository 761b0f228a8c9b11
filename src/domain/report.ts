/**
 * A self-contained, language-specific account of a result: the shape printed by
 * the command line and kept with exports. Every number comes from the scoring result.
 */
import type { ContentTexts } from '../content/schema'
import type { Basis, Content, RoleId } from './types'
import type { AssessmentResult, Contribution } from './scoring'
import { explainRole } from './explain'
import { leadOf, type ResultLead } from './lead'
import type { Caution } from './cautions'

export interface ReportContribution {
  questionId: string
  question: string
  answer: string
  points: number
}

export interface ReportRequirement {
  id: string
  label: string
  met: boolean
  desirable: boolean
  /** "onc": ONC's page; "source": another named source (never ONC's); "ours": our own suggestion. */
  basis: Basis
  /** The source's id (content.sources) when basis is "source". */
  source?: string
  gap?: string
  close?: string
}

export interface ReportRole {
  roleId: RoleId
  name: string
  rank: number
  fit: number
  tiedWith: RoleId[]
  eligible: boolean
  ineligibleReason?: string
}

export interface Report {
  contentVersion: string
  bestFit: {
    roleId: RoleId
    name: string
    fit: number
    tiedWith: RoleId[]
    summary: string
    work: string[]
    background: string
    jobTitles: string[]
    exam: string | null
    readiness: { bringsBackground: boolean; requirements: ReportRequirement[] }
    explanation: {
      startingPoint: number
      raised: ReportContribution[]
      lowered: ReportContribution[]
      otherAnswers: number
    }
  }
  ranking: ReportRole[]
  closeRoles: RoleId[]
  /** What the result leads with: one role, close roles together, a tie, or none standing out. */
  lead: ResultLead
  cautions: Caution[]
}

export function answerLabel(content: Content, texts: ContentTexts, questionId: string, optionIds: string[]): string {
  const question = content.questions.find((q) => q.id === questionId)
  const labels = optionIds.map((id) =>
    question?.kind === 'likert' ? texts.likertScale[id] : texts.questions[questionId]?.options?.[id],
  )
  return labels.map((l, i) => l ?? optionIds[i]).join('; ')
}

export function buildReport(content: Content, texts: ContentTexts, result: AssessmentResult): Report {
  const best = result.ranking[0]!
  const role = content.roles.find((r) => r.id === best.roleId)!
  const roleText = texts.roles[best.roleId]!
  const explanation = explainRole(best)
  const describe = (c: Contribution): ReportContribution => ({
    questionId: c.questionId,
    question: texts.questions[c.questionId]?.short ?? c.questionId,
    answer: answerLabel(content, texts, c.questionId, c.optionIds),
    points: c.shownPoints,
  })
  return {
    contentVersion: result.contentVersion,
    bestFit: {
      roleId: best.roleId,
      name: roleText.name,
      fit: best.shownFit,
      tiedWith: best.tiedWith,
      summary: roleText.summary,
      work: roleText.work,
      background: roleText.background,
      jobTitles: roleText.jobTitles,
      exam: role.examId ? (texts.exams[role.examId] ?? null) : null,
      readiness: {
        bringsBackground: best.readiness.bringsBackground,
        requirements: best.readiness.checks.map((check) => {
          const words = roleText.requirements[check.id]!
          return {
            id: check.id,
            label: words.label,
            met: check.met,
            desirable: check.desirable,
            basis: check.basis,
            ...(check.source ? { source: check.source } : {}),
            ...(check.met ? {} : { gap: words.gap, close: words.close }),
          }
        }),
      },
      explanation: {
        startingPoint: explanation.shownBaseline,
        raised: explanation.raised.map(describe),
        lowered: explanation.lowered.map(describe),
        otherAnswers: explanation.otherPoints,
      },
    },
    ranking: result.ranking.map((s) => ({
      roleId: s.roleId,
      name: texts.roles[s.roleId]!.name,
      rank: s.rank,
      fit: s.shownFit,
      tiedWith: s.tiedWith,
      eligible: s.eligible,
      ...(s.eligible ? {} : { ineligibleReason: texts.roles[s.roleId]!.eligibility }),
    })),
    closeRoles: result.closeRoles,
    lead: leadOf(content, result),
    cautions: result.cautions,
  }
}
