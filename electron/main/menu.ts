import type { MenuItemConstructorOptions } from 'electron'

export interface MenuOptions {
  appName: string
  appVersion: string
  /** Version of the questionnaire and role content, or null while the build does not provide one. */
  contentVersion: string | null
  isMac: boolean
  print(): void
  /** Opens the counselor area's export page (CSV for reporting; it asks for the passcode first). */
  openExport(): void
  showAbout(): void
}

/** The application menu as plain data, so it can be tested without Electron. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = []
  if (options.isMac) {
    // macOS puts About and Quit under the app's own menu, named after the app.
    template.push({
      label: options.appName,
      submenu: [
        { label: `About ${options.appName}`, click: () => options.showAbout() },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    })
  }
  template.push(
    {
      label: 'File',
      submenu: [
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => options.print() },
        { label: 'Export Sessions…', accelerator: 'CmdOrCtrl+E', click: () => options.openExport() },
        ...(options.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    // Without an Edit menu, copy and paste shortcuts do not work in text fields on macOS.
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [{ label: `About ${options.appName}`, click: () => options.showAbout() }],
    },
  )
  return template
}

/** The About box's text: app version, and content version when the build provides one. */
export function aboutDetail(appVersion: string, contentVersion: string | null): string {
  const lines = [`Version ${appVersion}`]
  if (contentVersion) lines.push(`Content version ${contentVersion}`)
  return lines.join('\n')
}
