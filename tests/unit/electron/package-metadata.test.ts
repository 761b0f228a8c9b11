import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * What the installers need from package.json, and an `engines` field that tells the truth:
 * every Node version it allows is one that every locked package says it supports.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url))
// semver is in the lock as a dependency of several tools (no types are installed, hence require).
const require = createRequire(import.meta.url)
const semver = require('semver') as {
  subset(inner: string, outer: string): boolean
  satisfies(version: string, range: string): boolean
  minVersion(range: string): { version: string } | null
}

interface PackageJson {
  homepage?: string
  author?: { name?: string; email?: string }
  engines?: { node?: string }
}
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>
}

/** [package path, its engines.node] for every locked package that declares one. */
function lockedNodeRanges(): [string, string][] {
  return Object.entries(lock.packages)
    .filter(([name]) => name !== '')
    .flatMap(([name, entry]) => {
      const node = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined
      return node ? [[name.replace(/^.*node_modules\//, ''), node] as [string, string]] : []
    })
}

describe('package.json', () => {
  it('has the homepage and maintainer address the deb target requires', () => {
    // electron-builder's FpmTarget refuses to build a deb without both.
    expect(new URL(pkg.homepage!).protocol).toBe('https:')
    expect(pkg.author?.name).toBeTruthy()
    expect(pkg.author?.email).toMatch(/^[^\s@<>]+@[^\s@<>]+\.[a-z]{2,}$/)
  })

  it('allows only Node versions that every locked package supports', () => {
    const ours = pkg.engines!.node!
    const tooNarrow = lockedNodeRanges().filter(([, range]) => !semver.subset(ours, range))
    expect(tooNarrow, `engines.node "${ours}" allows versions these packages do not support`).toEqual([])
  })

  it('is not narrower than it must be: its lowest version is the lowest all packages accept', () => {
    const lowest = semver.minVersion(pkg.engines!.node!)!.version
    const refusing = lockedNodeRanges().filter(([, range]) => !semver.satisfies(lowest, range))
    expect(refusing).toEqual([])
    // Electron 45 and electron-builder's downloaders are among those that need Node 22.
    const needs22 = lockedNodeRanges().filter(([, range]) => !semver.satisfies('20.19.0', range))
    expect(needs22.map(([name]) => name)).toEqual(expect.arrayContaining(['electron', '@electron/get']))
  })
})
