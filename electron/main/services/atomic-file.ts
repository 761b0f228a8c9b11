import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** The parts of fs.promises an atomic write uses; tests pass one that fails on purpose (a full disk). */
export type AtomicFileSystem = Pick<typeof fs.promises, 'open' | 'rename' | 'rm'>

export interface AtomicWriteOptions {
  io?: AtomicFileSystem
  /** Temp files are named `.<tempBase>.<pid>.<random>.tmp`; by default tempBase is the target's name. */
  tempBase?: string
}

/**
 * Writes a file so that a crash or power cut leaves either the old or the new content,
 * never half of each: write a temp file in the same folder (rename is only atomic within
 * one file system), flush it to disk, rename it over the target, then flush the folder
 * so the rename itself survives a power cut.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  { io = fs.promises, tempBase = path.basename(target) }: AtomicWriteOptions = {},
): Promise<void> {
  const temp = tempPathFor(target, tempBase)
  try {
    const handle = await io.open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(data, typeof data === 'string' ? 'utf8' : undefined)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(io, temp, target)
  } catch (error) {
    await io.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncFolder(path.dirname(target), io)
}

/** Windows refuses to replace a file that a virus scanner or indexer has open for a moment. */
async function renameWithRetry(io: AtomicFileSystem, from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await io.rename(from, to)
      return
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code
      const busy = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY'
      if (process.platform !== 'win32' || !busy || attempt >= 5) throw error
      await new Promise((resolve) => setTimeout(resolve, 40 * attempt))
    }
  }
}

/** The same, synchronously: for state saved while the app is closing, when async work may be cut off. */
export function writeFileAtomicSync(target: string, data: string): void {
  const temp = tempPathFor(target)
  try {
    const fd = fs.openSync(temp, 'wx', 0o600)
    try {
      fs.writeFileSync(fd, data, 'utf8')
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(temp, target)
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
  syncFolderSync(path.dirname(target))
}

function tempPathFor(target: string, tempBase = path.basename(target)): string {
  return path.join(path.dirname(target), `.${tempBase}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

// Folders cannot be opened for fsync on Windows; there the rename is already durable enough.
export async function syncFolder(folder: string, io: Pick<AtomicFileSystem, 'open'> = fs.promises): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const handle = await io.open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Some file systems refuse fsync on a folder; the data itself is already on disk.
  }
}

function syncFolderSync(folder: string): void {
  if (process.platform === 'win32') return
  try {
    const fd = fs.openSync(folder, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    // As above: best effort only.
  }
}
