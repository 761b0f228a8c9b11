/**
 * Every screen and state of the app, each reachable from a fresh context: saved
 * progress is seeded where a screen needs earlier answers, and states inside a
 * screen (the error, the open table, the start-over question) are reached by keyboard.
 */
import type { Page } from '@playwright/test'
import type { Answers } from '../../../src/domain/types'
import { PERSONAS } from '../../fixtures/personas'
import {
  answersBefore,
  askedQuestionIds,
  contentWords,
  en,
  expect,
  openWithProgress,
  positionOf,
  roleName,
} from './app'
import { activate, mainHeading, nextButton } from './keyboard'

/** A person without a license: the license-only role shows as "not eligible" on the results. */
export const RESULTS_PERSONA = PERSONAS.find(
  (p) => p.expected === 'implementation_manager' && p.answers.license_held === 'no',
)!

/** Half the interest answers "Not sure", the rest all "Like": both cautions show. */
export const CAUTION_ANSWERS: Answers = (() => {
  const answers: Answers = { ...RESULTS_PERSONA.answers }
  const likert = askedQuestionIds(answers).filter((id) => id.startsWith('like_'))
  likert.forEach((id, index) => (answers[id] = index % 2 === 0 ? 'like' : 'not_sure'))
  return answers
})()

export interface Screen {
  name: string
  open(page: Page): Promise<void>
}

async function openResults(page: Page): Promise<void> {
  await openWithProgress(page, RESULTS_PERSONA.answers, '/results')
  await expect(page.locator('#best-fit-title')).toHaveText(roleName(RESULTS_PERSONA.expected))
}

async function openQuestion(page: Page, questionId: string, answer?: Answers[string]): Promise<void> {
  const answers = RESULTS_PERSONA.answers
  const seeded = { ...answersBefore(answers, questionId), ...(answer ? { [questionId]: answer } : {}) }
  await openWithProgress(page, seeded, `/question/${positionOf(answers, questionId)}`)
  await expect(mainHeading(page)).toHaveText(contentWords.questions[questionId]!.prompt)
}

/** The header's language switch, by keyboard; the page then says it is in Spanish. */
async function switchToSpanish(page: Page): Promise<void> {
  await activate(page, page.getByRole('button', { name: en.app.language.otherHint }))
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(page.getByRole('button', { name: en.app.language.otherHint })).toHaveCount(0)
}

export const SCREENS: Screen[] = [
  {
    name: 'welcome',
    async open(page) {
      await page.goto('./')
      await expect(page.getByRole('link', { name: en.welcome.start, exact: true })).toBeVisible()
    },
  },
  {
    name: 'welcome-with-progress',
    async open(page) {
      await openQuestion(page, 'health_work')
      await activate(page, page.getByRole('link', { name: en.app.name, exact: true }), 'backward')
      await expect(page.getByRole('button', { name: en.welcome.resume })).toBeVisible()
    },
  },
  {
    name: 'question-single',
    async open(page) {
      await page.goto('./#/question/1')
      await expect(mainHeading(page)).toHaveText(contentWords.questions.license_held!.prompt)
    },
  },
  {
    name: 'question-multiple',
    open: (page) => openQuestion(page, 'health_work', ['clinical', 'administration']),
  },
  {
    name: 'question-likert',
    open: (page) => openQuestion(page, 'like_clinician_workflow', 'like'),
  },
  {
    name: 'question-error',
    async open(page) {
      await page.goto('./#/question/1')
      await activate(page, nextButton(page))
      await expect(page.locator('.error-summary')).toBeFocused()
    },
  },
  {
    name: 'review',
    async open(page) {
      await openWithProgress(page, RESULTS_PERSONA.answers, '/review')
      await expect(page.getByRole('button', { name: en.review.seeResult })).toBeVisible()
    },
  },
  { name: 'results', open: openResults },
  {
    name: 'results-table',
    async open(page) {
      await openResults(page)
      await activate(page, page.getByText(en.results.all.showTable))
      await expect(page.getByRole('table', { name: en.results.all.tableCaption })).toBeVisible()
    },
  },
  {
    name: 'results-start-over',
    async open(page) {
      await openResults(page)
      await activate(page, page.getByRole('button', { name: en.startOver.label, exact: true }))
      await expect(page.getByRole('group', { name: en.startOver.confirmTitle })).toBeFocused()
    },
  },
  {
    name: 'results-cautions',
    async open(page) {
      await openWithProgress(page, CAUTION_ANSWERS, '/results')
      // Both cautions share one panel: one heading, a paragraph each.
      await expect(page.getByRole('heading', { name: en.results.caution.title })).toHaveCount(1)
      await expect(page.getByRole('region', { name: en.results.caution.title }).locator('p')).toHaveCount(2)
    },
  },
  {
    name: 'results-not-ready',
    async open(page) {
      await page.goto('./#/results')
      await expect(page.getByText(en.results.notReady)).toBeVisible()
    },
  },
  {
    name: 'roles',
    async open(page) {
      await page.goto('./#/roles')
      await expect(mainHeading(page)).toHaveText(en.roles.title)
    },
  },
  {
    name: 'role',
    async open(page) {
      await page.goto('./#/roles/clinical_consultant')
      await expect(mainHeading(page)).toHaveText(roleName('clinical_consultant'))
    },
  },
  {
    name: 'role-unknown',
    async open(page) {
      await page.goto('./#/roles/no_such_role')
      await expect(mainHeading(page)).toHaveText(en.roles.notFound)
    },
  },
  {
    name: 'welcome-es',
    async open(page) {
      await page.goto('./')
      await switchToSpanish(page)
    },
  },
  {
    name: 'results-es',
    async open(page) {
      await openResults(page)
      await switchToSpanish(page)
    },
  },
  {
    name: 'not-found',
    async open(page) {
      await page.goto('./#/no/such/page')
      await expect(mainHeading(page)).toHaveText(en.notFound.title)
    },
  },
]
