import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { runScoreCommand, type CommandIO } from '../../../cli/score-command'
import { PERSONAS } from '../../fixtures/personas'

/** Runs the command against an in-memory file system, capturing what it prints. */
async function run(argv: string[], files: Record<string, string | { size: number }> = {}) {
  let stdout = ''
  let stderr = ''
  const io: CommandIO = {
    readFile: async (path, maxBytes) => {
      const file = files[path]
      if (file === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' })
      if (typeof file !== 'string') return { size: file.size, bytes: new Uint8Array(Math.min(file.size, maxBytes + 1)) }
      const bytes = new TextEncoder().encode(file)
      return { size: bytes.length, bytes: bytes.subarray(0, maxBytes + 1) }
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  }
  const code = await runScoreCommand(argv, io)
  return { code, stdout, stderr }
}

const manager = PERSONAS.find((p) => p.expected === 'implementation_manager')!

describe('npm run score', () => {
  it('prints the full result as JSON', async () => {
    const { code, stdout, stderr } = await run(['answers.json'], { 'answers.json': JSON.stringify(manager.answers) })
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.bestFit.roleId).toBe('implementation_manager')
    expect(report.ranking).toHaveLength(6)
    expect(report.bestFit.readiness.requirements.length).toBeGreaterThan(0)
    const why = report.bestFit.explanation
    const parts = [...why.raised, ...why.lowered].reduce((t: number, c: { points: number }) => t + c.points, 0)
    expect(why.startingPoint + parts + why.otherAnswers).toBe(report.bestFit.fit)
    expect(report.ranking[0].fit).toBe(report.bestFit.fit)
  })

  it('prints a readable summary with --format text', async () => {
    const { code, stdout } = await run(['answers.json', '--format', 'text'], {
      'answers.json': JSON.stringify(manager.answers),
    })
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Best fit: Implementation Manager \(fit \d+ of 100\)/)
    expect(stdout).toContain('Why this fit:')
    expect(stdout).toContain('our suggestion, not from ONC')
  })

  it('lists the question bank with ids and allowed answers', async () => {
    const { code, stdout } = await run(['--questions'])
    expect(code).toBe(0)
    const bank = JSON.parse(stdout)
    expect(bank.questions.length).toBeGreaterThanOrEqual(25)
    expect(bank.questions.find((q: { id: string }) => q.id === 'license_status').askedOnlyIf).toEqual({
      question: 'license_held',
      anyOf: ['yes'],
    })
    const text = await run(['--questions', '--format=text'])
    expect(text.stdout).toContain('like_lead_team  (one id, required)')
  })

  const answers = JSON.stringify(manager.answers)
  const badInputs: [string, string[], Record<string, string | { size: number }>, RegExp][] = [
    ['no file given', [], {}, /no answers file given/],
    ['a missing file', ['nope.json'], {}, /cannot find the file nope\.json/],
    ['an empty file', ['a.json'], { 'a.json': '  \n' }, /a\.json is empty/],
    ['text that is not JSON', ['a.json'], { 'a.json': '{"license_held": no}' }, /a\.json is not valid JSON/],
    ['JSON that is not an object', ['a.json'], { 'a.json': '["no"]' }, /must hold a JSON object keyed by question id/],
    [
      'an unknown question id',
      ['a.json'],
      { 'a.json': answers.replace('{', '{"favorite_color":"blue",') },
      /there is no question "favorite_color"/,
    ],
    [
      'an answer out of range',
      ['a.json'],
      { 'a.json': JSON.stringify({ ...manager.answers, like_lead_team: 'love_it' }) },
      /question "like_lead_team" has no option "love_it"/,
    ],
    [
      'a number where an option id belongs',
      ['a.json'],
      { 'a.json': JSON.stringify({ ...manager.answers, like_lead_team: 5 }) },
      /the answer to "like_lead_team" must be an option id/,
    ],
    [
      'a missing required answer',
      ['a.json'],
      { 'a.json': JSON.stringify({ ...manager.answers, teaching: undefined }) },
      /question "teaching" needs an answer/,
    ],
    [
      'a 10 MB file',
      ['big.json'],
      { 'big.json': { size: 10 * 1024 * 1024 } },
      /big\.json is too large \(10\.0 MB\); an answers file is at most 1 MB/,
    ],
    ['an unknown format', ['a.json', '--format', 'xml'], { 'a.json': answers }, /--format must be "json" or "text"/],
  ]

  it.each(badInputs)('refuses %s with one plain line and exit code 2', async (_name, argv, files, message) => {
    const { code, stdout, stderr } = await run(argv, files)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).not.toMatch(/\n\s+at /)
  })
})

describe('npm run score as a real process', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'score-'))
  })

  it(
    'scores a file and refuses a real 10 MB file without a stack trace',
    async () => {
      const exec = promisify(execFile)
      const good = join(dir, 'good.json')
      const big = join(dir, 'big.json')
      await writeFile(good, JSON.stringify(manager.answers))
      await writeFile(big, '{"x":"' + 'a'.repeat(10 * 1024 * 1024) + '"}')
      // Both at once: each is a Node process with tsx, most of whose time is starting up.
      const [ok, failed] = await Promise.all([
        exec('node', ['--import', 'tsx', 'cli/score.ts', good]),
        exec('node', ['--import', 'tsx', 'cli/score.ts', big]).then(
          () => ({ code: 0, stderr: '' }),
          (e: { code: number; stderr: string }) => e,
        ),
      ])
      expect(JSON.parse(ok.stdout).bestFit.roleId).toBe('implementation_manager')
      expect(failed.code).toBe(2)
      expect(failed.stderr).toMatch(/^score: .*too large.*\n$/)
    },
    // Two Node processes starting tsx: a second or two of CPU each; 55 s was measured on a
    // 2-core machine kept busy by four busy processes and other work.
    180_000,
  )
})
