/**
 * Reads a new password: on a terminal without echo, asked twice; otherwise one line from
 * standard input (for scripts: `printf '%s\n' "$PASSWORD" | npm run center:admin -- …`).
 */
import { createInterface } from 'node:readline'
import type { ReadStream } from 'node:tty'

type Input = NodeJS.ReadableStream & Partial<Pick<ReadStream, 'isTTY' | 'setRawMode'>>

function readHidden(prompt: string, input: Input, output: NodeJS.WritableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(prompt)
    input.setRawMode?.(true)
    input.resume()
    let typed = ''
    const onData = (chunk: Buffer | string) => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') return finish(() => resolve(typed))
        if (character === '\u0003') return finish(() => reject(new Error('Cancelled.')))
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1)
        else typed += character
      }
    }
    const finish = (settle: () => void) => {
      input.off('data', onData)
      input.setRawMode?.(false)
      input.pause()
      output.write('\n')
      settle()
    }
    input.on('data', onData)
  })
}

export async function askPassword(prompt: string, input: Input, output: NodeJS.WritableStream): Promise<string> {
  if (input.isTTY) {
    const first = await readHidden(prompt, input, output)
    const second = await readHidden('Type it again: ', input, output)
    if (first !== second) throw new Error('The two passwords are not the same.')
    return first
  }
  const lines = createInterface({ input })
  for await (const line of lines) {
    lines.close()
    return line
  }
  return ''
}
