import { createPinia } from 'pinia'
import { createApp } from 'vue'
import '@fontsource/atkinson-hyperlegible/400.css'
import '@fontsource/atkinson-hyperlegible/700.css'
import './styles/main.css'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { createAppRouter, isResumable } from './router'
import { useAssessmentStore } from './stores/assessment'
import { initHost } from './host'
import { describePageError, reportPageErrors } from './host/page-errors'
import { tellHostTheLanguage } from './host/interface-language'
import { useKioskStore } from './stores/kiosk'
import { usePreferencesStore } from './stores/preferences'
import { showStartupProblem } from './startup-problem'
import { isAppDocumentPath } from './shared/app-document'

const app = createApp(App)
const pinia = createPinia()
const router = createAppRouter()
const i18n = createAppI18n()
app.use(pinia).use(i18n).use(router)
void usePreferencesStore(pinia).bindI18n(i18n)

const store = useAssessmentStore(pinia)
router.afterEach((to) => {
  if (isResumable(to.path)) store.visit(to.path)
})

/**
 * Asks the host where the person left off, then mounts. Not a top-level await: code
 * loaded on demand (validators, another language) imports helpers from this start-up
 * chunk, and would wait forever for a chunk still awaiting at its top level.
 */
async function start(): Promise<void> {
  const host = await initHost()
  reportPageErrors(app, host)
  tellHostTheLanguage(i18n.locale, host)
  const info = await host.getAppInfo()
  useKioskStore(pinia).configure(info)
  // The host answers an unknown address with this page (and status 404): say so, resume nothing.
  const unknownAddress = !isAppDocumentPath(window.location.pathname)
  // Self-guided use: coming back after a reload or a closed window resumes where the person was,
  // in the language chosen. A kiosk starts fresh every time.
  const [resumeAt] = await Promise.all([
    info.kiosk || unknownAddress ? null : store.resume(),
    info.kiosk ? null : usePreferencesStore(pinia).restore(),
    router.isReady(),
  ])
  if (unknownAddress) await router.replace({ name: 'not-found', params: { pathMatch: ['not-found'] } })
  else if (resumeAt && isResumable(resumeAt) && router.currentRoute.value.path === '/') await router.replace(resumeAt)
  app.mount('#app')
}

start().catch((error: unknown) => {
  console.error(error)
  window.api?.logError(describePageError('error', error, 'start-up')).catch(() => undefined)
  showStartupProblem(document.getElementById('app'))
})
