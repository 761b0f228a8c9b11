/**
 * Issue 12, finding 14: `npm run score` reads only regular files, never more than the
 * limit plus one byte, and says what is wrong in one line: a device or a named pipe is
 * refused at once, a UTF-16 file is named as such, and a JSON mistake is located
 * without printing the file's text. Run as a real process against real special files.
 */
import { execFile, execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRegularFile } from '../../../cli/read-regular-file'
import { MAX_ANSWERS_BYTES } from '../../../cli/score-command'
import { PERSONAS } from '../../fixtures/personas'

const exec = promisify(execFile)

/** Runs the command; resolves with its exit code and what it printed. */
async function score(file: string) {
  const done = await exec('node', ['--import', 'tsx', 'cli/score.ts', file]).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  )
  return { code: done.code, stdout: done.stdout, stderr: done.stderr }
}

function expectOneLine(stderr: string, words: RegExp) {
  expect(stderr).toMatch(/^score: [^\n]*\n$/)
  expect(stderr).toMatch(words)
  expect(stderr).not.toContain('\0')
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'score-special-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// Each case starts Node with tsx on a busy machine; the reads themselves are instant.
describe('npm run score with files that are not plain JSON text', { timeout: 60_000 }, () => {
  it('refuses /dev/zero at once, without reading it', async () => {
    const { code, stderr } = await score('/dev/zero')
    expect(code).toBe(2)
    expectOneLine(stderr, /\/dev\/zero is not a regular file/)
  })

  it('refuses a named pipe at once, even with no writer', async () => {
    const fifo = join(dir, 'answers.fifo')
    execFileSync('mkfifo', [fifo])
    const { code, stderr } = await score(fifo)
    expect(code).toBe(2)
    expectOneLine(stderr, /answers\.fifo is not a regular file/)
  })

  it('names a UTF-16 file as such, with or without a byte-order mark', async () => {
    const answers = JSON.stringify(PERSONAS[0]!.answers)
    for (const [name, bytes] of [
      ['bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(answers, 'utf16le')])],
      ['plain.json', Buffer.from(answers, 'utf16le')],
    ] as const) {
      await writeFile(join(dir, name), bytes)
      const { code, stderr } = await score(join(dir, name))
      expect(code).toBe(2)
      expectOneLine(stderr, new RegExp(`${name} is UTF-16 text; save it as UTF-8`))
    }
  })

  it('locates a JSON mistake in one line, without the file’s text', async () => {
    const cases = [
      ['first.json', '\n  my secret diary\nsecond line\n', /first\.json is not valid JSON \(line 2, column 3\)$/m],
      [
        'second.json',
        '{\n  "license_held": "no",\n  "my secret": 1, diary\n}\n',
        /second\.json is not valid JSON \(line 3, column 19\)$/m,
      ],
    ] as const
    for (const [name, text, words] of cases) {
      await writeFile(join(dir, name), text)
      const { code, stderr } = await score(join(dir, name))
      expect(code).toBe(2)
      expectOneLine(stderr, words)
      expect(stderr).not.toMatch(/secret|diary\b|license_held/)
    }
  })

  it('refuses a large file, naming its size, after reading no more than the limit plus one byte', async () => {
    const file = join(dir, 'large.json')
    await writeFile(file, `{"x":"${'a'.repeat(3 * 1024 * 1024)}"}`)
    const read = await readRegularFile(file, MAX_ANSWERS_BYTES)
    expect(read.bytes.length).toBe(MAX_ANSWERS_BYTES + 1)
    expect(read.size).toBe(3 * 1024 * 1024 + 8)
    const { code, stderr } = await score(file)
    expect(code).toBe(2)
    expectOneLine(stderr, /large\.json is too large \(3\.0 MB\); an answers file is at most 1 MB/)
  })

  it('refuses devices and pipes before reading a byte', async () => {
    await expect(readRegularFile('/dev/zero', MAX_ANSWERS_BYTES)).rejects.toMatchObject({ code: 'ENOTREG' })
    const fifo = join(dir, 'another.fifo')
    execFileSync('mkfifo', [fifo])
    await expect(readRegularFile(fifo, MAX_ANSWERS_BYTES)).rejects.toMatchObject({ code: 'ENOTREG' })
    await expect(readRegularFile(dir, MAX_ANSWERS_BYTES)).rejects.toMatchObject({ code: 'EISDIR' })
  })
})
