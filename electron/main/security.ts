import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Session, WebContents } from 'electron'

/**
 * True when `url` is the app's own page (`indexPath`), whatever its #hash or ?query.
 * file: origins are opaque ("null"), so origins cannot be compared: the decoded file
 * path is compared instead, and anything that is not a local file: URL is refused.
 */
export function isAppPage(url: string, indexPath: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false
  let filePath: string
  try {
    filePath = fileURLToPath(parsed)
  } catch {
    return false
  }
  return samePath(filePath, indexPath)
}

function samePath(a: string, b: string): boolean {
  const left = path.resolve(a)
  const right = path.resolve(b)
  // Windows paths are case-insensitive (and Chromium may change the drive letter's case).
  return process.platform === 'win32' ? left.toLowerCase() === right.toLowerCase() : left === right
}

/** IPC is answered only for a frame showing our own page (checklist #17). */
export function isTrustedSender(frameUrl: string | undefined | null, indexPath: string): boolean {
  return typeof frameUrl === 'string' && isAppPage(frameUrl, indexPath)
}

/** Every permission a page can ask for (camera, notifications, clipboard, HID, ...) is refused. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/**
 * Applied to every WebContents the app creates (app 'web-contents-created'):
 * navigation only to our own page, no new windows, no <webview>, no permissions.
 */
export function guardWebContents(contents: WebContents, indexPath: string): void {
  contents.on('will-navigate', (event) => {
    if (!isAppPage(event.url, indexPath)) event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  denyAllPermissions(contents.session)
}
