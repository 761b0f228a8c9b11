import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Writes a file so that a crash or power cut leaves either the old or the new content,
 * never half of each: write a temp file in the same folder (rename is only atomic within
 * one file system), flush it to disk, rename it over the target, then flush the folder
 * so the rename itself survives a power cut.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(target)
  try {
    const handle = await fs.promises.open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(data, typeof data === 'string' ? 'utf8' : undefined)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.promises.rename(temp, target)
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncFolder(path.dirname(target))
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

function tempPathFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  )
}

// Folders cannot be opened for fsync on Windows; there the rename is already durable enough.
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const handle = await fs.promises.open(folder, 'r')
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
