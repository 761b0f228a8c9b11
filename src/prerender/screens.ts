/**
 * The screens written into index.html at build time, and how the built page marks them:
 * shared by the build (vite.config.ts), the app's start-up (src/main.ts) and the tests.
 */
export const PRERENDERED_PATHS = ['/', '/question/1'] as const
export type PrerenderedPath = (typeof PRERENDERED_PATHS)[number]

/**
 * Question 1's pre-render sits in an element whose id is its hash route, so that the
 * welcome screen's Start link (#/question/1) shows it with CSS (:target) before any
 * script has run. The welcome screen's is #app, where the app mounts.
 */
export const QUESTION_ONE_ID = '/question/1'
/** Set on <html> by src/prerender/start-hint.js when the pre-render may be the wrong screen. */
export const HOLD_CLASS = 'prerender-hold'
/** Set on <html> by src/prerender/start-hint.js when the page opens on question 1. */
export const QUESTION_CLASS = 'prerender-question'
/** Marks each pre-rendered container until the app has taken it over. */
export const PRERENDER_CLASS = 'prerender'
