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
import { explainForPerson, explainRole } from './explain'
import { leadOf, type ResultLead } from './lead'
import type { AnswerDifference } from './compare'
import type { Caution } from './cautions'
import { answerLabel } from './answer-label'

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
  /** The roles the result leads with (empty when none stands out), each with its training expectation. */
  leadRoles: LeadRole[]
  /** When no role stands out: the nearest roles, to explore. Never called a best fit. */
  exploreRoles: LeadRole[]
  /** "Why", worded for a person, for the first role in the lead (or the nearest role when none stands out). */
  why: PersonWhy
  cautions: Caution[]
}

/** A role the result leads with or suggests exploring: plain data for the lead, next steps and the printout. */
export interface LeadRole {
  roleId: RoleId
  name: string
  fit: number
  summary: string
  readiness: { bringsBackground: boolean; requirements: PresentedRequirement[] }
}

/** One answer that set two roles apart: `points` is what it gave this role minus the other, in shown points. */
export type ExplainedDifference = ExplainedAnswer

/**
 * What raised a role, what lowered it and how it compares with another role, from the same
 * contributions as the fit: startingPoint + Σ raised + Σ lowered + otherPoints = fit, and
 * comparison.startingGap + Σ forThis + Σ forOther + comparison.otherPoints = comparison.gap.
 */
export interface PersonWhy {
  roleId: RoleId
  name: string
  fit: number
  startingPoint: number
  raised: ExplainedAnswer[]
  lowered: ExplainedAnswer[]
  otherPoints: number
  comparison: {
    roleId: RoleId
    name: string
    fit: number
    /** This role's shown fit minus the other's (0 when equal; never negative for the lead role). */
    gap: number
    startingGap: number
    /** Answers that put this role ahead (positive points), largest first. */
    forThis: ExplainedDifference[]
    /** Answers that put the other role ahead (negative points), largest first. */
    forOther: ExplainedDifference[]
    otherPoints: number
  } | null
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
  const describe = (c: Contribution | AnswerDifference): ExplainedAnswer => ({
    questionId: c.questionId,
    question: texts.questions[c.questionId]?.short ?? c.questionId,
    answer: answerLabel(content, texts, c.questionId, c.optionIds),
    points: c.shownPoints,
  })
  const presentReadiness = (score: (typeof result.ranking)[number]) => ({
    bringsBackground: score.readiness.bringsBackground,
    requirements: score.readiness.checks.map((check): PresentedRequirement => {
      const words = texts.roles[score.roleId]!.requirements[check.id]!
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
  })
  const scoreOf = (roleId: RoleId) => result.ranking.find((s) => s.roleId === roleId)!
  const leadRole = (roleId: RoleId): LeadRole => {
    const score = scoreOf(roleId)
    return {
      roleId,
      name: nameOf(roleId),
      fit: score.shownFit,
      summary: texts.roles[roleId]!.summary,
      readiness: presentReadiness(score),
    }
  }
  const lead = leadOf(content, result)
  const person = explainForPerson(content, answers, result, best.roleId)
  const compared = person.comparison
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
      readiness: presentReadiness(best),
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
    lead,
    leadRoles: lead.roles.map(leadRole),
    exploreRoles: lead.explore.map(leadRole),
    why: {
      roleId: best.roleId,
      name: roleText.name,
      fit: best.shownFit,
      startingPoint: person.shownBaseline,
      raised: person.raised.map(describe),
      lowered: person.lowered.map(describe),
      otherPoints: person.otherPoints,
      comparison: compared
        ? {
            roleId: compared.second,
            name: nameOf(compared.second),
            fit: scoreOf(compared.second).shownFit,
            gap: compared.gap,
            startingGap: compared.startingGap,
            forThis: compared.forFirst.map(describe),
            forOther: compared.forSecond.map(describe),
            otherPoints: compared.otherPoints,
          }
        : null,
    },
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
