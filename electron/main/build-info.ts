/**
 * Facts fixed when main is built. `__CONTENT_VERSION__` is replaced by Vite's `define`
 * (vite.electron.config.ts); when a build does not set it, the About box leaves it out.
 */
declare const __CONTENT_VERSION__: string | undefined

export const CONTENT_VERSION: string | null = typeof __CONTENT_VERSION__ === 'string' ? __CONTENT_VERSION__ : null
