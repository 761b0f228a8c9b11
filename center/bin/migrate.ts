/** Entry point of `npm run center:migrate` (see ../migrate-command.ts). */
import { runMigrateCommand } from '../migrate-command'

process.exitCode = await runMigrateCommand(
  process.argv.slice(2),
  (line) => console.log(line),
  (line) => console.error(line),
)
