/**
 * The English words loaded when a screen needs them (see word-parts.ts). The app's build
 * replaces this module with just that part of en.ts (vite.config.ts, "startupParts");
 * in tests and the dev server it is all of en.ts.
 */
import en from './en'

export default en
