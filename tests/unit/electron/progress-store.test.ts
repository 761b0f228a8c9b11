import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic, writeFileAtomicSync } from '../../../electron/main/services/atomic-file'
import {
  createProgressStore,
  describeFileError,
  PROGRESS_FILE_NAME,
  type RecordFileSystem,
} from '../../../electron/main/services/progress-store'
import type { SavedProgress } from '../../../src/shared/host-contract'

const progress: SavedProgress = {
  schema: 1,
  savedAt: '2026-11-25T08:00:00.000Z',
  answers: { license_held: 'none', interests: ['teaching'] },
  route: '/question/4',
}

let folder: string
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'progress-'))
})
afterEach(() => {
  fs.chmodSync(folder, 0o700)
  fs.rmSync(folder, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it.each([
    ['async', writeFileAtomic],
    ['sync', async (file: string, data: string) => writeFileAtomicSync(file, data)],
  ])('(%s) replaces the file by rename, never rewriting it in place, and leaves no temp file', async (_kind, write) => {
    const target = path.join(folder, 'data.json')
    await write(target, 'old')
    const before = fs.statSync(target).ino
    await write(target, 'new')
    expect(fs.readFileSync(target, 'utf8')).toBe('new')
    // A new inode means readers saw either the whole old file or the whole new one.
    expect(fs.statSync(target).ino).not.toBe(before)
    expect(fs.readdirSync(folder)).toEqual(['data.json'])
  })

  it('cleans up its temp file when the final rename fails', async () => {
    const target = path.join(folder, 'taken')
    fs.mkdirSync(path.join(target, 'child'), { recursive: true })
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow()
    expect(fs.readdirSync(folder)).toEqual(['taken'])
  })
})

describe('createProgressStore', () => {
  it('has no progress before the first save', async () => {
    await expect(createProgressStore(folder).load()).resolves.toBeNull()
  })

  it('round-trips progress, creating its folder on first save', async () => {
    const store = createProgressStore(path.join(folder, 'progress'))
    await store.save(progress)
    await expect(store.load()).resolves.toEqual(progress)
    await expect(createProgressStore(path.join(folder, 'progress')).load()).resolves.toEqual(progress)
    // Answers are personal: readable by their owner only.
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(folder, 'progress', PROGRESS_FILE_NAME)).mode & 0o777).toBe(0o600)
    }
  })

  it('clears progress, and clearing twice is fine', async () => {
    const store = createProgressStore(folder)
    await store.save(progress)
    await store.clear()
    await store.clear()
    await expect(store.load()).resolves.toBeNull()
  })

  it('refuses to save progress that does not match the schema', async () => {
    const store = createProgressStore(folder)
    await expect(store.save({ ...progress, route: 'javascript:alert(1)' })).rejects.toThrow()
    expect(fs.readdirSync(folder)).toEqual([])
  })

  it.each([
    ['broken JSON', '{"schema": 1, "answers": {'],
    ['JSON of the wrong shape', JSON.stringify({ ...progress, schema: 99 })],
    ['an empty file', ''],
  ])('moves %s aside with a timestamp and reports no progress', async (_label, content) => {
    fs.writeFileSync(path.join(folder, PROGRESS_FILE_NAME), content)
    const store = createProgressStore(folder, () => new Date('2026-11-25T09:30:15.123Z'))
    await expect(store.load()).resolves.toBeNull()
    const aside = 'progress.damaged-2026-11-25T09-30-15-123Z.json'
    expect(fs.readdirSync(folder)).toEqual([aside])
    expect(fs.readFileSync(path.join(folder, aside), 'utf8')).toBe(content)
    // And the person can carry on saving.
    await store.save(progress)
    await expect(store.load()).resolves.toEqual(progress)
  })

  it('explains a read-only folder in plain words', async () => {
    // A folder this test makes and controls, whatever folder the clone is in.
    const readOnly = path.join(folder, 'read-only')
    fs.mkdirSync(readOnly)
    fs.chmodSync(readOnly, 0o555)
    try {
      // Root ignores folder permissions (CI runs as root). Then the file system is the real
      // one except that it refuses every write with EACCES, as the kernel does for other users.
      const asRoot = process.getuid?.() === 0
      const store = createProgressStore(readOnly, undefined, asRoot ? refusing('EACCES') : undefined)
      await expect(store.save(progress), asRoot ? 'EACCES from an injected file system' : 'mode 0555').rejects.toThrow(
        /^Your progress could not be saved in .+ \(the folder is not writable\)\.$/,
      )
      expect(fs.readdirSync(readOnly)).toEqual([])
    } finally {
      fs.chmodSync(readOnly, 0o700)
    }
  })

  it('explains a read-only disk in plain words (EROFS from an injected file system)', async () => {
    const store = createProgressStore(folder, undefined, refusing('EROFS'))
    await expect(store.save(progress)).rejects.toThrow(
      /^Your progress could not be saved in .+ \(the disk is read-only\)\.$/,
    )
    expect(fs.readdirSync(folder)).toEqual([])
  })
})

describe('describeFileError', () => {
  it.each([
    ['EACCES', 'the folder is not writable'],
    ['EPERM', 'the folder is not writable'],
    ['EROFS', 'the disk is read-only'],
    ['ENOSPC', 'the disk is full'],
    ['ENOTDIR', 'a file is in the way of the folder'],
    ['EIO', 'an unexpected file error'],
  ])('%s → %s', (code, text) => {
    expect(describeFileError(Object.assign(new Error(code), { code }))).toBe(text)
  })
})

/** The real file system, except that opening a file for writing, renaming and making folders fail with `code`. */
function refusing(code: 'EACCES' | 'EROFS'): RecordFileSystem {
  const fail = async (): Promise<never> => {
    throw Object.assign(new Error(`${code}: simulated`), { code })
  }
  return {
    open: ((file: fs.PathLike, flags?: string | number, mode?: fs.Mode) =>
      flags === undefined || flags === 'r' ? fs.promises.open(file, flags, mode) : fail()) as RecordFileSystem['open'],
    rename: fail,
    mkdir: (async (target: fs.PathLike) => {
      if (!fs.existsSync(target)) return fail()
      return undefined
    }) as RecordFileSystem['mkdir'],
    rm: fs.promises.rm,
  }
}
