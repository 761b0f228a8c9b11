/**
 * The pre-rendered first screens' start-up pieces, in jsdom: src/prerender/start-hint.js (what it
 * hides before the first paint) and takeOverPrerender (which container the app mounts on).
 * What is actually painted is tested in Chromium (tests/e2e/prerender.spec.ts).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KIOSK_KEY, PREFERENCES_KEY, PROGRESS_KEY } from '../../src/host/browser-host'
import { APP_DOCUMENT_PATHS } from '../../src/shared/app-document'
import { takeOverPrerender } from '../../src/prerender/take-over'
import { HOLD_CLASS, QUESTION_CLASS } from '../../src/prerender/screens'

// Read by path from the project root: under jsdom, import.meta.url is not a file address.
const HINT = readFileSync(resolve('src/prerender/start-hint.js'), 'utf8')

/** Runs start-hint.js at `address` with `stored` in localStorage; the classes it set on <html>. */
function hintAt(address: string, stored: Record<string, string> = {}, api?: object): string[] {
  window.history.replaceState(null, '', address)
  for (const [key, value] of Object.entries(stored)) window.localStorage.setItem(key, value)
  const withApi = window as unknown as { api?: object }
  withApi.api = api
  try {
    new Function(HINT)()
  } finally {
    delete withApi.api
  }
  return [...document.documentElement.classList]
}

describe('start-hint.js, before the first paint', () => {
  it('reads the keys and paths the app uses', () => {
    for (const key of [PROGRESS_KEY, PREFERENCES_KEY, KIOSK_KEY]) expect(HINT).toContain(`'${key}'`)
    for (const path of APP_DOCUMENT_PATHS) expect(HINT).toContain(`'${path}'`)
  })

  it('leaves the pre-render showing for a first visit in English', () => {
    expect(hintAt('/')).toEqual([])
    expect(hintAt('/index.html#/')).toEqual([])
    expect(hintAt('/', { [PREFERENCES_KEY]: JSON.stringify({ schema: 1, locale: 'en' }) })).toEqual([])
    expect(hintAt('/', { [KIOSK_KEY]: JSON.stringify({ schema: 1, enabled: false }) })).toEqual([])
  })

  it('shows question 1 from the first frame when the page opens on it', () => {
    expect(hintAt('/#/question/1')).toEqual([QUESTION_CLASS])
  })

  it.each([
    ['a saved Spanish choice', '/', { [PREFERENCES_KEY]: JSON.stringify({ schema: 1, locale: 'es' }) }],
    ['saved progress', '/', { [PROGRESS_KEY]: '{}' }],
    ['a kiosk address', '/?kiosk', {}],
    ['kiosk mode set by counselors', '/', { [KIOSK_KEY]: JSON.stringify({ schema: 1, enabled: true }) }],
    ['a damaged preference', '/', { [PREFERENCES_KEY]: 'not json' }],
    ['a deep link to another screen', '/#/roles', {}],
    ['a deep link to a later question', '/#/question/3', {}],
    ['an unknown address', '/somewhere', {}],
  ])('hides the pre-render for %s', (_case, address, stored) => {
    expect(hintAt(address, stored)).toEqual([HOLD_CLASS])
  })

  it('hides the pre-render in the desktop app, whose saved state only main knows', () => {
    expect(hintAt('/', {}, {})).toEqual([HOLD_CLASS])
  })
})

/** A page as the build writes it: the welcome screen in #app, question 1 after it. */
function builtPage(htmlClass = ''): void {
  if (htmlClass) document.documentElement.className = htmlClass
  document.body.innerHTML =
    '<div id="app" class="prerender"><main><h1>Welcome</h1></main></div>' +
    '<div id="/question/1" class="prerender"><main><h1>Question 1</h1>' +
    '<input type="radio" name="q" value="yes"><input type="radio" name="q" value="no"></main></div>'
}

describe('takeOverPrerender', () => {
  it('keeps the welcome screen for the welcome route on a first visit', () => {
    builtPage()
    const { container, kept } = takeOverPrerender('/', true)
    expect(kept).toBe('/')
    expect(container.id).toBe('app')
    expect(container.textContent).toBe('Welcome')
    expect(document.body.children).toHaveLength(1)
    expect(document.querySelector('.prerender')).toBeNull()
  })

  it('keeps question 1, and the choice made on it before the app started', () => {
    builtPage(QUESTION_CLASS)
    document.querySelector<HTMLInputElement>('input[value=no]')!.checked = true
    const { container, kept, checkedEarly } = takeOverPrerender('/question/1', true)
    expect(kept).toBe('/question/1')
    expect(container.id).toBe('app')
    expect(container.querySelector('h1')!.textContent).toBe('Question 1')
    expect(checkedEarly).toEqual(['no'])
    expect(document.body.children).toHaveLength(1)
    expect(document.documentElement.classList).toHaveLength(0)
  })

  it('renders afresh when start-hint.js has already emptied the welcome screen', () => {
    builtPage()
    document.getElementById('app')!.replaceChildren()
    const { container, kept } = takeOverPrerender('/', true)
    expect(kept).toBeNull()
    expect(container.id).toBe('app')
    expect(document.body.children).toHaveLength(1)
  })

  it.each([
    ['another route', '/roles', true, ''],
    ['a state the pre-render did not assume', '/', false, ''],
    ['a page start-hint.js held back', '/', true, HOLD_CLASS],
  ])('renders afresh in an empty #app for %s, and shows it', (_case, path, firstVisit, htmlClass) => {
    builtPage(htmlClass)
    const { container, kept } = takeOverPrerender(path, firstVisit)
    expect(kept).toBeNull()
    expect(container.id).toBe('app')
    expect(container.childNodes).toHaveLength(0)
    expect(document.body.children).toHaveLength(1)
    expect(document.documentElement.classList.contains(HOLD_CLASS)).toBe(false)
  })
})
