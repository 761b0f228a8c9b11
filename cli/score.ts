import { readFile, stat } from 'node:fs/promises'
import { runScoreCommand } from './score-command'

const code = await runScoreCommand(process.argv.slice(2), {
  fileSize: async (path) => {
    const info = await stat(path)
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    return info.size
  },
  readFile: (path) => readFile(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
})
process.exitCode = code
