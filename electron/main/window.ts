import { BrowserWindow } from 'electron'
import { appPageUrl } from './app-protocol'
import { MINIMUM_WINDOW_SIZE, restoreBounds, type Rect, type Size } from './window-bounds'
import { loadWindowState, saveWindowState } from './window-state'

export const KIOSK_PARTITION = 'kiosk'

export interface MainWindowOptions {
  /** Absolute path of the bundled preload, dist-electron/preload/index.cjs. */
  preloadPath: string
  /** Where to put the window: from restoreBounds(). A bare size lets Electron centre it. */
  placement: Rect | Size
  maximized: boolean
  /** Route to open, e.g. "/results": the renderer uses hash routing, so it goes after '#'. */
  route?: string
  /** Workforce-center kiosk: full screen, no devtools, and an in-memory session so Chromium writes nothing to disk. */
  kiosk?: boolean
  onLoadFailed(error: unknown): void
}

/**
 * The app's only window. Every security-relevant web preference is spelled out even where
 * it is Electron's default, so a future default change or a copy-paste cannot weaken it.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.placement,
    minWidth: MINIMUM_WINDOW_SIZE.width,
    minHeight: MINIMUM_WINDOW_SIZE.height,
    // Hidden until the first paint, so the person never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    kiosk: options.kiosk ?? false,
    autoHideMenuBar: options.kiosk ?? false,
    webPreferences: {
      // A partition name without "persist:" lives in memory only: no cache, storage or cookies on disk.
      ...(options.kiosk ? { partition: KIOSK_PARTITION, devTools: false } : {}),
      // Reviewed: the preload hands the page only intent-level functions (preload/host-api.ts).
      preload: options.preloadPath /* eng-disable PRELOAD_JS_CHECK @preserve */,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  })

  window.once('ready-to-show', () => {
    if (options.maximized) window.maximize()
    window.show()
  })

  // The app's own protocol (app-protocol.ts), registered on this window's session before it opens.
  window.loadURL(appPageUrl(options.route)).catch(options.onLoadFailed)
  return window
}

export interface OpenMainWindowOptions {
  preloadPath: string
  /** Folder holding window-state.json (userData). */
  stateFolder: string
  /** Work areas of the displays, primary first (from Electron's `screen`). */
  workAreas: readonly Rect[]
  kiosk?: boolean
  onError(error: unknown): void
}

/** Opens the main window where it was last closed, and remembers its placement on close. */
export function openMainWindow(options: OpenMainWindowOptions): BrowserWindow {
  const saved = loadWindowState(options.stateFolder)
  const window = createMainWindow({
    preloadPath: options.preloadPath,
    placement: restoreBounds(saved?.bounds ?? null, options.workAreas),
    maximized: saved?.maximized ?? false,
    kiosk: options.kiosk,
    onLoadFailed: options.onError,
  })
  window.on('close', () => {
    try {
      saveWindowState(options.stateFolder, {
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized(),
      })
    } catch (error) {
      options.onError(error)
    }
  })
  return window
}
