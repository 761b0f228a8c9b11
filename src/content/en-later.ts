/**
 * The English content texts loaded when a screen needs them (see text-parts.ts). The app's
 * build replaces this module with just that part of locales/en.json (vite.config.ts,
 * "startupParts"); in tests and the dev server it is all of it.
 */
import en from './locales/en.json'

export default en as Partial<typeof en>
