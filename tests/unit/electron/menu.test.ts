import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { MAIN_TEXTS, createMainLanguage } from '../../../electron/main/main-texts'
import { aboutDetail, buildMenuTemplate, type MenuOptions } from '../../../electron/main/menu'
import type { InterfaceLanguage } from '../../../src/shared/host-contract'

function options(overrides: Partial<MenuOptions> = {}): MenuOptions {
  return {
    appName: 'Health IT Role Finder',
    appVersion: '0.1.0',
    contentVersion: '2026.11.1',
    isMac: false,
    texts: MAIN_TEXTS.en,
    print: vi.fn(),
    openExport: vi.fn(),
    showAbout: vi.fn(),
    openLogsFolder: vi.fn(),
    ...overrides,
  }
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[]
}

function click(item: MenuItemConstructorOptions | undefined): void {
  ;(item?.click as () => void)()
}

/** Every item of the menu, submenus included, in order. */
function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...allItems(submenu(item))])
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    const template = buildMenuTemplate(options())
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help'])
    expect(template[3]!.role).toBe('help')
  })

  it('File prints the page and quits', () => {
    const opts = options()
    const file = submenu(buildMenuTemplate(opts)[0])
    const print = file.find((item) => item.label === 'Print…')
    expect(print?.accelerator).toBe('CmdOrCtrl+P')
    click(print)
    expect(opts.print).toHaveBeenCalledOnce()
    expect(file.some((item) => item.role === 'quit')).toBe(true)
  })

  it('File exports sessions through the counselor area', () => {
    const opts = options()
    const exportItem = submenu(buildMenuTemplate(opts)[0]).find((item) => item.label === 'Export Sessions…')
    expect(exportItem?.accelerator).toBe('CmdOrCtrl+E')
    click(exportItem)
    expect(opts.openExport).toHaveBeenCalledOnce()
  })

  it('Edit has the standard editing items, so copy and paste work in text fields', () => {
    const edit = submenu(buildMenuTemplate(options())[1])
    expect(edit.filter((item) => item.role).map((item) => item.role)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ])
  })

  it('View zooms in, out, back to normal, and toggles full screen', () => {
    const view = submenu(buildMenuTemplate(options())[2])
    expect(view.filter((item) => item.role).map((item) => item.role)).toEqual([
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'togglefullscreen',
    ])
  })

  it('Help opens the logs folder and About', () => {
    const opts = options()
    const help = submenu(buildMenuTemplate(opts)[3])
    click(help.find((item) => item.label === 'Open Logs Folder'))
    expect(opts.openLogsFolder).toHaveBeenCalledOnce()
    click(help.find((item) => item.label === 'About Health IT Role Finder'))
    expect(opts.showAbout).toHaveBeenCalledOnce()
  })

  it('on macOS puts About and Quit in the app menu, and not Quit under File', () => {
    const opts = options({ isMac: true })
    const [appMenu, file] = buildMenuTemplate(opts)
    expect(appMenu?.label).toBe('Health IT Role Finder')
    expect(submenu(appMenu).some((item) => item.role === 'quit')).toBe(true)
    click(submenu(appMenu)[0])
    expect(opts.showAbout).toHaveBeenCalledOnce()
    expect(submenu(file).some((item) => item.role === 'quit')).toBe(false)
  })
})

describe('the menu in both languages', () => {
  const labels = (language: InterfaceLanguage, isMac: boolean) =>
    allItems(buildMenuTemplate(options({ isMac, texts: MAIN_TEXTS[language] })))
      .filter((item) => item.type !== 'separator')
      .map((item) => item.label)

  it.each([false, true])('labels every item itself, roles included (macOS: %s)', (isMac) => {
    for (const language of ['en', 'es'] as const) {
      // Electron would name an unlabelled role item in the system's language, not the person's.
      expect(labels(language, isMac).every((label) => typeof label === 'string' && label.length > 0)).toBe(true)
    }
  })

  it.each([false, true])('has the same items in Spanish, each one translated (macOS: %s)', (isMac) => {
    const english = labels('en', isMac)
    const spanish = labels('es', isMac)
    expect(spanish).toHaveLength(english.length)
    const same = english.filter((label, index) => label === spanish[index])
    // Only the app's own name (the macOS app menu) is the same in both.
    expect(same).toEqual(isMac ? ['Health IT Role Finder'] : [])
  })

  it('reads in Spanish', () => {
    const template = buildMenuTemplate(options({ texts: MAIN_TEXTS.es }))
    expect(template.map((item) => item.label)).toEqual(['Archivo', 'Editar', 'Ver', 'Ayuda'])
    expect(submenu(template[0]).map((item) => item.label)).toEqual([
      'Imprimir…',
      'Exportar sesiones…',
      undefined,
      'Salir de Health IT Role Finder',
    ])
    expect(submenu(template[3]).map((item) => item.label)).toEqual([
      'Abrir la carpeta de registros',
      undefined,
      'Acerca de Health IT Role Finder',
    ])
  })

  it('keeps the same accelerators and roles in both languages', () => {
    const shape = (language: InterfaceLanguage) =>
      allItems(buildMenuTemplate(options({ texts: MAIN_TEXTS[language] }))).map((item) => [item.role, item.accelerator])
    expect(shape('es')).toEqual(shape('en'))
  })
})

describe('aboutDetail', () => {
  it('shows the app version and the content version', () => {
    expect(aboutDetail('0.1.0', '2026.11.1', MAIN_TEXTS.en)).toBe('Version 0.1.0\nContent version 2026.11.1')
    expect(aboutDetail('0.1.0', '2026.11.1', MAIN_TEXTS.es)).toBe('Versión 0.1.0\nVersión del contenido 2026.11.1')
  })

  it('leaves the content version out when the build has none', () => {
    expect(aboutDetail('0.1.0', null, MAIN_TEXTS.en)).toBe('Version 0.1.0')
  })
})

describe('MAIN_TEXTS', () => {
  it('has every English text in Spanish too, and none left empty', () => {
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, inner]) =>
        typeof inner === 'object' && inner !== null ? keys(inner as object, `${prefix}${key}.`) : [`${prefix}${key}`],
      )
    expect(keys(MAIN_TEXTS.es)).toEqual(keys(MAIN_TEXTS.en))
    const render = (inner: unknown) => (typeof inner === 'function' ? (inner as (x: string) => string)('X') : inner)
    for (const texts of Object.values(MAIN_TEXTS)) {
      for (const group of Object.values(texts)) {
        const values = typeof group === 'object' ? Object.values(group as object) : [group]
        for (const value of values) expect(String(render(value)).trim()).not.toBe('')
      }
    }
  })

  it('createMainLanguage follows the page and tells its listeners once per change', () => {
    const language = createMainLanguage('en')
    const heard: string[] = []
    language.onChange((value) => heard.push(value))
    language.set('es')
    language.set('es')
    expect(language.current).toBe('es')
    expect(language.texts().menu.file).toBe('Archivo')
    language.set('en')
    expect(heard).toEqual(['es', 'en'])
  })
})
