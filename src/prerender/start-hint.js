/*
 * Runs in <head> before the first paint (a classic external script: the CSP forbids inline
 * ones). index.html holds the welcome screen and question 1 pre-rendered for a first visit
 * in English (src/prerender/). When this page may be showing something else (a saved
 * language or progress, a kiosk, the desktop app whose saved state only main knows, an
 * address other than the welcome screen or question 1), it sets the "prerender-hold" class
 * on <html>, which hides the pre-render until the app has decided what to show
 * (src/main.ts), so no wrong screen is ever painted. Keep the keys in step with
 * src/host/browser-host.ts and the paths with src/shared/app-document.ts (tested).
 */
/* global window, document, URLSearchParams, requestAnimationFrame, setTimeout */
;(function () {
  var hold = true
  try {
    var storage = window.localStorage
    var route = window.location.hash.replace(/^#/, '') || '/'
    var preferences = storage.getItem('health-it-role-finder.preferences')
    var kioskSetting = storage.getItem('health-it-role-finder.kiosk')
    hold =
      Boolean(window.api) ||
      (window.location.pathname !== '/' && window.location.pathname !== '/index.html') ||
      (route !== '/' && route !== '/question/1') ||
      new URLSearchParams(window.location.search).has('kiosk') ||
      storage.getItem('health-it-role-finder.progress') !== null ||
      (preferences !== null && JSON.parse(preferences).locale !== 'en') ||
      (kioskSetting !== null && JSON.parse(kioskSetting).enabled !== false)
  } catch {
    // Storage blocked or a damaged record: the app decides, and nothing is painted before it does.
    hold = true
  }
  if (hold) document.documentElement.classList.add('prerender-hold')
  // Opened on question 1 (a link, a reload): its pre-render shows from the first frame. (CSS's
  // :target does the same once Start is followed, but on a page load it can match too late.)
  else if (route === '/question/1') document.documentElement.classList.add('prerender-question')

  // The app's script (named by <meta name="app-entry">: the build takes out its tag) is fetched
  // and run once the pre-rendered screen has painted. Fetched with the page, Chromium compiles
  // it while that first frame waits (measured: the welcome screen painted 18–20% later, at 1×
  // and 4× CPU). With nothing to paint (held), or a page not shown, at once.
  function startApp() {
    var entry = document.querySelector('meta[name="app-entry"]')
    if (!entry) return
    var script = document.createElement('script')
    script.type = 'module'
    // As Vite's own tag had it ("crossorigin"): an anonymous CORS request, same origin here.
    script.crossOrigin = 'anonymous'
    script.src = entry.content
    document.head.appendChild(script)
  }
  document.addEventListener('DOMContentLoaded', function () {
    // A pre-render that cannot be shown leaves the page at once, so only one screen's
    // markup (one <main>) is ever in it while the app starts: all of it when held, the
    // welcome screen's when the page opened on question 1.
    var welcome = document.getElementById('app')
    var question = document.getElementById('/question/1')
    if (welcome && (hold || route === '/question/1')) welcome.replaceChildren()
    if (question && hold) question.remove()
    if (hold || document.visibilityState === 'hidden') startApp()
    else
      requestAnimationFrame(function () {
        setTimeout(startApp, 0)
      })
  })
})()
