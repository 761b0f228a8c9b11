import { EventEmitter } from 'node:events'
import type { WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { APP_PAGE_URL } from '../../../electron/main/app-protocol'
import { guardWebContents, isAppOrigin, isAppPage, isTrustedSender } from '../../../electron/main/security'

const indexUrl = APP_PAGE_URL

/** A WebContents stand-in that records handlers the guards install. */
function fakeContents() {
  const emitter = new EventEmitter()
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  }
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  const contents = Object.assign(emitter, {
    session,
    setWindowOpenHandler: vi.fn((handler: typeof windowOpenHandler) => {
      windowOpenHandler = handler
    }),
  })
  guardWebContents(contents as unknown as WebContents)
  const navigate = (url: string) => {
    const event = { url, preventDefault: vi.fn() }
    contents.emit('will-navigate', event)
    return event.preventDefault.mock.calls.length === 0
  }
  return { contents, session, navigate, openWindow: (url: string) => windowOpenHandler?.({ url }) }
}

describe('isAppPage / isTrustedSender', () => {
  it.each([
    // [url, the app's page (navigation allowed), the app's origin (IPC answered)]
    ['app://bundle/index.html', true, true],
    ['app://bundle/', true, true],
    ['app://bundle/index.html#/results', true, true],
    ['app://bundle/index.html?kiosk#/question/3', true, true],
    ['app://bundle/a/../index.html', true, true],
    // Our origin, but not the app's document: a not-found page may send IPC, not be navigated to.
    ['app://bundle/other.html', false, true],
    ['app://bundle/assets/index.js', false, true],
    // Other origins of the same scheme, and look-alikes.
    ['app://BUNDLE/index.html', false, false],
    ['app://bundle:8080/index.html', false, false],
    ['app://user@bundle/index.html', false, false],
    ['app://user:pass@bundle/index.html', false, false],
    ['app://bundle.evil.example/index.html', false, false],
    ['app://other/index.html', false, false],
    ['app:///index.html', false, false],
    ['app:bundle/index.html', false, false],
    // The old file: page and everything else.
    ['file:///opt/Health%20IT%20Role%20Finder/resources/app.asar/dist/index.html', false, false],
    ['file:///etc/passwd', false, false],
    ['https://bundle/index.html', false, false],
    ['https://example.org/index.html', false, false],
    ['http://127.0.0.1:4173/index.html', false, false],
    ['devtools://devtools/bundled/index.html', false, false],
    ['about:blank', false, false],
    ['not a url', false, false],
    ['', false, false],
  ])('%s → page %s, origin %s', (url, page, origin) => {
    expect(isAppPage(url)).toBe(page)
    expect(isAppOrigin(url)).toBe(origin)
    expect(isTrustedSender(url)).toBe(origin)
  })

  it('does not trust a frame without a URL (a destroyed or navigating frame)', () => {
    expect(isTrustedSender(undefined)).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
  })
})

describe('guardWebContents', () => {
  it('allows navigation to our own page, including a different route', () => {
    const { navigate } = fakeContents()
    expect(navigate(indexUrl)).toBe(true)
    expect(navigate(`${indexUrl}#/results`)).toBe(true)
  })

  it('denies navigation anywhere else', () => {
    const { navigate } = fakeContents()
    expect(navigate('https://www.healthit.gov/')).toBe(false)
    expect(navigate('file:///home/someone/Downloads/page.html')).toBe(false)
    expect(navigate('app://bundle/no/such/page')).toBe(false)
    expect(navigate('javascript:alert(1)')).toBe(false)
    expect(navigate('data:text/html,<script>alert(1)</script>')).toBe(false)
  })

  it('denies every new window', () => {
    const { openWindow, contents } = fakeContents()
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce()
    expect(openWindow('https://www.healthit.gov/')).toEqual({ action: 'deny' })
    expect(openWindow(indexUrl)).toEqual({ action: 'deny' })
  })

  it('prevents <webview> from attaching', () => {
    const { contents } = fakeContents()
    const event = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })

  it('refuses every permission request and check', () => {
    const { session } = fakeContents()
    const requestHandler = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      requestHandler({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    const checkHandler = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean
    expect(checkHandler({}, 'media', indexUrl, {})).toBe(false)
    const deviceHandler = session.setDevicePermissionHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean
    expect(deviceHandler({ deviceType: 'usb' })).toBe(false)
  })
})
