/**
 * Turns the question bank that `npm run score -- --questions` prints into a SurveyJS survey
 * definition: the bench's peer, one page per question like ours, same words, same conditions.
 */

/** One question as `npm run score -- --questions` prints it (cli/score-command.ts). */
export interface BankQuestion {
  id: string
  section: string
  kind: 'single' | 'multiple' | 'likert'
  required: boolean
  prompt: string
  askedOnlyIf?: { question: string; anyOf: string[] }
  options: { id: string; label: string; chooseAlone?: boolean }[]
}

export interface QuestionBank {
  contentVersion: string
  questions: BankQuestion[]
}

interface SurveyChoice {
  value: string
  text: string
  isExclusive?: true
}

export interface SurveyQuestion {
  type: 'radiogroup' | 'checkbox'
  name: string
  title: string
  isRequired: boolean
  choices: SurveyChoice[]
  visibleIf?: string
}

export interface SurveyDefinition {
  title: string
  showQuestionNumbers: 'off'
  showProgressBar: true
  progressBarLocation: 'top'
  progressBarType: 'questions'
  checkErrorsMode: 'onNextPage'
  pageNextText: string
  pages: { name: string; elements: [SurveyQuestion] }[]
}

/** Reads and checks the CLI's JSON, so a change to its shape fails here with a plain message. */
export function parseQuestionBank(text: string): QuestionBank {
  const bank = JSON.parse(text) as QuestionBank
  if (!bank || !Array.isArray(bank.questions) || bank.questions.length === 0) {
    throw new Error('score --questions printed no questions')
  }
  for (const q of bank.questions) {
    if (typeof q.id !== 'string' || typeof q.prompt !== 'string' || !Array.isArray(q.options)) {
      throw new Error(`score --questions: question ${JSON.stringify(q?.id)} lacks an id, prompt or options`)
    }
    if (!['single', 'multiple', 'likert'].includes(q.kind)) {
      throw new Error(`score --questions: question ${q.id} has an unknown kind ${JSON.stringify(q.kind)}`)
    }
  }
  return bank
}

const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`

/** SurveyJS's expression for "asked only if `question` was answered with any of `anyOf`". */
export function visibleIfExpression(condition: { question: string; anyOf: string[] }): string {
  return `{${condition.question}} anyof [${condition.anyOf.map(quote).join(', ')}]`
}

/** `words`: the app's name and its Next button's label, so both pages show the same words. */
export function surveyFromBank(bank: QuestionBank, words: { title: string; next: string }): SurveyDefinition {
  return {
    title: words.title,
    // Ours shows no question numbers, a "Question n of N" step indicator on top, and checks on Next.
    showQuestionNumbers: 'off',
    showProgressBar: true,
    progressBarLocation: 'top',
    progressBarType: 'questions',
    checkErrorsMode: 'onNextPage',
    pageNextText: words.next,
    pages: bank.questions.map((q) => ({
      name: q.id,
      elements: [
        {
          type: q.kind === 'multiple' ? 'checkbox' : 'radiogroup',
          name: q.id,
          title: q.prompt,
          isRequired: q.required,
          choices: q.options.map((o) => ({
            value: o.id,
            text: o.label,
            ...(o.chooseAlone ? { isExclusive: true as const } : {}),
          })),
          ...(q.askedOnlyIf ? { visibleIf: visibleIfExpression(q.askedOnlyIf) } : {}),
        },
      ],
    })),
  }
}
