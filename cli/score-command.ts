/**
 * `npm run score -- answers.json [--format text|json]` and `npm run score -- --questions`.
 * Scores an answers file without the app. Bad input prints one plain line on
 * stderr and exits 2; nothing here ever prints a stack trace.
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
  /** Returns the file's size in bytes; throws a Node-style error (with `code`) when it cannot. */
  fileSize(path: string): Promise<number>
  readFile(path: string): Promise<string>
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
    io.stderr(`score: ${message}\n`)
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
  let size: number
  try {
    size = await io.fileSize(file)
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new InputError(
      code === 'ENOENT'
        ? `cannot find the file ${file}`
        : code === 'EISDIR'
          ? `${file} is a folder, not a file`
          : `cannot read ${file} (${code ?? 'unknown error'})`,
    )
  }
  if (size > MAX_ANSWERS_BYTES) {
    throw new InputError(
      `${file} is too large (${(size / 1024 / 1024).toFixed(1)} MB); an answers file is at most 1 MB`,
    )
  }
  const text = await io.readFile(file)
  if (text.trim() === '') throw new InputError(`${file} is empty; it should hold a JSON object of answers`)
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new InputError(`${file} is not valid JSON (${(error as Error).message})`)
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(`${file} must hold a JSON object keyed by question id, like {"license_held": "no"}`)
  }
  for (const [questionId, answer] of Object.entries(data)) {
    const ok = typeof answer === 'string' || (Array.isArray(answer) && answer.every((a) => typeof a === 'string'))
    if (!ok) throw new InputError(`the answer to "${questionId}" must be an option id or a list of option ids`)
  }
  return data as Record<string, string | string[]>
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
