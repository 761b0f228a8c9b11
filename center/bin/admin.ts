/** Entry point of `npm run center:admin` (see ../admin-command.ts). */
import { runAdminCommand } from '../admin-command'
import { askPassword } from '../password-prompt'

process.exitCode = await runAdminCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  askPassword: (prompt) => askPassword(prompt, process.stdin, process.stderr),
})
