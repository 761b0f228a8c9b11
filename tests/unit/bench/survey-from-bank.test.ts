import { Model } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { runScoreCommand } from '../../../cli/score-command'
import {
  parseQuestionBank,
  surveyFromBank,
  visibleIfExpression,
  type QuestionBank,
} from '../../../bench/peer/survey-from-bank'

/** The question bank exactly as `npm run score -- --questions` prints it. */
async function questionBank(): Promise<QuestionBank> {
  let stdout = ''
  const code = await runScoreCommand(['--questions'], {
    readFile: async () => ({ size: 0, bytes: new Uint8Array() }),
    stdout: (text) => (stdout += text),
    stderr: () => {},
  })
  expect(code).toBe(0)
  return parseQuestionBank(stdout)
}

const WORDS = { title: 'Health IT Role Finder', next: 'Next' }

describe('the SurveyJS peer of the question bank', () => {
  it('has one page per question, with the same words, kinds and options', async () => {
    const bank = await questionBank()
    const survey = surveyFromBank(bank, WORDS)
    expect(survey.pages).toHaveLength(bank.questions.length)
    expect(survey.pageNextText).toBe('Next')
    survey.pages.forEach((page, i) => {
      const q = bank.questions[i]!
      const [element] = page.elements
      expect(element.name).toBe(q.id)
      expect(element.title).toBe(q.prompt)
      expect(element.type).toBe(q.kind === 'multiple' ? 'checkbox' : 'radiogroup')
      expect(element.choices.map((c) => [c.value, c.text])).toEqual(q.options.map((o) => [o.id, o.label]))
    })
  })

  it('asks conditional questions on the same condition, and keeps "choose alone" options exclusive', async () => {
    const bank = await questionBank()
    const conditional = bank.questions.find((q) => q.askedOnlyIf)!
    const { question, anyOf } = conditional.askedOnlyIf!
    const model = new Model(surveyFromBank(bank, WORDS))
    expect(model.getQuestionByName(conditional.id).isVisible).toBe(false)
    model.setValue(question, anyOf[0])
    expect(model.getQuestionByName(conditional.id).isVisible).toBe(true)

    const alone = bank.questions.flatMap((q) => q.options.filter((o) => o.chooseAlone).map((o) => [q.id, o.id]))
    expect(alone.length).toBeGreaterThan(0)
    for (const [questionId, optionId] of alone) {
      const choice = model.getQuestionByName(questionId!).choices.find((c: { value: string }) => c.value === optionId)
      expect(choice.isExclusive, `${questionId}.${optionId}`).toBe(true)
    }
  })

  it("quotes option ids in SurveyJS's expression syntax", () => {
    expect(visibleIfExpression({ question: 'a', anyOf: ['yes', "it's"] })).toBe("{a} anyof ['yes', 'it\\'s']")
  })

  it('refuses a question bank it does not understand', () => {
    expect(() => parseQuestionBank('{"questions": []}')).toThrow(/no questions/)
    expect(() =>
      parseQuestionBank('{"questions": [{"id": "q", "kind": "slider", "prompt": "?", "options": []}]}'),
    ).toThrow(/unknown kind "slider"/)
  })
})
