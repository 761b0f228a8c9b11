/**
 * App lifecycle only: one instance, security guards, IPC, menu, error reporting and the
 * main window. Everything with logic lives in the modules imported here, which take
 * their dependencies as parameters and are tested without Electron.
 */
import path from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, screen, type WebContents } from 'electron'
import { CONTENT_VERSION } from './build-info'
import { createErrorReporter, reportProcessErrors, watchWebContents, type CrashRecovery } from './error-reporting'
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
import { openMainWindow } from './window'

// Stack traces in the error log then point at the TypeScript sources, via the shipped maps.
process.setSourceMapsEnabled(true)

// The same layout in development (`electron .`) and inside app.asar.
const appRoot = app.getAppPath()
const indexPath = path.join(appRoot, 'dist', 'index.html')
const preloadPath = path.join(appRoot, 'dist-electron', 'preload', 'index.cjs')
const userData = app.getPath('userData')
// `--kiosk`, for center IT staff: set in the shortcut that starts the app on a shared computer.
// Counselors can also turn kiosk mode on as a setting (userData/kiosk.json), read at start-up.
const kioskByLaunch = isKioskLaunch(process.argv)
const kioskSetting = createKioskSettingStore(userData)
let kiosk = kioskByLaunch

const errorLog = createErrorLog({ folder: path.join(userData, 'logs') })
const report = createErrorReporter(errorLog, {
  showError: (title, message) => dialog.showErrorBox(title, message),
})
reportProcessErrors(process, report)

let mainWindow: BrowserWindow | null = null

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
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'Health IT Role Finder',
        message: "The app's window stopped working.",
        detail: `Reload it to carry on; your saved answers are kept.\n\nDetails were written to: ${errorLog.file}`,
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      })
      return response === 0
    },
    reload: (contents: WebContents) => contents.reload(),
    quit: () => app.quit(),
  }

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, indexPath)
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
      registerIpcHandlers(
        ipcMain,
        createHostHandlers({
          app,
          progress: createProgressStore(path.join(userData, 'progress')),
          preferences: createPreferencesStore(userData),
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
        }),
        {
          isTrustedSender: (frameUrl) => isTrustedSender(frameUrl, indexPath),
          logError: (_channel, error) => errorLog.record('main:ipc', error),
        },
      )
      // A kiosk has no menu: nothing to reach outside the assessment.
      Menu.setApplicationMenu(
        kiosk
          ? null
          : Menu.buildFromTemplate(
              buildMenuTemplate({
                appName: app.getName(),
                appVersion: app.getVersion(),
                contentVersion: CONTENT_VERSION,
                isMac: process.platform === 'darwin',
                print: printPage,
                openExport: () => void mainWindow?.loadFile(indexPath, { hash: '/counselor/report' }),
                showAbout,
              }),
            ),
      )
      showMainWindow()
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) showMainWindow()
      })
    })
    .catch((error: unknown) => report('main:startup', error))
}

function showMainWindow(): void {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
  const window = openMainWindow({
    indexPath,
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

const SAVE_FILTERS: Record<'json' | 'csv' | 'pdf', Electron.FileFilter> = {
  json: { name: 'Session file (JSON)', extensions: ['json'] },
  csv: { name: 'Spreadsheet (CSV)', extensions: ['csv'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
}

async function chooseSavePath(defaultName: string, kind: keyof typeof SAVE_FILTERS): Promise<string | undefined> {
  const options: Electron.SaveDialogOptions = {
    defaultPath: path.join(app.getPath('documents'), defaultName),
    filters: [SAVE_FILTERS[kind]],
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
  const options: Electron.MessageBoxOptions = {
    type: 'info',
    title: `About ${app.getName()}`,
    message: app.getName(),
    detail: aboutDetail(app.getVersion(), CONTENT_VERSION),
    buttons: ['OK'],
  }
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options))
}
