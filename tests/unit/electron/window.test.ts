import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserWindowConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CONDITION_WAIT } from '../../fixtures/waiting'

// Electron is replaced only here, at the edge: a BrowserWindow that records what it was given.
interface FakeWindow {
  options: BrowserWindowConstructorOptions
  loadURL: ReturnType<typeof vi.fn>
}
const fake = vi.hoisted(() => ({ windows: [] as FakeWindow[], loadError: null as Error | null }))
const windows = fake.windows
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  class BrowserWindow extends Emitter {
    options: BrowserWindowConstructorOptions
    loadURL = vi.fn(async () => {
      if (fake.loadError) throw fake.loadError
    })
    show = vi.fn()
    maximize = vi.fn()
    getNormalBounds = vi.fn(() => ({ x: 40, y: 50, width: 900, height: 700 }))
    isMaximized = vi.fn(() => true)
    constructor(options: BrowserWindowConstructorOptions) {
      super()
      this.options = options
      windows.push(this)
    }
  }
  return { BrowserWindow }
})

const { createMainWindow, openMainWindow } = await import('../../../electron/main/window')
const { saveWindowState, loadWindowState } = await import('../../../electron/main/window-state')

const baseOptions = {
  preloadPath: '/app/dist-electron/preload/index.cjs',
  placement: { width: 1000, height: 700 },
  maximized: false,
  onLoadFailed: vi.fn(),
}

beforeEach(() => {
  windows.length = 0
  fake.loadError = null
})

describe('createMainWindow', () => {
  it('turns on every isolation setting and off every risky one', () => {
    createMainWindow(baseOptions)
    const prefs = windows[0]!.options.webPreferences
    expect(prefs).toMatchObject({
      preload: '/app/dist-electron/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
  })

  it('opens a kiosk full screen, without devtools, in a session that lives in memory only', () => {
    createMainWindow({ ...baseOptions, kiosk: true })
    const options = windows[0]!.options
    expect(options.kiosk).toBe(true)
    expect(options.webPreferences).toMatchObject({ partition: 'kiosk', devTools: false, sandbox: true })
    expect(options.webPreferences!.partition!.startsWith('persist:')).toBe(false)
    createMainWindow(baseOptions)
    expect(windows[1]!.options.kiosk).toBe(false)
    expect(windows[1]!.options.webPreferences).not.toHaveProperty('partition')
  })

  it('stays hidden until ready-to-show, then shows (maximized when it was)', () => {
    const window = createMainWindow({ ...baseOptions, maximized: true })
    expect(windows[0]!.options.show).toBe(false)
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.maximize).toHaveBeenCalledOnce()
    expect(window.show).toHaveBeenCalledOnce()
  })

  it("loads the app's page from its own protocol, never from file:, with a hash route", () => {
    const window = createMainWindow({ ...baseOptions, route: '/results' })
    expect(window.loadURL).toHaveBeenCalledWith('app://bundle/index.html#/results')
    createMainWindow(baseOptions)
    expect(windows[1]!.loadURL).toHaveBeenCalledWith('app://bundle/index.html#/')
  })

  it('uses the placement it is given and keeps a usable minimum size', () => {
    createMainWindow({ ...baseOptions, placement: { x: 10, y: 20, width: 800, height: 600 } })
    expect(windows[0]!.options).toMatchObject({ x: 10, y: 20, width: 800, height: 600, minWidth: 480, minHeight: 560 })
  })

  it('reports a failed page load instead of leaving it unhandled', async () => {
    const onLoadFailed = vi.fn()
    fake.loadError = new Error('ERR_FILE_NOT_FOUND')
    createMainWindow({ ...baseOptions, onLoadFailed })
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledWith(fake.loadError), CONDITION_WAIT)
  })
})

describe('openMainWindow', () => {
  let folder: string
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'window-state-'))
  })
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }))

  const display = { x: 0, y: 0, width: 1920, height: 1040 }

  it('opens at the saved place and size, maximized if it was', () => {
    saveWindowState(folder, { bounds: { x: 100, y: 80, width: 1000, height: 720 }, maximized: true })
    const window = openMainWindow({
      preloadPath: '/p',
      stateFolder: folder,
      workAreas: [display],
      onError: vi.fn(),
    })
    expect(windows[0]!.options).toMatchObject({ x: 100, y: 80, width: 1000, height: 720 })
    window.emit('ready-to-show')
    expect(window.maximize).toHaveBeenCalled()
  })

  it('with nothing saved, gives only a size so Electron centres the window', () => {
    openMainWindow({ preloadPath: '/p', stateFolder: folder, workAreas: [display], onError: vi.fn() })
    expect(windows[0]!.options).not.toHaveProperty('x')
    expect(windows[0]!.options).toMatchObject({ width: 1100, height: 780 })
  })

  it('saves its normal bounds and maximized state when it closes', () => {
    const window = openMainWindow({
      preloadPath: '/p',
      stateFolder: folder,
      workAreas: [display],
      onError: vi.fn(),
    })
    window.emit('close')
    expect(loadWindowState(folder)).toEqual({ bounds: { x: 40, y: 50, width: 900, height: 700 }, maximized: true })
  })

  it('reports, rather than throws, when the state cannot be saved', () => {
    const onError = vi.fn()
    const blocked = path.join(folder, 'not-a-folder')
    fs.writeFileSync(blocked, 'file in the way')
    const window = openMainWindow({
      preloadPath: '/p',
      stateFolder: blocked,
      workAreas: [display],
      onError,
    })
    expect(() => window.emit('close')).not.toThrow()
    expect(onError).toHaveBeenCalledOnce()
  })
})
