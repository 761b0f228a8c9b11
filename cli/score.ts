import { readRegularFile } from './read-regular-file'
import { runScoreCommand } from './score-command'

const code = await runScoreCommand(process.argv.slice(2), {
  readFile: readRegularFile,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
})
process.exitCode = code
