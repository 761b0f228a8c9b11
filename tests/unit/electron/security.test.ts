import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'
import type { WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { guardWebContents, isAppPage, isTrustedSender } from '../../../electron/main/security'

const indexPath = '/opt/Health IT Role Finder/resources/app.asar/dist/index.html'
const indexUrl = pathToFileURL(indexPath).href

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
  guardWebContents(contents as unknown as WebContents, indexPath)
  const navigate = (url: string) => {
    const event = { url, preventDefault: vi.fn() }
    contents.emit('will-navigate', event)
    return event.preventDefault.mock.calls.length === 0
  }
  return { contents, session, navigate, openWindow: (url: string) => windowOpenHandler?.({ url }) }
}

describe('isAppPage / isTrustedSender', () => {
  it.each([
    [indexUrl, true],
    [`${indexUrl}#/results`, true],
    [`${indexUrl}?lang=en#/question/3`, true],
    // Chromium writes the space as %20; the decoded path is what is compared.
    ['file:///opt/Health%20IT%20Role%20Finder/resources/app.asar/dist/index.html', true],
    ['file:///opt/Health%20IT%20Role%20Finder/resources/app.asar/dist/other.html', false],
    ['file:///opt/Health%20IT%20Role%20Finder/resources/app.asar/dist/../dist/index.html', true],
    ['file:///etc/passwd', false],
    ['file://evil.example/opt/Health%20IT%20Role%20Finder/resources/app.asar/dist/index.html', false],
    ['https://example.org/index.html', false],
    ['http://127.0.0.1:4173/index.html', false],
    ['devtools://devtools/bundled/index.html', false],
    ['about:blank', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppPage(url, indexPath)).toBe(expected)
    expect(isTrustedSender(url, indexPath)).toBe(expected)
  })

  it('does not trust a frame without a URL (a destroyed or navigating frame)', () => {
    expect(isTrustedSender(undefined, indexPath)).toBe(false)
    expect(isTrustedSender(null, indexPath)).toBe(false)
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
