/**
 * Build-time only (vite.config.ts's prerender plugin loads it through Vite's SSR loader):
 * renders the app shell with the welcome screen and with question 1, from the real
 * components, in English, for a first visit (no saved progress, not a kiosk), exactly as
 * the app's first render in a browser would show them, so the app can hydrate either.
 */
import { createPinia } from 'pinia'
import { createSSRApp } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory } from 'vue-router'
import App from '../App.vue'
import { createAppI18n } from '../i18n'
import { createAppRouter } from '../router'
import { setHost } from '../host'
import { createBrowserHost } from '../host/browser-host'
import { PRERENDERED_PATHS, type PrerenderedPath } from './screens'

/** The markup of `App` at each pre-rendered route. Needs DOM globals (the shell's composables read window). */
export async function renderScreens(): Promise<Record<PrerenderedPath, string>> {
  // A first visit's host: nothing saved, not a kiosk. Nothing is written during a render.
  setHost(
    createBrowserHost(window.localStorage, { name: 'Health IT Role Finder', version: __APP_VERSION__, kiosk: false }),
  )
  const out = {} as Record<PrerenderedPath, string>
  for (const path of PRERENDERED_PATHS) {
    // The '#' base makes every link's href a hash route (#/question/1), as in the app.
    const router = createAppRouter(createMemoryHistory('#'))
    const app = createSSRApp(App)
    app.use(createPinia()).use(createAppI18n())
    await router.replace(path)
    app.use(router)
    out[path] = await renderToString(app)
  }
  setHost(undefined)
  return out
}
