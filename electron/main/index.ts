/**
 * App lifecycle only: one instance, security guards, IPC, menu, error reporting and the
 * main window. Everything with logic lives in the modules imported here, which take
 * their dependencies as parameters and are tested without Electron.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron'
import { APP_HOST, APP_SCHEME, APP_SCHEME_PRIVILEGES, appPageUrl, createAppRequestHandler } from './app-protocol'
import { CONTENT_VERSION } from './build-info'
import {
  createErrorReporter,
  createRendererErrorSink,
  reportProcessErrors,
  watchWebContents,
  type CrashRecovery,
} from './error-reporting'
import { createMainLanguage } from './main-texts'
import { createHostHandlers } from './host-handlers'
import { registerIpcHandlers } from './ipc'
import { aboutDetail, buildMenuTemplate } from './menu'
import { guardWebContents, isTrustedSender } from './security'
import { createErrorLog } from './services/error-log'
import { createMainCounselorService } from './services/counselor'
import { createMainCenter, notifyOnSave } from './center/main-center'
import type { CounselorStore } from '../../src/storage'
import { createFileService } from './services/export-files'
import { createKioskSettingStore, createPreferencesStore, createProgressStore } from './services/progress-store'
import { createKioskSwitch } from '../../src/counselor/kiosk-switch'
import { isKioskLaunch, kioskIdleSeconds } from './kiosk'
import { KIOSK_PARTITION, openMainWindow } from './window'

// Stack traces in the error log then point at the TypeScript sources, via the shipped maps.
process.setSourceMapsEnabled(true)

// The same layout in development (`electron .`) and inside app.asar.
const appRoot = app.getAppPath()
const distPath = path.join(appRoot, 'dist')
const preloadPath = path.join(appRoot, 'dist-electron', 'preload', 'index.cjs')
const userData = app.getPath('userData')
// `--kiosk`, for center IT staff: set in the shortcut that starts the app on a shared computer.
// Counselors can also turn kiosk mode on as a setting (userData/kiosk.json), read at start-up.
const kioskByLaunch = isKioskLaunch(process.argv)
const kioskSetting = createKioskSettingStore(userData)
let kiosk = kioskByLaunch

const logsFolder = path.join(userData, 'logs')
const errorLog = createErrorLog({ folder: logsFolder })
// Menus and dialogs speak the page's language: the saved choice at start, then whatever the page says.
const language = createMainLanguage('en')
const report = createErrorReporter(
  errorLog,
  { showError: (title, message) => dialog.showErrorBox(title, message) },
  language.texts,
)
reportProcessErrors(process, report)

let mainWindow: BrowserWindow | null = null

// The renderer is served from app://bundle/ (app-protocol.ts), never from file:. The scheme
// must be declared before 'ready'; its handler is attached to each session once ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
const serveApp = createAppRequestHandler({ root: distPath, host: APP_HOST })

if (app.requestSingleInstanceLock()) {
  start()
} else {
  // Another copy is running; it receives 'second-instance' and comes to the front.
  app.quit()
}

function start(): void {
  // Sandbox every renderer, even one created without our window factory.
  app.enableSandbox()

  const recovery: CrashRecovery = {
    askToReload: async () => {
      const { errors } = language.texts()
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'Health IT Role Finder',
        message: errors.crashMessage,
        detail: errors.crashDetail(errorLog.file),
        buttons: [errors.reload, errors.quit],
        defaultId: 0,
        cancelId: 1,
      })
      return response === 0
    },
    reload: (contents: WebContents) => contents.reload(),
    quit: () => app.quit(),
  }

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents)
    watchWebContents(contents, { log: errorLog, report, recovery })
  })

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app
    .whenReady()
    .then(async () => {
      kiosk = kioskByLaunch || (await kioskSetting.load().catch(() => null))?.enabled === true
      // A kiosk window lives in its own in-memory session, which needs the handler too.
      protocol.handle(APP_SCHEME, serveApp)
      if (kiosk) session.fromPartition(KIOSK_PARTITION).protocol.handle(APP_SCHEME, serveApp)
      // Center mode syncs through the open counselor store, and hears of every save.
      let openStore: CounselorStore | null = null
      const center = createMainCenter({
        userData,
        safeStorage,
        counselorStore: () => openStore,
        log: (error) => errorLog.record('main:center', error),
      })
      const counselor = notifyOnSave(
        createMainCounselorService(userData, undefined, (store) => {
          openStore = store
          center.storeChanged(store)
        }),
        () => center.changed(),
      )
      const preferences = createPreferencesStore(userData)
      const saved = kiosk ? null : await preferences.load().catch(() => null)
      if (saved) language.set(saved.locale)
      registerIpcHandlers(
        ipcMain,
        createHostHandlers({
          app,
          progress: createProgressStore(path.join(userData, 'progress')),
          preferences,
          kiosk,
          kioskIdleSeconds: kioskIdleSeconds(process.argv),
          counselor,
          files: createFileService({ chooseSavePath, renderPdf }),
          center,
          kioskSwitch: createKioskSwitch({
            counselor,
            saveSetting: (setting) => kioskSetting.save(setting),
            forcedByLaunch: kioskByLaunch,
            restart: () => {
              app.relaunch()
              app.exit(0)
            },
          }),
          interfaceLanguage: language,
          rendererErrors: createRendererErrorSink(errorLog),
        }),
        {
          isTrustedSender,
          logError: (_channel, error) => errorLog.record('main:ipc', error),
          kiosk,
        },
      )
      // A kiosk has no menu: nothing to reach outside the assessment.
      if (kiosk) Menu.setApplicationMenu(null)
      else {
        setMenu()
        language.onChange(setMenu)
      }
      showMainWindow()
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) showMainWindow()
      })
    })
    .catch((error: unknown) => report('main:startup', error))
}

/** The application menu, in the language the page shows; rebuilt when it changes. */
function setMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        appName: app.getName(),
        appVersion: app.getVersion(),
        contentVersion: CONTENT_VERSION,
        isMac: process.platform === 'darwin',
        texts: language.texts(),
        print: printPage,
        openExport: () => void mainWindow?.loadURL(appPageUrl('/counselor/report')),
        showAbout,
        openLogsFolder,
      }),
    ),
  )
}

/** Help › Open Logs Folder: the folder may not exist before the first error. */
function openLogsFolder(): void {
  fs.mkdirSync(logsFolder, { recursive: true })
  void shell.openPath(logsFolder).then((problem) => {
    if (problem) errorLog.record('main:window', new Error(`Could not open the logs folder: ${problem}`))
  })
}

function showMainWindow(): void {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
  const window = openMainWindow({
    preloadPath,
    stateFolder: userData,
    workAreas: [primary, ...others].map((display) => display.workArea),
    kiosk,
    onError: (error) => report('main:window', error),
  })
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  mainWindow = window
}

async function chooseSavePath(defaultName: string, kind: 'json' | 'csv' | 'pdf'): Promise<string | undefined> {
  const options: Electron.SaveDialogOptions = {
    defaultPath: path.join(app.getPath('documents'), defaultName),
    filters: [{ name: language.texts().saveFilters[kind], extensions: [kind] }],
  }
  const chosen = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
  return chosen.canceled ? undefined : chosen.filePath
}

async function renderPdf(): Promise<Uint8Array> {
  if (!mainWindow) throw new Error('No window to print')
  // The page's print stylesheet lays the result out on one page.
  return mainWindow.webContents.printToPDF({ printBackground: true, pageSize: 'Letter', preferCSSPageSize: true })
}

function printPage(): void {
  mainWindow?.webContents.print({}, (success, failureReason) => {
    if (!success && failureReason !== 'cancelled') {
      errorLog.record('main:window', new Error(`Printing failed: ${failureReason}`))
    }
  })
}

function showAbout(): void {
  const texts = language.texts()
  const options: Electron.MessageBoxOptions = {
    type: 'info',
    title: texts.about.title(app.getName()),
    message: app.getName(),
    detail: aboutDetail(app.getVersion(), CONTENT_VERSION, texts),
    buttons: [texts.ok],
  }
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options))
}
