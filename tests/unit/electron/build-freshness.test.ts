import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BUILDS, staleReason } from '../../../scripts/build-freshness.mjs'

const build = { script: 'build:x', outputs: ['out/main.js', 'out/preload.cjs'], sources: ['src', 'config.ts'] }
let root: string

function touch(relative: string, secondsAgo: number): void {
  const file = path.join(root, relative)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, relative)
  const time = new Date(Date.now() - secondsAgo * 1000)
  fs.utimesSync(file, time, time)
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'freshness-'))
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('staleReason', () => {
  it('asks for a build when an output is missing', () => {
    touch('src/a.ts', 100)
    touch('out/main.js', 10)
    expect(staleReason(root, build)).toBe('out/preload.cjs is missing')
  })

  it('asks for a build when any source is newer than the oldest output', () => {
    touch('out/main.js', 50)
    touch('out/preload.cjs', 10)
    touch('src/deep/nested/a.ts', 20)
    expect(staleReason(root, build)).toMatch(/sources changed/)
  })

  it('is fresh when every output is newer than every source (missing sources are fine)', () => {
    touch('src/a.ts', 100)
    touch('out/main.js', 10)
    touch('out/preload.cjs', 10)
    expect(staleReason(root, build)).toBeNull()
  })
})

describe('the builds npm start checks', () => {
  // A source that does not exist is skipped without a word, so a moved file would leave builds stale unnoticed.
  it.each(Object.entries(BUILDS))('name only sources that exist: %s', (_name, { sources }) => {
    const project = path.resolve(import.meta.dirname, '../../..')
    expect(sources.filter((source) => !fs.existsSync(path.join(project, source)))).toEqual([])
  })
})
