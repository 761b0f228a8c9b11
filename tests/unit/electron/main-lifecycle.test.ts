import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/host-contract'

/**
 * electron/main/index.ts is the one module that talks to Electron directly, so Electron
 * is faked here (vi.doMock per test, since index.ts runs its lifecycle on import): an
 * `app` and friends that record what the lifecycle code asks of them.
 */
interface FakeWindow extends EventEmitter {
  webContents: EventEmitter & { print: ReturnType<typeof vi.fn> }
  focus: ReturnType<typeof vi.fn>
  restore: ReturnType<typeof vi.fn>
  isMinimized: () => boolean
}

function makeElectron(options: { gotLock: boolean; appRoot: string; userData: string }) {
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => options.gotLock),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getAppPath: () => options.appRoot,
    getPath: (name: string) => (name === 'userData' ? options.userData : os.tmpdir()),
    getName: () => 'Health IT Role Finder',
    getVersion: () => '0.1.0',
  })
  const windows: FakeWindow[] = []
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => windows
    options: unknown
    webContents = Object.assign(new EventEmitter(), { print: vi.fn() })
    loadFile = vi.fn(async () => undefined)
    show = vi.fn()
    maximize = vi.fn()
    focus = vi.fn()
    restore = vi.fn()
    isMinimized = () => true
    getNormalBounds = () => ({ x: 0, y: 0, width: 1000, height: 700 })
    isMaximized = () => false
    constructor(windowOptions: unknown) {
      super()
      this.options = windowOptions
      windows.push(this as unknown as FakeWindow)
    }
  }
  const handlers = new Map<string, (event: unknown, payload?: unknown) => Promise<unknown>>()
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
  return {
    app,
    windows,
    handlers,
    BrowserWindow,
    ipcMain: { handle: vi.fn((channel: string, listener: never) => handlers.set(channel, listener)) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    // Center mode seals a kiosk's connection with it; nothing here is sealed.
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
  }
}

let folder: string
// Seen as a plain emitter, so listeners can be listed, removed and fired by event name.
const processEvents: EventEmitter = process
const ERROR_EVENTS = ['uncaughtException', 'unhandledRejection'] as const
let listenersBefore: Map<string, unknown[]>

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'main-lifecycle-'))
  listenersBefore = new Map(ERROR_EVENTS.map((event) => [event, processEvents.listeners(event)]))
  vi.resetModules()
})

afterEach(() => {
  // index.ts adds process-wide error handlers; remove them so they do not outlive the test.
  for (const event of ERROR_EVENTS) {
    for (const listener of processEvents.listeners(event)) {
      if (!listenersBefore.get(event)!.includes(listener))
        processEvents.off(event, listener as (...args: unknown[]) => void)
    }
  }
  fs.rmSync(folder, { recursive: true, force: true })
})

async function startMain(gotLock: boolean) {
  const electron = makeElectron({ gotLock, appRoot: path.join(folder, 'app'), userData: path.join(folder, 'userData') })
  vi.doMock('electron', () => electron)
  await import('../../../electron/main/index')
  // The window opens once the (already resolved) whenReady() promise has run its callback.
  if (gotLock) await vi.waitFor(() => expect(electron.windows).toHaveLength(1))
  return electron
}

describe('electron/main/index.ts', () => {
  it('quits at once when another copy already runs', async () => {
    const electron = await startMain(false)
    expect(electron.app.quit).toHaveBeenCalledOnce()
    expect(electron.ipcMain.handle).not.toHaveBeenCalled()
    expect(electron.windows).toHaveLength(0)
  })

  it('sandboxes every renderer, registers every channel, sets the menu and opens one window', async () => {
    const electron = await startMain(true)
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce()
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort())
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce()
    const window = electron.windows[0]!
    const indexPath = path.join(folder, 'app', 'dist', 'index.html')
    expect((window as unknown as { loadFile: ReturnType<typeof vi.fn> }).loadFile).toHaveBeenCalledWith(indexPath, {
      hash: '/',
    })
  })

  it('answers IPC from its own page only, storing progress under userData', async () => {
    const electron = await startMain(true)
    const ownPage = { senderFrame: { url: pathToFileURL(path.join(folder, 'app', 'dist', 'index.html')).href } }
    const progress = { schema: 1, savedAt: 'now', answers: { q1: 'a' }, route: '/results' }
    const save = electron.handlers.get(CHANNELS.saveProgress)!
    expect(await save({ senderFrame: { url: 'https://example.org/' } }, progress)).toMatchObject({ ok: false })
    expect(await save(ownPage, progress)).toEqual({ ok: true, value: undefined })
    expect(fs.existsSync(path.join(folder, 'userData', 'progress', 'progress.json'))).toBe(true)
  })

  it('guards every new WebContents', async () => {
    const electron = await startMain(true)
    const contents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: vi.fn(),
      session: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    })
    electron.app.emit('web-contents-created', {}, contents)
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce()
    expect(contents.listenerCount('will-navigate')).toBe(1)
    expect(contents.listenerCount('will-attach-webview')).toBe(1)
    expect(contents.listenerCount('render-process-gone')).toBe(1)
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalledOnce()
  })

  it('brings the existing window forward on a second launch', async () => {
    const electron = await startMain(true)
    electron.app.emit('second-instance')
    const window = electron.windows[0]!
    expect(window.restore).toHaveBeenCalledOnce()
    expect(window.focus).toHaveBeenCalledOnce()
  })

  it('File › Print prints the main window', async () => {
    const electron = await startMain(true)
    const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as Array<{
      label?: string
      submenu?: Array<{ label?: string; click?: () => void }>
    }>
    template.find((item) => item.label === 'File')!.submenu!.find((item) => item.label === 'Print…')!.click!()
    expect(electron.windows[0]!.webContents.print).toHaveBeenCalledOnce()
  })

  it('shows one plain dialog for an uncaught error and logs the details under userData', async () => {
    const electron = await startMain(true)
    processEvents.emit('uncaughtException', new Error('kaboom'))
    expect(electron.dialog.showErrorBox).toHaveBeenCalledOnce()
    const [, message] = electron.dialog.showErrorBox.mock.calls[0] as unknown as [string, string]
    expect(message).not.toContain('kaboom')
    const log = fs.readFileSync(path.join(folder, 'userData', 'logs', 'errors.log'), 'utf8')
    expect(log).toContain('kaboom')
  })
})
