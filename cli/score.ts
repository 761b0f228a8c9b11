import { constants, open } from 'node:fs/promises'
import { runScoreCommand } from './score-command'

const code = await runScoreCommand(process.argv.slice(2), {
  async readFile(path, maxBytes) {
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
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
})
process.exitCode = code
