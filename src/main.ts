import { createPinia } from 'pinia'
import { createSSRApp, watch } from 'vue'
import '@fontsource/atkinson-hyperlegible/400.css'
import '@fontsource/atkinson-hyperlegible/700.css'
import './styles/main.css'
import './styles/prerender.css'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { createAppRouter, isResumable } from './router'
import { useAssessmentStore } from './stores/assessment'
import { initHost } from './host'
import { describePageError, reportPageErrors } from './host/page-errors'
import { tellHostTheLanguage } from './host/interface-language'
import { useGuidedStore } from './stores/guided'
import { useKioskStore } from './stores/kiosk'
import { usePreferencesStore } from './stores/preferences'
import { showStartupProblem } from './startup-problem'
import { isAppDocumentPath } from './shared/app-document'
import { takeOverPrerender } from './prerender/take-over'
import { loadLaterEnglishTexts } from './content'

// An SSR app hydrates the pre-rendered screen it mounts on (index.html, src/prerender/),
// and renders afresh into an empty container.
const app = createSSRApp(App)
const pinia = createPinia()
const router = createAppRouter()
const i18n = createAppI18n()
app.use(pinia).use(i18n)
void usePreferencesStore(pinia).bindI18n(i18n)

const store = useAssessmentStore(pinia)
// The words of screens other than the welcome screen and the questions are not in the
// start-up script: they load when such a screen is first opened, beside its own code
// (started before the screen's code is fetched, awaited once it is).
const FIRST_SCREENS = new Set(['welcome', 'question'])
const needsLaterWords = (name: unknown) => !FIRST_SCREENS.has(String(name))
router.beforeEach((to) => {
  if (needsLaterWords(to.name)) i18n.loadLaterWords().catch(() => undefined)
})
router.beforeResolve(async (to) => {
  if (needsLaterWords(to.name)) await i18n.loadLaterWords()
  // The start-up script has the English words of question 1 only (src/content/text-parts.ts).
  else if (to.name === 'question' && to.params.number !== '1') await loadLaterEnglishTexts()
})
router.afterEach((to) => {
  if (isResumable(to.path)) store.visit(to.path)
})

/**
 * Asks the host where the person left off, opens the router straight on the screen to
 * show (one navigation: the welcome screen is never made first when the app resumes on a
 * question), then mounts. Not a top-level await: code loaded on demand (validators,
 * another language) imports helpers from this start-up chunk, and would wait forever for
 * a chunk still awaiting at its top level.
 */
async function start(): Promise<void> {
  const host = await initHost()
  reportPageErrors(app, host)
  tellHostTheLanguage(i18n.locale, host)
  const info = await host.getAppInfo()
  const kiosk = useKioskStore(pinia)
  kiosk.configure(info)
  // The host answers an unknown address with this page (and status 404): say so, resume nothing.
  const unknownAddress = !isAppDocumentPath(window.location.pathname)
  // Self-guided use: coming back after a reload or a closed window resumes where the person was,
  // in the language chosen. A kiosk starts fresh every time.
  const [resumeAt] = await Promise.all([
    info.kiosk || unknownAddress ? null : store.resume(),
    info.kiosk ? null : usePreferencesStore(pinia).restore(),
  ])
  const opening = router.resolve(router.options.history.location)
  if (unknownAddress) await router.replace({ name: 'not-found', params: { pathMatch: ['not-found'] } })
  else if (resumeAt && isResumable(resumeAt) && opening.path === '/') await router.replace(resumeAt)
  else await router.replace(opening.fullPath)
  // Installed after the first navigation, so the router does not start one of its own.
  app.use(router)

  const firstVisit =
    !kiosk.enabled &&
    i18n.locale.value === 'en' &&
    Object.keys(store.answers).length === 0 &&
    store.heldProgress === null &&
    !useGuidedStore(pinia).session
  const { container, kept, checkedEarly } = takeOverPrerender(router.currentRoute.value.path, firstVisit)
  app.mount(container)
  // createApp marks its container so; createSSRApp does not. Tests and the bench wait on it.
  container.setAttribute('data-v-app', '')
  // A choice made on the pre-rendered question 1 before the app started is kept, not lost.
  // Given after hydration, which must see the markup as it was rendered (no answer yet).
  const first = store.questions[0]
  if (kept === '/question/1' && first && checkedEarly.length > 0)
    store.setAnswer(first.id, first.kind === 'multiple' ? checkedEarly : checkedEarly[0])
  // The other questions' words are fetched once there is an answer, so that Next on question 1
  // does not wait for them, and a visit that ends before any answer never downloads them.
  const fetchLaterTexts = () => loadLaterEnglishTexts().catch(() => undefined)
  const hasAnswers = () => Object.keys(store.answers).length > 0
  if (hasAnswers()) void fetchLaterTexts()
  else {
    const stop = watch(hasAnswers, () => {
      stop()
      void fetchLaterTexts()
    })
  }
}

start().catch((error: unknown) => {
  console.error(error)
  window.api?.logError(describePageError('error', error, 'start-up')).catch(() => undefined)
  try {
    const { container } = takeOverPrerender(null, false)
    showStartupProblem(container)
  } catch {
    showStartupProblem(document.getElementById('app'))
  }
})
