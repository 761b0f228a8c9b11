import type { MenuItemConstructorOptions } from 'electron'
import type { MainTexts } from './main-texts'

export interface MenuOptions {
  appName: string
  appVersion: string
  /** Version of the questionnaire and role content, or null while the build does not provide one. */
  contentVersion: string | null
  isMac: boolean
  /** The words, in the language the page shows (main-texts.ts). */
  texts: MainTexts
  print(): void
  /** Opens the counselor area's export page (CSV for reporting; it asks for the passcode first). */
  openExport(): void
  showAbout(): void
  /** Opens userData/logs, where errors.log lives, in the system's file manager. */
  openLogsFolder(): void
}

/**
 * The application menu as plain data, so it can be tested without Electron. Every item
 * carries its own label, roles included: Electron would otherwise name role items in the
 * system's language, not in the one the person chose.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { menu } = options.texts
  const template: MenuItemConstructorOptions[] = []
  if (options.isMac) {
    // macOS puts About and Quit under the app's own menu, named after the app.
    template.push({
      label: options.appName,
      submenu: [
        { label: menu.about(options.appName), click: () => options.showAbout() },
        { type: 'separator' },
        { role: 'hide', label: menu.hide(options.appName) },
        { role: 'hideOthers', label: menu.hideOthers },
        { role: 'unhide', label: menu.showAll },
        { type: 'separator' },
        { role: 'quit', label: menu.quit(options.appName) },
      ],
    })
  }
  template.push(
    {
      label: menu.file,
      submenu: [
        { label: menu.print, accelerator: 'CmdOrCtrl+P', click: () => options.print() },
        { label: menu.exportSessions, accelerator: 'CmdOrCtrl+E', click: () => options.openExport() },
        ...(options.isMac
          ? []
          : [{ type: 'separator' } as const, { role: 'quit', label: menu.quit(options.appName) } as const]),
      ],
    },
    // Without an Edit menu, copy and paste shortcuts do not work in text fields on macOS.
    {
      label: menu.edit,
      submenu: [
        { role: 'undo', label: menu.undo },
        { role: 'redo', label: menu.redo },
        { type: 'separator' },
        { role: 'cut', label: menu.cut },
        { role: 'copy', label: menu.copy },
        { role: 'paste', label: menu.paste },
        { role: 'selectAll', label: menu.selectAll },
      ],
    },
    {
      label: menu.view,
      submenu: [
        { role: 'zoomIn', label: menu.zoomIn },
        { role: 'zoomOut', label: menu.zoomOut },
        { role: 'resetZoom', label: menu.actualSize },
        { type: 'separator' },
        { role: 'togglefullscreen', label: menu.fullScreen },
      ],
    },
    {
      role: 'help',
      label: menu.help,
      submenu: [
        { label: menu.openLogsFolder, click: () => options.openLogsFolder() },
        { type: 'separator' },
        { label: menu.about(options.appName), click: () => options.showAbout() },
      ],
    },
  )
  return template
}

/** The About box's text: app version, and content version when the build provides one. */
export function aboutDetail(appVersion: string, contentVersion: string | null, texts: MainTexts): string {
  const lines = [texts.about.version(appVersion)]
  if (contentVersion) lines.push(texts.about.contentVersion(contentVersion))
  return lines.join('\n')
}
