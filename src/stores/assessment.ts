/**
 * The assessment in progress: answers, where the person is, and the result.
 * Orchestrates only: questions, scoring and checks come from the domain, and
 * saving goes through the host.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { content } from '../content'
import { checkAnswer, checkAnswers } from '../domain/answers'
import { scoreAnswers } from '../domain/scoring'
import type { AnswerValue, Answers } from '../domain/types'
import { askedQuestions, withoutHiddenAnswers } from '../domain/visibility'
import { useHost } from '../host'
import { useKioskStore } from './kiosk'

export const useAssessmentStore = defineStore('assessment', () => {
  /** Every answer given, including to follow-ups no longer asked (kept in case the person changes back). */
  const answers = ref<Answers>({})
  const route = ref('/')
  const saveFailed = ref(false)

  /** Only the answers to questions now asked: what is scored and saved. */
  const givenAnswers = computed(() => withoutHiddenAnswers(content, answers.value))
  const questions = computed(() => askedQuestions(content, answers.value))
  const isComplete = computed(() => checkAnswers(content, givenAnswers.value).length === 0)
  const result = computed(() => (isComplete.value ? scoreAnswers(content, givenAnswers.value) : null))
  const answeredCount = computed(() => questions.value.filter((q) => givenAnswers.value[q.id] !== undefined).length)
  /** 1-based number of the first asked question still missing a valid answer; 0 when none. */
  const firstOpenQuestion = computed(() => {
    const index = questions.value.findIndex((q) => checkAnswer(q, givenAnswers.value[q.id]).length > 0)
    return index + 1
  })

  function setAnswer(questionId: string, value: AnswerValue | undefined): void {
    const next = { ...answers.value }
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[questionId]
    else next[questionId] = value
    answers.value = next
    void save()
  }

  function visit(path: string): void {
    if (route.value === path) return
    route.value = path
    void save()
  }

  async function save(): Promise<void> {
    // A kiosk keeps answers in memory only: the next person must find nothing.
    if (useKioskStore().enabled || Object.keys(givenAnswers.value).length === 0) return
    try {
      await useHost().saveProgress({
        schema: 1,
        savedAt: new Date().toISOString(),
        // A plain copy: reactive proxies cannot cross Electron's IPC.
        answers: JSON.parse(JSON.stringify(givenAnswers.value)) as Answers,
        route: route.value,
      })
      saveFailed.value = false
    } catch {
      // The answers stay in memory; the page says plainly that they are not saved.
      saveFailed.value = true
    }
  }

  /** Brings back a self-guided assessment left part-way; returns where the person was. */
  async function resume(): Promise<string | null> {
    try {
      const saved = await useHost().loadProgress()
      if (!saved) return null
      answers.value = saved.answers
      route.value = saved.route
      return saved.route
    } catch {
      return null
    }
  }

  /** Forgets everything, here and in storage, so the next person finds nothing. */
  async function startOver(): Promise<void> {
    answers.value = {}
    route.value = '/'
    try {
      await useHost().clearProgress()
      saveFailed.value = false
    } catch {
      saveFailed.value = true
    }
  }

  return {
    answers,
    route,
    saveFailed,
    givenAnswers,
    questions,
    isComplete,
    result,
    answeredCount,
    firstOpenQuestion,
    setAnswer,
    visit,
    resume,
    startOver,
  }
})
