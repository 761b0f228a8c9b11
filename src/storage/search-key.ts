/**
 * Search is a case- and accent-insensitive substring match ("jose" finds "José
 * Núñez"). SQLite's LIKE folds ASCII case only, so each client row keeps its name
 * and contact already folded, and queries are folded the same way.
 */

/** Separates name from contact so a query cannot match across the two. */
const FIELD_SEPARATOR = '\u0001'

export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

export function clientSearchKey(displayName: string, contact: string | null): string {
  return foldForSearch(displayName) + FIELD_SEPARATOR + foldForSearch(contact ?? '')
}
