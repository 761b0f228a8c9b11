/**
 * The assessment in progress: answers, where the person is, and the result.
 * Orchestrates only: questions, scoring and checks come from the domain, and
 * saving goes through the host: as self-guided progress, or to a client's record
 * while a counselor guides the session (guided.ts).
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { content } from '../content'
import { checkAnswer, checkAnswers } from '../domain/answers'
import type { AssessmentResult, scoreAnswers } from '../domain/scoring'
import type { AnswerValue, Answers } from '../domain/types'
import { askedQuestions, withoutHiddenAnswers } from '../domain/visibility'
import { useHost } from '../host'
import type { SavedProgress } from '../shared/host-contract'
import { hostErrorOf, type HostErrorInfo } from '../shared/errors'
import { loadOnce } from '../shared/load-once'
import { useAnonymousStatsStore } from './anonymous-stats'
import { useGuidedStore } from './guided'
import { useKioskStore } from './kiosk'
import { usePreferencesStore } from './preferences'

export const useAssessmentStore = defineStore('assessment', () => {
  /** Every answer given, including to follow-ups no longer asked (kept in case the person changes back). */
  const answers = ref<Answers>({})
  const route = ref('/')
  const saveFailed = ref(false)
  /** Why a guided save failed: the host's code, for the page to word. Null for self-guided progress (the page says it plainly). */
  const saveProblem = ref<HostErrorInfo | null>(null)
  /**
   * Progress an earlier visit saved, held aside (not in `answers`) until the person chooses
   * Continue: on a shared computer the welcome screen asks first and shows none of it.
   */
  const heldProgress = ref<Pick<SavedProgress, 'answers' | 'route'> | null>(null)
  // Saves run one after another, so a session is created once and then updated.
  let saving: Promise<void> = Promise.resolve()

  /** Only the answers to questions now asked: what is scored and saved. */
  const givenAnswers = computed(() => withoutHiddenAnswers(content, answers.value))
  const questions = computed(() => askedQuestions(content, answers.value))
  const isComplete = computed(() => checkAnswers(content, givenAnswers.value).length === 0)
  /**
   * The scoring engine is not in the start-up script: it loads before the screens that show
   * the result (their routes' beforeEnter, src/router) and before a guided save of a finished
   * session (`scoredResult`).
   */
  const scorer = shallowRef<typeof scoreAnswers | null>(null)
  const loadScoring = loadOnce(async () => {
    scorer.value = (await import('../domain/scoring')).scoreAnswers
  })
  /** The result once every question is answered and the engine has loaded; null before. */
  const result = computed(() => (isComplete.value && scorer.value ? scorer.value(content, givenAnswers.value) : null))
  /** The result of the answers given, loading the engine first if need be: null until every question is answered. */
  async function scoredResult(): Promise<AssessmentResult | null> {
    if (!isComplete.value) return null
    await loadScoring()
    return result.value
  }
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
    // A guided session is saved as answers change; the screen it is on is not part of the record.
    if (!useGuidedStore().session) void save()
    if (path === '/results') noteCompleted().catch(() => undefined)
  }

  /** Outside a counselor session, a result reached may go to the center's anonymous statistics (when on). */
  async function noteCompleted(): Promise<void> {
    if (useGuidedStore().session) return
    const scored = await scoredResult()
    if (scored) await useAnonymousStatsStore().completed(givenAnswers.value, scored, usePreferencesStore().locale)
  }

  /** Saves after every earlier save, to the client's record in a guided session, else as progress. */
  function save(): Promise<void> {
    saving = saving.then(() => (useGuidedStore().session ? saveGuided() : saveProgress()))
    return saving
  }

  /** Resolves once every save asked for so far has finished. */
  function settled(): Promise<void> {
    return saving
  }

  function noteSaveOutcome(error: unknown, worded = true): void {
    saveFailed.value = error !== null
    saveProblem.value = error === null || !worded ? null : hostErrorOf(error)
  }

  async function saveGuided(): Promise<void> {
    try {
      await useGuidedStore().saveAnswers()
      noteSaveOutcome(null)
    } catch (error) {
      // The answers stay in memory and on screen; the banner says the record is not saved.
      noteSaveOutcome(error)
    }
  }

  async function saveProgress(): Promise<void> {
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
      noteSaveOutcome(null)
    } catch (error) {
      // The answers stay in memory; the page says plainly that they are not saved.
      noteSaveOutcome(error, false)
    }
  }

  /** Puts these answers in place of the current ones and starts from the first screen (guided sessions). */
  function replaceAnswers(next: Answers): void {
    useAnonymousStatsStore().reset()
    // A guided session's answers are never swapped for progress held from self-guided use
    // (that stays saved on the computer and is asked about at the next start-up).
    heldProgress.value = null
    answers.value = next
    route.value = '/'
  }

  /**
   * Finds a self-guided assessment left part-way and holds it aside for the welcome screen's
   * "Continue, or start over?". Returns null so start-up goes nowhere on its own; a start-up
   * on a resumable address (a reload) continues at once (App.vue).
   */
  async function resume(): Promise<string | null> {
    try {
      const saved = await useHost().loadProgress()
      heldProgress.value = saved && Object.keys(saved.answers).length > 0 ? saved : null
    } catch {
      heldProgress.value = null
    }
    return null
  }

  /** The person chose Continue: the held answers come back; returns where they were. */
  function continueHeld(): string {
    const held = heldProgress.value
    if (!held) return route.value
    heldProgress.value = null
    answers.value = held.answers
    route.value = held.route
    return held.route
  }

  /** Forgets everything, here and in storage, so the next person finds nothing. */
  async function startOver(): Promise<void> {
    useAnonymousStatsStore().reset()
    heldProgress.value = null
    answers.value = {}
    route.value = '/'
    try {
      await useHost().clearProgress()
      noteSaveOutcome(null)
    } catch (error) {
      noteSaveOutcome(error)
    }
  }

  return {
    answers,
    route,
    saveFailed,
    saveProblem,
    heldProgress,
    givenAnswers,
    questions,
    isComplete,
    result,
    loadScoring,
    scoredResult,
    answeredCount,
    firstOpenQuestion,
    setAnswer,
    visit,
    resume,
    continueHeld,
    startOver,
    save,
    settled,
    replaceAnswers,
  }
})
