/**
 * `npm run score -- answers.json [--format text|json]` and `npm run score -- --questions`.
 * Scores an answers file without the app. Bad input prints one plain line on
 * stderr and exits 2; nothing here ever prints a stack trace or the file's contents.
 * Only regular files are read, and never more than the limit plus one byte.
 */
import { loadCheckedContent } from '../src/content/checked'
import { ContentError } from '../src/content/errors'
import { checkAnswers, describeProblem } from '../src/domain/answers'
import { presentResult } from '../src/domain/report'
import { scoreAnswers } from '../src/domain/scoring'
import { formatReportText, formatQuestionBank } from './format-text'
import type { ContentTexts } from '../src/content/schema'
import type { Content } from '../src/domain/types'

export const MAX_ANSWERS_BYTES = 1024 * 1024

export interface CommandIO {
  /**
   * Reads a regular file's first `maxBytes + 1` bytes at most (never more: the file may be
   * endless), with its size. Throws a Node-style error with `code`: ENOENT, EISDIR,
   * ENOTREG (a device, named pipe or socket, refused before any read) or another code.
   */
  readFile(path: string, maxBytes: number): Promise<{ size: number; bytes: Uint8Array }>
  stdout(text: string): void
  stderr(text: string): void
}

const USAGE =
  'usage: npm run score -- <answers.json> [--format json|text]   or   npm run score -- --questions [--format json|text]'

class InputError extends Error {}

export async function runScoreCommand(argv: string[], io: CommandIO): Promise<number> {
  try {
    const options = parseArguments(argv)
    const { content, contentTexts } = loadCheckedContent()
    const texts = contentTexts.en
    if (options.questions) {
      io.stdout(
        options.format === 'text'
          ? formatQuestionBank(content, texts)
          : JSON.stringify(questionBank(content, texts), null, 2) + '\n',
      )
      return 0
    }
    const answers = await readAnswers(options.file!, io)
    const problems = checkAnswers(content, answers)
    if (problems.length > 0) {
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''
      throw new InputError(`${describeProblem(problems[0]!)}${more}; run with --questions to see the allowed answers`)
    }
    const report = presentResult(content, texts, answers, scoreAnswers(content, answers))
    io.stdout(options.format === 'text' ? formatReportText(report) : JSON.stringify(report, null, 2) + '\n')
    return 0
  } catch (error) {
    const message =
      error instanceof InputError
        ? error.message
        : error instanceof ContentError
          ? `the content files have a mistake: ${error.message}`
          : `unexpected problem: ${String((error as Error)?.message ?? error)}`
    io.stderr(`score: ${printable(message)}\n`)
    return 2
  }
}

interface Options {
  file?: string
  questions: boolean
  format: 'json' | 'text'
}

function parseArguments(argv: string[]): Options {
  const options: Options = { questions: false, format: 'json' }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--questions') options.questions = true
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice('--format='.length) : argv[++i]
      if (value !== 'json' && value !== 'text') throw new InputError(`--format must be "json" or "text". ${USAGE}`)
      options.format = value
    } else if (arg === '--help' || arg === '-h') throw new InputError(USAGE)
    else if (arg.startsWith('-')) throw new InputError(`unknown option ${arg}. ${USAGE}`)
    else if (options.file) throw new InputError(`give one answers file only. ${USAGE}`)
    else options.file = arg
  }
  if (!options.questions && !options.file) throw new InputError(`no answers file given. ${USAGE}`)
  return options
}

async function readAnswers(file: string, io: CommandIO): Promise<Record<string, string | string[]>> {
  const name = printable(file)
  let read: { size: number; bytes: Uint8Array }
  try {
    read = await io.readFile(file, MAX_ANSWERS_BYTES)
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new InputError(
      code === 'ENOENT'
        ? `cannot find the file ${name}`
        : code === 'EISDIR'
          ? `${name} is a folder, not a file`
          : code === 'ENOTREG'
            ? `${name} is not a regular file (it may be a device or a named pipe); give a JSON file`
            : `cannot read ${name} (${printable(code ?? 'unknown error')})`,
    )
  }
  const size = Math.max(read.size, read.bytes.length)
  if (size > MAX_ANSWERS_BYTES) {
    throw new InputError(
      `${name} is too large (${(size / 1024 / 1024).toFixed(1)} MB); an answers file is at most 1 MB`,
    )
  }
  const text = decodeText(read.bytes, name)
  if (text.trim() === '') throw new InputError(`${name} is empty; it should hold a JSON object of answers`)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    // The parser's own message quotes the file's text; say only where the problem is.
    throw new InputError(`${name} is not valid JSON${whereInText(text, (error as Error).message)}`)
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(`${name} must hold a JSON object keyed by question id, like {"license_held": "no"}`)
  }
  for (const [questionId, answer] of Object.entries(data)) {
    const ok = typeof answer === 'string' || (Array.isArray(answer) && answer.every((a) => typeof a === 'string'))
    if (!ok) {
      throw new InputError(`the answer to "${printable(questionId)}" must be an option id or a list of option ids`)
    }
  }
  return data as Record<string, string | string[]>
}

/** UTF-8 text (a byte-order mark is fine); UTF-16 and binary files are named as such. */
function decodeText(bytes: Uint8Array, name: string): string {
  const startsWith = (...prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte)
  if (startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff) || looksLikeUtf16(bytes)) {
    throw new InputError(`${name} is UTF-16 text; save it as UTF-8 and try again`)
  }
  if (bytes.includes(0)) throw new InputError(`${name} is not a text file; it should hold a JSON object of answers`)
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new InputError(`${name} is not UTF-8 text; save it as UTF-8 and try again`)
  }
}

/** UTF-16 without a byte-order mark: ASCII text leaves every other byte zero. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false
  let evenZeros = 0
  let oddZeros = 0
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] === 0) {
      if (index % 2 === 0) evenZeros++
      else oddZeros++
    }
  }
  const half = bytes.length / 2
  return Math.max(evenZeros, oddZeros) >= half * 0.6 && Math.min(evenZeros, oddZeros) <= half * 0.05
}

/** " (line 3, column 14)" from the parser's position, when it gives one; never the text itself. */
function whereInText(text: string, parserMessage: string): string {
  const given = /position (\d+)/.exec(parserMessage)
  // Some messages quote the text instead of giving a position: then point at where it starts.
  const start = text.search(/\S/)
  const position = given ? Number(given[1]) : /^[{["\d-]/.test(text.slice(start)) ? null : start
  if (position === null) return /end of (JSON )?input/i.test(parserMessage) ? ' (it ends too early)' : ''
  const before = text.slice(0, position)
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return ` (line ${line}, column ${column})`
}

/** A file name or value as one printable line: control characters and line breaks shown as "?". */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, '?')
}

function questionBank(content: Content, texts: ContentTexts) {
  return {
    contentVersion: content.version,
    questions: content.questions.map((q) => ({
      id: q.id,
      section: q.section,
      kind: q.kind,
      required: q.required,
      prompt: texts.questions[q.id]!.prompt,
      answer: q.kind === 'multiple' ? 'a list of option ids' : 'one option id',
      ...(q.showIf ? { askedOnlyIf: q.showIf } : {}),
      options: q.options.map((o) => ({
        id: o.id,
        label: q.kind === 'likert' ? texts.likertScale[o.id] : texts.questions[q.id]!.options?.[o.id],
        ...(o.exclusive ? { chooseAlone: true } : {}),
      })),
    })),
  }
}
