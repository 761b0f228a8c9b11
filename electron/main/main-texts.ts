/**
 * The words main shows itself (menus, the About box, error and crash dialogs, save-dialog
 * filters), in the languages of the interface. The page tells main which one it shows
 * (HostApi.setInterfaceLanguage); until it does, main uses the saved preference or English.
 */
import type { InterfaceLanguage } from '../../src/shared/host-contract'

export interface MainTexts {
  menu: {
    file: string
    print: string
    exportSessions: string
    edit: string
    undo: string
    redo: string
    cut: string
    copy: string
    paste: string
    selectAll: string
    view: string
    zoomIn: string
    zoomOut: string
    actualSize: string
    fullScreen: string
    help: string
    about(appName: string): string
    openLogsFolder: string
    hide(appName: string): string
    hideOthers: string
    showAll: string
    quit(appName: string): string
  }
  about: { title(appName: string): string; version(version: string): string; contentVersion(version: string): string }
  ok: string
  errors: {
    title: string
    unexpected(logFile: string): string
    crashMessage: string
    crashDetail(logFile: string): string
    reload: string
    quit: string
  }
  saveFilters: { json: string; csv: string; pdf: string }
}

const en: MainTexts = {
  menu: {
    file: 'File',
    print: 'Print…',
    exportSessions: 'Export Sessions…',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    actualSize: 'Actual Size',
    fullScreen: 'Toggle Full Screen',
    help: 'Help',
    about: (appName) => `About ${appName}`,
    openLogsFolder: 'Open Logs Folder',
    hide: (appName) => `Hide ${appName}`,
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: (appName) => `Quit ${appName}`,
  },
  about: {
    title: (appName) => `About ${appName}`,
    version: (version) => `Version ${version}`,
    contentVersion: (version) => `Content version ${version}`,
  },
  ok: 'OK',
  errors: {
    title: 'Something went wrong',
    unexpected: (logFile) =>
      [
        'Health IT Role Finder ran into a problem it did not expect.',
        'If something stops working, close the app and open it again. Your saved answers are kept.',
        `Details were written to: ${logFile}`,
      ].join('\n\n'),
    crashMessage: "The app's window stopped working.",
    crashDetail: (logFile) =>
      `Reload it to carry on; your saved answers are kept.\n\nDetails were written to: ${logFile}`,
    reload: 'Reload',
    quit: 'Quit',
  },
  saveFilters: { json: 'Session file (JSON)', csv: 'Spreadsheet (CSV)', pdf: 'PDF document' },
}

const es: MainTexts = {
  menu: {
    file: 'Archivo',
    print: 'Imprimir…',
    exportSessions: 'Exportar sesiones…',
    edit: 'Editar',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    selectAll: 'Seleccionar todo',
    view: 'Ver',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    actualSize: 'Tamaño real',
    fullScreen: 'Pantalla completa',
    help: 'Ayuda',
    about: (appName) => `Acerca de ${appName}`,
    openLogsFolder: 'Abrir la carpeta de registros',
    hide: (appName) => `Ocultar ${appName}`,
    hideOthers: 'Ocultar otros',
    showAll: 'Mostrar todo',
    quit: (appName) => `Salir de ${appName}`,
  },
  about: {
    title: (appName) => `Acerca de ${appName}`,
    version: (version) => `Versión ${version}`,
    contentVersion: (version) => `Versión del contenido ${version}`,
  },
  ok: 'Aceptar',
  errors: {
    title: 'Algo salió mal',
    unexpected: (logFile) =>
      [
        'Health IT Role Finder tuvo un problema inesperado.',
        'Si algo deja de funcionar, cierre la aplicación y ábrala de nuevo. Sus respuestas guardadas se conservan.',
        `Los detalles se guardaron en: ${logFile}`,
      ].join('\n\n'),
    crashMessage: 'La ventana de la aplicación dejó de funcionar.',
    crashDetail: (logFile) =>
      `Vuelva a cargarla para seguir; sus respuestas guardadas se conservan.\n\nLos detalles se guardaron en: ${logFile}`,
    reload: 'Volver a cargar',
    quit: 'Salir',
  },
  saveFilters: { json: 'Archivo de sesión (JSON)', csv: 'Hoja de cálculo (CSV)', pdf: 'Documento PDF' },
}

export const MAIN_TEXTS: Readonly<Record<InterfaceLanguage, MainTexts>> = { en, es }

/** The one language main speaks at a time; listeners (the menu) follow each change. */
export function createMainLanguage(initial: InterfaceLanguage = 'en') {
  let current = initial
  const listeners = new Set<(language: InterfaceLanguage) => void>()
  return {
    get current(): InterfaceLanguage {
      return current
    },
    texts: (): MainTexts => MAIN_TEXTS[current],
    set(language: InterfaceLanguage): void {
      if (language === current) return
      current = language
      for (const listener of listeners) listener(language)
    },
    onChange(listener: (language: InterfaceLanguage) => void): void {
      listeners.add(listener)
    },
  }
}
export type MainLanguage = ReturnType<typeof createMainLanguage>
