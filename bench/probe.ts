/**
 * The one start-up mark every page in the bench is timed with (ours, the styled floor, the
 * SurveyJS peer), installed into each fresh window before the page's own code runs.
 *
 * Definitions (times are `performance.now()`: ms from the navigation's start):
 *  - "shown": the marked content is in the DOM. For a question that means, all at once:
 *    a text node whose trimmed text is the question's prompt; a text node for each option's
 *    label; at least as many enabled radio or checkbox inputs as the question has options;
 *    and a text node "Next" inside an enabled <button>. For our welcome screen it means
 *    `main h1` is in the DOM.
 *  - "painted" / "interactive": the mark is taken when, after the content is shown, the
 *    browser has run the next animation frame (requestAnimationFrame, which waits for
 *    render-blocking stylesheets) and then come back to run a task (setTimeout 0) — i.e. the
 *    frame that holds the content has been produced and the main thread is free again.
 *    The controls are real inputs and buttons whose handlers are attached when they are
 *    created (Vue, for ours and the peer) or need none (the floor's native radio buttons),
 *    so from that moment a click is handled at once: for a question this moment is called
 *    "interactive", and for the script-free floor and our welcome screen "painted".
 *  - `start`: if given, the element is clicked the moment it appears (our Start link), so
 *    ours is timed from navigation start through pressing Start to question 1 interactive.
 *  - `ready`: if given, a selector that must also match before a question counts as shown.
 *    Ours pre-renders question 1 into its HTML, where it paints before any script has run;
 *    its Next button does nothing until Vue has taken the markup over, which Vue marks by
 *    setting `data-v-app` on the container. So ours waits for `#app[data-v-app]`: question 1
 *    counts as interactive only once the app's handlers are attached, as before.
 * The observer watches the document from its creation, so content that the HTML parser
 * inserts (the floor) is seen exactly as content that a script inserts (ours, the peer).
 */
import type { Page } from '@playwright/test'

export type MarkPlan =
  | { kind: 'selector'; selector: string }
  | { kind: 'question'; prompt: string; options: string[]; next: string; start?: string; ready?: string }

// Page-side code is plain source text: tsx would otherwise add helpers the page lacks.
const PROBE = `(plan) => {
  if (window !== window.top) return
  const afterNextFrame = () =>
    new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)))
  const texts = () => {
    const found = new Map()
    const walker = document.createTreeWalker(document.body || document, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data.trim()
      if (text && !found.has(text)) found.set(text, node)
    }
    return found
  }
  const questionShown = () => {
    if (plan.ready && !document.querySelector(plan.ready)) return false
    const inputs = document.querySelectorAll('input[type=radio]:not([disabled]), input[type=checkbox]:not([disabled])')
    if (inputs.length < plan.options.length) return false
    const found = texts()
    if (!found.has(plan.prompt) || !plan.options.every((label) => found.has(label))) return false
    const next = found.get(plan.next)
    return Boolean(next && next.parentElement && next.parentElement.closest('button:not([disabled])'))
  }
  const shown = plan.kind === 'selector' ? () => document.querySelector(plan.selector) !== null : questionShown
  let started = !plan.start
  const check = () => {
    if (!started) {
      const start = document.querySelector(plan.start)
      if (!start) return false
      started = true
      start.click()
    }
    return shown()
  }
  window.__benchMark = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!check()) return
      observer.disconnect()
      resolve(afterNextFrame())
    })
    // data-v-app: the attribute Vue sets on the container it has mounted or hydrated (plan.ready).
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-v-app'] })
  })
}`

/** The init script for one window: installs the probe with its plan before any page script runs. */
export function probeScript(plan: MarkPlan): string {
  return `(${PROBE})(${JSON.stringify(plan)})`
}

/** Waits for the probe's mark in `page` (ms from navigation start); fails after `timeoutMs`. */
export async function readMark(page: Page, timeoutMs = 60_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`bench: the page at ${page.url()} never showed what it is timed on`)),
      timeoutMs,
    )
  })
  try {
    const mark = await Promise.race([page.evaluate('window.__benchMark') as Promise<unknown>, timeout])
    if (typeof mark !== 'number') throw new Error(`bench: the probe was not installed in ${page.url()}`)
    return mark
  } finally {
    clearTimeout(timer)
  }
}
