/**
 * Size limits shared by every layer, so a file the page accepts is never refused later
 * with other words. No imports: the preload, main, storage and the page can all take it.
 */

/**
 * The one limit for a session file (JSON export/import): the page checks the file's size
 * in bytes before reading it; the bridge and the service check the text's length. A text
 * decoded from N bytes has at most N characters, so what passes the first check passes all.
 */
export const SESSION_FILE_MAX_BYTES = 5 * 1024 * 1024

/** The same limit in words, for messages: "5 MB". */
export const SESSION_FILE_MAX_LABEL = '5 MB'

/** The plain sentence every layer gives for a file over the limit. */
export const SESSION_FILE_TOO_LARGE_MESSAGE = `This file is larger than ${SESSION_FILE_MAX_LABEL}, so it cannot be a session exported from Health IT Role Finder.`

/** True when a session file's text is over the limit (for the bridge and the service). */
export function sessionTextTooLarge(text: string): boolean {
  return text.length > SESSION_FILE_MAX_BYTES
}
