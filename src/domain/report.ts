/**
 * The one result presenter: content, its words in one language, the answers and their
 * scoring result in; the view model out. The results page, the counselor's session page
 * and its printout, the compare page and `npm run score` (JSON and text) all render this,
 * so screens never score. Every number comes from the scoring result and from the
 * breakdown of the same sums (breakdownRole). New parts of a result (a rule, a wording)
 * are added here, once, for every one of them.
 */
import type { ContentTexts } from '../content/schema'
import type { Answers, Basis, Content, RoleId } from './types'
import { breakdownRole, type AssessmentResult, type Contribution } from './scoring'
import { explainRole } from './explain'
import { leadOf, type ResultLead } from './lead'
import type { Caution } from './cautions'

export interface ExplainedAnswer {
  questionId: string
  question: string
  answer: string
  points: number
}

export interface PresentedRequirement {
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

export interface RankedRole {
  roleId: RoleId
  name: string
  rank: number
  fit: number
  tiedWith: RoleId[]
  eligible: boolean
  /** Set when the role is not offered because the person meets this other role's eligibility. */
  excludedBy: RoleId | null
  ineligibleReason?: string
}

export interface ResultView {
  contentVersion: string
  bestFit: {
    roleId: RoleId
    name: string
    fit: number
    tiedWith: RoleId[]
    /** The names of every role shown as equal best, this one first; empty when none is. */
    equalNames: string[]
    summary: string
    work: string[]
    background: string
    jobTitles: string[]
    exam: string | null
    readiness: { bringsBackground: boolean; requirements: PresentedRequirement[] }
    /** startingPoint + raised + lowered + otherAnswers = fit, in whole points. */
    explanation: {
      startingPoint: number
      raised: ExplainedAnswer[]
      lowered: ExplainedAnswer[]
      otherAnswers: number
    }
  }
  ranking: RankedRole[]
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

export function presentResult(
  content: Content,
  texts: ContentTexts,
  answers: Answers,
  result: AssessmentResult,
): ResultView {
  const best = result.ranking[0]!
  const role = content.roles.find((r) => r.id === best.roleId)!
  const roleText = texts.roles[best.roleId]!
  const explanation = explainRole(breakdownRole(content, answers, best.roleId))
  const nameOf = (roleId: RoleId) => texts.roles[roleId]!.name
  const describe = (c: Contribution): ExplainedAnswer => ({
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
      equalNames: best.tiedWith.length ? [best.roleId, ...best.tiedWith].map(nameOf) : [],
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
      name: nameOf(s.roleId),
      rank: s.rank,
      fit: s.shownFit,
      tiedWith: s.tiedWith,
      eligible: s.eligible,
      excludedBy: s.excludedBy,
      ...(s.eligible ? {} : { ineligibleReason: texts.roles[s.roleId]!.eligibility }),
    })),
    closeRoles: result.closeRoles,
    lead: leadOf(content, result),
    cautions: result.cautions,
  }
}

/** One role's fit in two results, for the compare page. */
export interface FitChange {
  roleId: RoleId
  name: string
  before: number
  after: number
  change: number
}

/** Each role's shown fit then and now, in the roles file's order. */
export function compareResults(content: Content, then: ResultView, now: ResultView): FitChange[] {
  const fitIn = (view: ResultView) => new Map(view.ranking.map((r) => [r.roleId, r]))
  const [before, after] = [fitIn(then), fitIn(now)]
  return content.roles.map(({ id }) => {
    const old = before.get(id)?.fit ?? 0
    const fit = after.get(id)?.fit ?? 0
    return { roleId: id, name: after.get(id)?.name ?? id, before: old, after: fit, change: fit - old }
  })
}
