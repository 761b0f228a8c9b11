/** Entry point of `npm run center:report` (see ../report-command.ts). */
import { runReportCommand } from '../report-command'

process.exitCode = await runReportCommand(
  process.argv.slice(2),
  (text) => process.stdout.write(text),
  (line) => console.error(line),
)
