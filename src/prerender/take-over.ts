/**
 * The app taking over the screens pre-rendered into index.html (src/prerender/screens.ts):
 * it hydrates the one now on screen when it is exactly what the app would render, and
 * otherwise empties #app and renders there, so the page never shows a screen that is
 * not the person's. Either way, one container is left, #app, with nothing hidden.
 */
import { HOLD_CLASS, PRERENDER_CLASS, QUESTION_CLASS, QUESTION_ONE_ID, type PrerenderedPath } from './screens'

export interface TakeOver {
  /** Where to mount: hydrating its markup if it has any, rendering afresh if empty. */
  container: HTMLElement
  /** Which pre-rendered screen is kept, if any. */
  kept: PrerenderedPath | null
  /** Question 1's options the person checked before the app had started (their values). */
  checkedEarly: string[]
}

/**
 * `path` is the route the app opens on; `firstVisit` says the app's state is what the
 * pre-render assumed (English, no saved answers, not a kiosk, no guided session).
 */
export function takeOverPrerender(path: string | null, firstVisit: boolean, doc: Document = document): TakeOver {
  const root = doc.documentElement
  const welcome = doc.getElementById('app')
  if (!welcome) throw new Error('index.html has no #app')
  const question = doc.getElementById(QUESTION_ONE_ID)
  const usable = firstVisit && !root.classList.contains(HOLD_CLASS) && welcome.classList.contains(PRERENDER_CLASS)
  let container = welcome
  let kept: PrerenderedPath | null = null
  let checkedEarly: string[] = []
  // start-hint.js may already have emptied #app (held, or opened on question 1).
  if (usable && path === '/' && welcome.hasChildNodes()) {
    kept = '/'
    question?.remove()
  } else if (usable && path === QUESTION_ONE_ID && question) {
    kept = QUESTION_ONE_ID
    checkedEarly = [...question.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value)
    welcome.remove()
    question.id = 'app'
    container = question
  } else {
    welcome.replaceChildren()
    question?.remove()
  }
  container.classList.remove(PRERENDER_CLASS)
  if (container.classList.length === 0) container.removeAttribute('class')
  root.classList.remove(HOLD_CLASS, QUESTION_CLASS)
  if (root.classList.length === 0) root.removeAttribute('class')
  return { container, kept, checkedEarly }
}
