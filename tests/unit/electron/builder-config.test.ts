import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))
// js-yaml comes with electron-builder (no types are installed, hence require).
const require = createRequire(import.meta.url)
const yaml = require('js-yaml') as { load(text: string): unknown }

interface PlatformConfig {
  icon: string
  target: Array<string | { target: string }>
}
interface BuilderConfig {
  appId: string
  productName: string
  directories: { buildResources: string; output: string }
  files: string[]
  asar: boolean
  npmRebuild: boolean
  publish: null
  electronFuses: Record<string, boolean>
  win: PlatformConfig
  mac: PlatformConfig
  linux: PlatformConfig
  nsis: Record<string, unknown>
}
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig

function targets(platform: 'win' | 'mac' | 'linux'): string[] {
  return config[platform].target.map((t) => (typeof t === 'string' ? t : t.target))
}

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('org.healthitrolefinder.app')
    expect(config.productName).toBe('Health IT Role Finder')
    expect(config.directories).toEqual({ buildResources: 'assets', output: 'release' })
  })

  it('ships only the built app, in an asar, with nothing published', () => {
    expect(config.files).toEqual(['dist/**', 'dist-electron/**', 'package.json'])
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
    expect(config.publish).toBeNull()
  })

  it('flips every fuse that hardens the binary', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('builds the expected installers per platform', () => {
    expect(targets('win')).toEqual(['nsis', 'portable'])
    expect(targets('mac')).toEqual(['dmg'])
    expect(targets('linux')).toEqual(['AppImage', 'deb'])
  })

  it('installs per user on Windows, without administrator rights', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false })
  })

  it('points at icons that exist', () => {
    const icons = [config.win.icon, config.mac.icon, config.linux.icon]
    for (const icon of icons) expect(fs.existsSync(path.join(root, icon)), icon).toBe(true)
    const linuxIcons = fs.readdirSync(path.join(root, config.linux.icon))
    expect(linuxIcons).toEqual(expect.arrayContaining(['16x16.png', '32x32.png', '256x256.png', '512x512.png']))
    // electron-builder looks in buildResources for icon.png when a platform names none.
    expect(fs.existsSync(path.join(root, config.directories.buildResources, 'icon.png'))).toBe(true)
  })

  it('ships the entry point package.json names', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string }
    expect(pkg.main).toBe('dist-electron/main/index.js')
    expect(config.files).toContain('dist-electron/**')
  })

  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>
    }
    const { DebugLogger } = require('builder-util/out/DebugLogger.js') as {
      DebugLogger: new (enabled: boolean) => unknown
    }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    await expect(
      validateConfiguration({ ...config, electronFuses: { runAsNod: false } }, new DebugLogger(false)),
    ).rejects.toThrow()
    // Reason: loading and compiling electron-builder's JSON schema takes over 5 s on a busy 2-core machine.
  }, 30_000)
})
