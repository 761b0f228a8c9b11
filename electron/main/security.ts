import type { Session, WebContents } from 'electron'
import { isAppDocumentPath } from '../../src/shared/app-document'
import { APP_HOST, APP_SCHEME } from './app-protocol'

function parse(url: string | undefined | null): URL | null {
  if (typeof url !== 'string') return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True when `url` belongs to the app's own origin, app://bundle (checklist #17). The
 * scheme is registered as standard, so Chromium reports it with a real origin; Node's URL
 * calls the origin of an unknown scheme "null", so scheme and host are compared instead,
 * and a user name, password or port makes it another origin.
 */
export function isAppOrigin(url: string | undefined | null): boolean {
  const parsed = parse(url)
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/** True when `url` is the app's own page, whatever its #route or ?query (checklist #13). */
export function isAppPage(url: string): boolean {
  return isAppOrigin(url) && isAppDocumentPath(new URL(url).pathname)
}

/** IPC is answered only for a frame of the app's own origin (checklist #17). */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return isAppOrigin(frameUrl)
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
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppPage(event.url)) event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  denyAllPermissions(contents.session)
}
