import fs from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * src/shared is imported by main, preload, renderer and tests alike, so it must run in
 * every one of them: no Node, no Electron, no Vue, no DOM.
 */
const sharedDir = fileURLToPath(new URL('../../../src/shared', import.meta.url))
const files = fs.readdirSync(sharedDir).filter((name) => name.endsWith('.ts'))

const FORBIDDEN_MODULES = new Set(['electron', 'vue', ...builtinModules])
const DOM_GLOBALS = /\b(window|document|navigator|localStorage|sessionStorage|HTMLElement|location)\s*[.[]/

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1')
}

/** Every module specifier: static imports/exports, side-effect imports, import() and require(). */
export function importedModules(source: string): string[] {
  const code = stripComments(source)
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!))
}

function isForbidden(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true
  const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!
  return FORBIDDEN_MODULES.has(packageName) || packageName.startsWith('@vue/')
}

describe('src/shared stays runtime-neutral', () => {
  it('has the contract files to check', () => {
    expect(files).toEqual(expect.arrayContaining(['host-contract.ts', 'csp.ts']))
  })

  it.each(files)('%s imports nothing from node:, electron, vue or Node builtins', (file) => {
    const source = fs.readFileSync(path.join(sharedDir, file), 'utf8')
    expect(importedModules(source).filter(isForbidden)).toEqual([])
  })

  it.each(files)('%s uses no DOM globals', (file) => {
    const source = stripComments(fs.readFileSync(path.join(sharedDir, file), 'utf8'))
    expect(source).not.toMatch(DOM_GLOBALS)
  })

  it('the import scanner catches every form of import', () => {
    const sample = [
      "import fs from 'node:fs'",
      "import type { App } from 'vue'",
      "export { ipcRenderer } from 'electron'",
      "import 'path'",
      "const x = await import('os')",
      "const y = require('@vue/reactivity')",
      "import { z } from 'zod'",
    ].join('\n')
    expect(importedModules(sample).filter(isForbidden).sort()).toEqual(
      ['@vue/reactivity', 'electron', 'node:fs', 'os', 'path', 'vue'].sort(),
    )
  })
})
