/**
 * Reads an answers file for `npm run score`: a regular file only, and never more than
 * `maxBytes + 1` bytes of it, so an endless source (/dev/zero, a pipe) cannot fill memory.
 */
import { constants, open } from 'node:fs/promises'

export async function readRegularFile(path: string, maxBytes: number): Promise<{ size: number; bytes: Uint8Array }> {
  // Non-blocking, so a named pipe with no writer is refused at once instead of waiting.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const info = await handle.stat()
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' })
    const buffer = new Uint8Array(maxBytes + 1)
    let total = 0
    while (total < buffer.length) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total)
      if (bytesRead === 0) break
      total += bytesRead
    }
    return { size: info.size, bytes: buffer.subarray(0, total) }
  } finally {
    await handle.close()
  }
}
