import fs from 'node:fs'
import { builtinModules } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { createBuilder } from 'vite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/host-contract'
import { hostFromBridge } from '../../../src/host/bridge-host'
import type { BridgeApi } from '../../../src/shared/host-contract'

/**
 * Builds main and preload with the real vite.electron.config.ts (into a temp folder) and
 * checks what Electron will actually load: a sandboxed preload must be one CommonJS file
 * that requires nothing but `electron`, and main may import only electron and Node.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url))
let out: string

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-bundles-'))
  const builder = await createBuilder({
    configFile: path.join(root, 'vite.electron.config.ts'),
    logLevel: 'silent',
    environments: {
      main: { build: { outDir: path.join(out, 'main') } },
      preload: { build: { outDir: path.join(out, 'preload') } },
    },
  })
  await builder.buildApp()
}, 60_000)

afterAll(() => fs.rmSync(out, { recursive: true, force: true }))

describe('preload bundle', () => {
  it('is a single index.cjs file (plus its source map)', () => {
    expect(fs.readdirSync(path.join(out, 'preload')).sort()).toEqual(['index.cjs', 'index.cjs.map'])
  })

  it('runs as sandboxed CommonJS, requiring only electron, and exposes window.api', async () => {
    const code = fs.readFileSync(path.join(out, 'preload', 'index.cjs'), 'utf8')
    const exposed = new Map<string, Record<string, (...args: unknown[]) => Promise<unknown>>>()
    const invoke = vi.fn(async () => ({ ok: true, value: null }))
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: never) => exposed.set(key, api) },
      ipcRenderer: { invoke },
    }
    const required: string[] = []
    const sandboxRequire = (name: string) => {
      required.push(name)
      if (name === 'electron') return electron
      throw new Error(`a sandboxed preload cannot require ${name}`)
    }
    const module = { exports: {} }
    vm.runInNewContext(`(function (require, module, exports) {${code}\n})`, { console })(
      sandboxRequire,
      module,
      module.exports,
    )

    expect(required).toEqual(['electron'])
    expect([...exposed.keys()]).toEqual(['api'])
    const api = exposed.get('api')!
    expect(Object.keys(api).sort()).toEqual(Object.keys(CHANNELS).sort())
    // What the page gets through its host (src/host/bridge-host.ts unwraps the plain reply).
    await expect(hostFromBridge(api as unknown as BridgeApi).loadProgress()).resolves.toBeNull()
    expect(invoke).toHaveBeenCalledWith(CHANNELS.loadProgress, undefined)
  })
})

describe('main bundle', () => {
  it("is one ES module that imports only electron and Node builtins, with sql.js's WebAssembly beside it", () => {
    expect(fs.readdirSync(path.join(out, 'main')).sort()).toEqual(['index.js', 'index.js.map', 'sql-wasm.wasm'])
    const code = fs.readFileSync(path.join(out, 'main', 'index.js'), 'utf8')
    const imports = [...code.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((match) => match[1]!)
    const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)])
    expect(imports.length).toBeGreaterThan(0)
    expect(imports.filter((name) => !allowed.has(name))).toEqual([])
    expect(code).not.toMatch(/\brequire\(/)
  })

  it('carries the content version for the About box', () => {
    const scoring = JSON.parse(fs.readFileSync(path.join(root, 'src/content/scoring.json'), 'utf8')) as {
      version: string
    }
    const code = fs.readFileSync(path.join(out, 'main', 'index.js'), 'utf8')
    expect(code).toContain(`CONTENT_VERSION = ${JSON.stringify(scoring.version)}`)
  })
})
