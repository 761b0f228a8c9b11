import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_WINDOW_SIZE, restoreBounds, type Rect } from '../../../electron/main/window-bounds'
import { loadWindowState, saveWindowState, WINDOW_STATE_FILE_NAME } from '../../../electron/main/window-state'

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 860 }
const monitorRight: Rect = { x: 1440, y: 0, width: 2560, height: 1400 }

describe('restoreBounds', () => {
  it.each<[string, Rect | null, Rect[], Rect | { width: number; height: number }]>([
    ['nothing saved: default size, centred by Electron', null, [laptop], DEFAULT_WINDOW_SIZE],
    [
      'fully visible: kept as is',
      { x: 100, y: 50, width: 1000, height: 700 },
      [laptop],
      { x: 100, y: 50, width: 1000, height: 700 },
    ],
    [
      'on the second monitor: stays there',
      { x: 2000, y: 100, width: 1200, height: 900 },
      [laptop, monitorRight],
      { x: 2000, y: 100, width: 1200, height: 900 },
    ],
    [
      'hanging off the right edge: pushed inside',
      { x: 1000, y: 100, width: 800, height: 600 },
      [laptop],
      { x: 640, y: 100, width: 800, height: 600 },
    ],
    [
      'above the top: pushed down',
      { x: 100, y: -300, width: 800, height: 600 },
      [laptop],
      { x: 100, y: 0, width: 800, height: 600 },
    ],
    [
      'bigger than the display: shrunk to it',
      { x: 0, y: 0, width: 3000, height: 2000 },
      [laptop],
      { x: 0, y: 0, width: 1440, height: 860 },
    ],
    [
      'monitor unplugged: centred on the primary',
      { x: 2000, y: 100, width: 1000, height: 700 },
      [laptop],
      { x: 220, y: 80, width: 1000, height: 700 },
    ],
    [
      'tiny saved size: grown to the minimum',
      { x: 10, y: 10, width: 100, height: 100 },
      [laptop],
      { x: 10, y: 10, width: 480, height: 560 },
    ],
    [
      'straddling two displays: goes to the one it covers most',
      { x: 1300, y: 100, width: 1000, height: 700 },
      [laptop, monitorRight],
      { x: 1440, y: 100, width: 1000, height: 700 },
    ],
  ])('%s', (_label, saved, areas, expected) => {
    expect(restoreBounds(saved, areas)).toEqual(expected)
  })

  it('fits the default size on a small primary display', () => {
    expect(restoreBounds(null, [{ x: 0, y: 0, width: 1024, height: 600 }])).toEqual({ width: 1024, height: 600 })
  })

  it('with no display information, keeps only the saved size', () => {
    expect(restoreBounds({ x: 5, y: 5, width: 900, height: 650 }, [])).toEqual({ width: 900, height: 650 })
  })
})

describe('window state file', () => {
  it('round-trips the placement and rounds fractional pixels', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'window-state-'))
    saveWindowState(folder, { bounds: { x: 10.4, y: 20.6, width: 900, height: 700 }, maximized: false })
    expect(loadWindowState(folder)).toEqual({ bounds: { x: 10, y: 21, width: 900, height: 700 }, maximized: false })
    fs.rmSync(folder, { recursive: true })
  })

  it.each([
    ['missing', null],
    ['garbage', 'not json'],
    ['a wrong shape', JSON.stringify({ bounds: { x: 0, y: 0, width: -5, height: 10 }, maximized: false })],
  ])('treats a %s file as no saved state', (_label, content) => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'window-state-'))
    if (content !== null) fs.writeFileSync(path.join(folder, WINDOW_STATE_FILE_NAME), content)
    expect(loadWindowState(folder)).toBeNull()
    fs.rmSync(folder, { recursive: true })
  })
})
