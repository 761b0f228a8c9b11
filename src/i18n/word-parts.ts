/**
 * English interface words in two parts: what the first screens (the app shell, the welcome
 * screen, the questions, a kiosk's controls, error wording) need ships in the start-up
 * script; the rest (review, results, roles, counselor area) loads when a screen needs it.
 * en.ts stays the one file of English words: the app's build splits it with splitWords
 * (vite.config.ts); anywhere else en-first.ts and en-later.ts are simply all of en.ts.
 */
type Words = { readonly [key: string]: string | Words }

/** Top-level sections used mostly by screens loaded on demand. */
export const LATER_SECTIONS = [
  'review',
  'results',
  'roles',
  'notFound',
  'counselor',
  'counselorSafety',
  'center',
  'journey',
] as const

/**
 * Keys inside those sections that the first screens use: the welcome screen's counselor
 * link, saved-progress prompt and statistics notice, the questions' "go back to check your
 * answers" button, and the wait after wrong passcodes (a kiosk's staff exit shows it). The
 * guided banner's and note's words are not among them: a guided session starts from the
 * counselor area, which has loaded the later words already.
 * tests/unit/i18n/word-parts.test.ts checks this list against the start-up script's files.
 */
export const FIRST_SCREEN_KEYS = [
  'counselor.welcomeLink',
  'counselor.welcomeHint',
  'counselor.gate.errors.wait',
  'center.welcomeNotice',
  'journey.saved',
  'journey.question',
] as const

function isLater(path: string): boolean {
  if (FIRST_SCREEN_KEYS.some((key) => path === key || path.startsWith(`${key}.`))) return false
  return (LATER_SECTIONS as readonly string[]).some((section) => path === section || path.startsWith(`${section}.`))
}

/** Splits `words` into the part the first screens need and the rest; every key lands in exactly one. */
export function splitWords(words: Words): { first: Words; later: Words } {
  const walk = (node: Words, prefix: string): { first: Words; later: Words } => {
    const first: Record<string, string | Words> = {}
    const later: Record<string, string | Words> = {}
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key
      if (typeof value === 'string') {
        ;(isLater(path) ? later : first)[key] = value
        continue
      }
      const parts = walk(value, path)
      if (Object.keys(parts.first).length) first[key] = parts.first
      if (Object.keys(parts.later).length) later[key] = parts.later
    }
    return { first, later }
  }
  return walk(words, '')
}
