import fs from 'node:fs'
import path from 'node:path'
import type { PersistenceAdapter } from '../../../src/storage/persistence-adapter'
import { syncFolder, writeFileAtomic } from './atomic-file'

/**
 * Counselor data on disk for the Electron main process: one encrypted database file
 * (e.g. userData/counselor/counselor-data.db) plus, next to it, its journal
 * (`.journal`) and the small unencrypted wrong-passcode counter (`.meta.json`).
 * Everything here handles opaque bytes; src/storage encrypts and validates.
 *
 * Only one process may use the file at a time: the app holds Electron's
 * single-instance lock, and within the process the counselor service holds a writer
 * lock (src/storage/writer-lock.ts) while the store is open.
 */

/** The parts of fs.promises used here; tests pass a wrapper that fails on purpose (full disk). */
export type DatabaseFileSystem = Pick<typeof fs.promises, 'open' | 'rename' | 'rm' | 'readFile' | 'readdir' | 'mkdir'>

export function createDatabaseFileAdapter(
  filePath: string,
  fileSystem: DatabaseFileSystem = fs.promises,
): PersistenceAdapter {
  const folder = path.dirname(filePath)
  const base = path.basename(filePath)
  const journalPath = `${filePath}.journal`
  const metaPath = `${filePath}.meta.json`
  const io = fileSystem

  async function readOrNull(file: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await io.readFile(file))
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null
      throw error
    }
  }

  /** Atomic and durable (see atomic-file.ts); temp names all start `.<base>.` so leftovers are found. */
  async function writeAtomic(target: string, bytes: Uint8Array): Promise<void> {
    await io.mkdir(folder, { recursive: true })
    await writeFileAtomic(target, bytes, { io, tempBase: base })
  }

  /** Temp files left by a process that died mid-write. Never this process's own: one may be in flight. */
  async function removeLeftoverTempFiles(): Promise<void> {
    const own = `.${base}.${process.pid}.`
    for (const name of await listFolder()) {
      if (name.startsWith(`.${base}.`) && name.endsWith('.tmp') && !name.startsWith(own)) {
        await io.rm(path.join(folder, name), { force: true }).catch(() => undefined)
      }
    }
  }

  async function listFolder(): Promise<string[]> {
    try {
      return await io.readdir(folder)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return []
      throw error
    }
  }

  /** Copies of damaged data, and snapshots or journals moved aside by older versions. */
  function isKeptCopy(name: string): boolean {
    return name.startsWith(`${base}.damaged-`) || name.startsWith(`${base}.journal.damaged-`)
  }

  async function freeName(wanted: string): Promise<string> {
    const names = new Set(await listFolder())
    let candidate = wanted
    for (let counter = 2; names.has(path.basename(candidate)); counter++) candidate = `${wanted}-${counter}`
    return candidate
  }

  return {
    async read() {
      await removeLeftoverTempFiles().catch(() => undefined)
      return readOrNull(filePath)
    },

    write: (bytes) => writeAtomic(filePath, bytes),

    readJournal: () => readOrNull(journalPath),

    async appendJournal(bytes) {
      // No O_CREAT: a missing journal must fail (the next save then rewrites it whole),
      // never be recreated without its header.
      const handle = await io.open(journalPath, fs.constants.O_WRONLY | fs.constants.O_APPEND)
      try {
        const { size } = await handle.stat()
        try {
          await handle.writeFile(bytes)
          await handle.datasync()
        } catch (error) {
          // A full disk may take half a frame: cut it off, so the next open finds no unreadable tail
          // (a failed save was never confirmed). If even that fails, opening reports the tail.
          await handle.truncate(size).catch(() => undefined)
          throw error
        }
      } finally {
        await handle.close()
      }
    },

    writeJournal: (bytes) => writeAtomic(journalPath, bytes),

    readMeta: () => readOrNull(metaPath),

    writeMeta: (bytes) => writeAtomic(metaPath, bytes),

    async keepCopy(stamp, copy) {
      const kept: string[] = []
      const parts: [string, Uint8Array | null | undefined][] = [
        [filePath, copy.snapshot],
        [journalPath, copy.journal],
      ]
      for (const [file, bytes] of parts) {
        if (!bytes) continue
        const target = await freeName(`${file}.damaged-${stamp}`)
        await writeAtomic(target, bytes)
        kept.push(target)
      }
      return kept.length === 0 ? folder : kept.join(' and ')
    },

    async listCopies() {
      return (await listFolder())
        .filter(isKeptCopy)
        .sort()
        .map((name) => path.join(folder, name))
    },

    async removeCopies() {
      const copies = (await listFolder()).filter(isKeptCopy)
      for (const name of copies) await io.rm(path.join(folder, name), { force: true })
      if (copies.length > 0) await syncFolder(folder, io)
    },

    location: () => folder,

    async eraseAll() {
      const ours = [base, `${base}.journal`, `${base}.meta.json`]
      for (const name of await listFolder()) {
        const isOurs =
          ours.includes(name) || isKeptCopy(name) || (name.startsWith(`.${base}.`) && name.endsWith('.tmp'))
        if (isOurs) await io.rm(path.join(folder, name), { force: true })
      }
      await syncFolder(folder, io)
    },
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}
