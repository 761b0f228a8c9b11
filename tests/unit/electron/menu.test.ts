import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { aboutDetail, buildMenuTemplate, type MenuOptions } from '../../../electron/main/menu'

function options(overrides: Partial<MenuOptions> = {}): MenuOptions {
  return {
    appName: 'Health IT Role Finder',
    appVersion: '0.1.0',
    contentVersion: '2026.11.1',
    isMac: false,
    print: vi.fn(),
    openExport: vi.fn(),
    showAbout: vi.fn(),
    ...overrides,
  }
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[]
}

function click(item: MenuItemConstructorOptions | undefined): void {
  ;(item?.click as () => void)()
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    const template = buildMenuTemplate(options())
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'View', 'help'])
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

  it('View zooms in, out, back to normal, and toggles full screen', () => {
    const view = submenu(buildMenuTemplate(options())[2])
    expect(view.filter((item) => item.role).map((item) => item.role)).toEqual([
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'togglefullscreen',
    ])
  })

  it('Help opens About', () => {
    const opts = options()
    const help = submenu(buildMenuTemplate(opts)[3])
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

describe('aboutDetail', () => {
  it('shows the app version and the content version', () => {
    expect(aboutDetail('0.1.0', '2026.11.1')).toBe('Version 0.1.0\nContent version 2026.11.1')
  })

  it('leaves the content version out when the build has none', () => {
    expect(aboutDetail('0.1.0', null)).toBe('Version 0.1.0')
  })
})
