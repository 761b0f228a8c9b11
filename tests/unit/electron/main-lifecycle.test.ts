import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it as vitestIt, onTestFinished, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/host-contract'
import { CONDITION_WAIT } from '../../fixtures/waiting'
import { APP_TEST_TIMEOUT } from '../../fixtures/waiting'

/** Every test here loads the whole main process afresh: APP_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, APP_TEST_TIMEOUT)

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
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
  const partitionHandlers = new Map<string, Map<string, (request: Request) => Promise<Response>>>()
  const readyCalled = { value: false }
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => options.gotLock),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    whenReady: vi.fn(() => {
      readyCalled.value = true
      return Promise.resolve()
    }),
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
    loadURL = vi.fn(async () => undefined)
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
    protocolHandlers,
    partitionHandlers,
    protocol: {
      // Electron throws when this comes after 'ready'; the fake records whether it did.
      registerSchemesAsPrivileged: vi.fn(() => ({ afterReady: readyCalled.value })),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) =>
        protocolHandlers.set(scheme, handler),
      ),
    },
    session: {
      fromPartition: vi.fn((partition: string) => {
        const map = partitionHandlers.get(partition) ?? new Map()
        partitionHandlers.set(partition, map)
        return { protocol: { handle: (scheme: string, handler: never) => map.set(scheme, handler) } }
      }),
    },
    BrowserWindow,
    ipcMain: { handle: vi.fn((channel: string, listener: never) => handlers.set(channel, listener)) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
    shell: { openPath: vi.fn(async () => '') },
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

async function startMain(gotLock: boolean, argv: string[] = []) {
  const electron = makeElectron({ gotLock, appRoot: path.join(folder, 'app'), userData: path.join(folder, 'userData') })
  vi.doMock('electron', () => electron)
  const argvBefore = process.argv
  process.argv = [...argvBefore, ...argv]
  onTestFinished(() => {
    process.argv = argvBefore
  })
  await import('../../../electron/main/index')
  // The window opens once the (already resolved) whenReady() promise has run its callback.
  if (gotLock) await vi.waitFor(() => expect(electron.windows).toHaveLength(1), CONDITION_WAIT)
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
    expect((window as unknown as { loadURL: ReturnType<typeof vi.fn> }).loadURL).toHaveBeenCalledWith(
      'app://bundle/index.html#/',
    )
  })

  it('declares app: as a privileged scheme before ready and serves dist/ through it', async () => {
    const dist = path.join(folder, 'app', 'dist')
    fs.mkdirSync(dist, { recursive: true })
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>built</title>')
    const electron = await startMain(true)
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ])
    expect(electron.protocol.registerSchemesAsPrivileged.mock.results[0]!.value).toEqual({ afterReady: false })
    const serve = electron.protocolHandlers.get('app')!
    const page = await serve(new Request('app://bundle/index.html'))
    expect(page.status).toBe(200)
    expect(await page.text()).toBe('<!doctype html><title>built</title>')
    expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404)
    // Not a kiosk: the in-memory kiosk session is never created.
    expect(electron.session.fromPartition).not.toHaveBeenCalled()
  })

  it("serves the app in the kiosk window's in-memory session too", async () => {
    const electron = await startMain(true, ['--kiosk'])
    expect(electron.session.fromPartition).toHaveBeenCalledWith('kiosk')
    expect(electron.partitionHandlers.get('kiosk')!.get('app')).toBe(electron.protocolHandlers.get('app'))
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null)
  })

  it('answers IPC from its own page only, storing progress under userData', async () => {
    const electron = await startMain(true)
    const ownPage = { senderFrame: { url: 'app://bundle/index.html#/results' } }
    const progress = { schema: 1, savedAt: 'now', answers: { q1: 'a' }, route: '/results' }
    const save = electron.handlers.get(CHANNELS.saveProgress)!
    expect(await save({ senderFrame: { url: 'https://example.org/' } }, progress)).toMatchObject({ ok: false })
    const oldFilePage = pathToFileURL(path.join(folder, 'app', 'dist', 'index.html')).href
    expect(await save({ senderFrame: { url: oldFilePage } }, progress)).toMatchObject({ ok: false })
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

  it('starts its menu in the saved language, follows the page after, and errors speak it too', async () => {
    fs.mkdirSync(path.join(folder, 'userData'), { recursive: true })
    fs.writeFileSync(path.join(folder, 'userData', 'preferences.json'), JSON.stringify({ schema: 1, locale: 'es' }))
    const electron = await startMain(true)
    const menuLabels = (call: number) =>
      (electron.Menu.buildFromTemplate.mock.calls[call]![0] as Array<{ label?: string }>).map((item) => item.label)
    expect(menuLabels(0)).toEqual(['Archivo', 'Editar', 'Ver', 'Ayuda'])
    const ownPage = { senderFrame: { url: 'app://bundle/index.html#/' } }
    const setLanguage = electron.handlers.get(CHANNELS.setInterfaceLanguage)!
    expect(await setLanguage(ownPage, 'en')).toEqual({ ok: true, value: undefined })
    expect(menuLabels(1)).toEqual(['File', 'Edit', 'View', 'Help'])
    expect(await setLanguage(ownPage, 'es')).toEqual({ ok: true, value: undefined })
    expect(await setLanguage(ownPage, 'fr')).toMatchObject({ ok: false, code: 'invalid-payload' })
    processEvents.emit('uncaughtException', new Error('kaboom'))
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Algo salió mal', expect.stringContaining('Los detalles'))
  })

  it("writes the page's errors to the same errors.log, from its own page only", async () => {
    const electron = await startMain(true)
    const logError = electron.handlers.get(CHANNELS.logError)!
    const report = { kind: 'vue', message: 'TypeError: x is undefined', stack: 'at Results.vue', where: 'setup' }
    expect(await logError({ senderFrame: { url: 'https://example.org/' } }, report)).toMatchObject({ ok: false })
    expect(await logError({ senderFrame: { url: 'app://bundle/index.html' } }, report)).toEqual({ ok: true })
    expect(
      await logError({ senderFrame: { url: 'app://bundle/index.html' } }, { ...report, message: 'x'.repeat(5000) }),
    ).toMatchObject({ ok: false, code: 'invalid-payload' })
    const log = fs.readFileSync(path.join(folder, 'userData', 'logs', 'errors.log'), 'utf8')
    expect(log).toContain('[renderer:vue] TypeError: x is undefined')
    expect(log).not.toContain('xxxxx')
    // A page error is logged without a dialog: the page tells the person itself.
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled()
  })

  it('Help › Open Logs Folder opens userData/logs, creating it first', async () => {
    const electron = await startMain(true)
    const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as Array<{
      label?: string
      submenu?: Array<{ label?: string; click?: () => void }>
    }>
    template.find((item) => item.label === 'Help')!.submenu!.find((item) => item.label === 'Open Logs Folder')!.click!()
    const logs = path.join(folder, 'userData', 'logs')
    expect(fs.statSync(logs).isDirectory()).toBe(true)
    expect(electron.shell.openPath).toHaveBeenCalledWith(logs)
  })
})
