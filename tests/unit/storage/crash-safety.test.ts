import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { makeTempFolder, openInFolder, removeFolder } from './helpers'

const WRITER = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url))
const ROUNDS = 10

interface RoundReport {
  sessionIds: string[]
  clientCounters: number[]
}

/** Starts the writer, lets it save for a random while, SIGKILLs it, returns what it reported as saved. */
async function runAndKill(folder: string, round: number, killAfterMs: number): Promise<RoundReport> {
  // Odd rounds rewrite the snapshot after every save, even rounds after about ten.
  const journalLimitBytes = round % 2 === 1 ? 1 : 12 * 1024
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, folder, String(round), String(journalLimitBytes)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()))

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`writer did not start: ${stderr}`)), 20_000)
    child.stdout.on('data', () => {
      if (!stdout.includes('ready ')) return
      clearTimeout(timer)
      resolve()
    })
    child.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)))
  })
  await new Promise((resolve) => setTimeout(resolve, killAfterMs))
  child.kill('SIGKILL')
  await closed

  expect(stdout, 'the writer reported a normal open').toMatch(/^ready (created|opened)\n/)
  const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1).split('\n')
  return {
    sessionIds: complete.filter((line) => line.startsWith('saved ')).map((line) => line.slice(6)),
    clientCounters: complete.filter((line) => line.startsWith('client ')).map((line) => Number(line.slice(7))),
  }
}

let folder: string
beforeAll(async () => {
  folder = await makeTempFolder()
})
afterAll(async () => {
  await removeFolder(folder)
})

it('keeps every completed save when the writing process is SIGKILLed at random points', async () => {
  const reportedSessions = new Set<string>()
  let latestClientCounter = -1
  for (let round = 0; round < ROUNDS; round++) {
    const report = await runAndKill(folder, round, 30 + Math.floor(Math.random() * 400))
    report.sessionIds.forEach((id) => reportedSessions.add(id))
    latestClientCounter = Math.max(latestClientCounter, ...report.clientCounters)

    const opened = await openInFolder(folder)
    expect(opened.status, `round ${round}: the file always opens, without recovery`).toBe('opened')
    const [client] = await opened.store.searchClients('crash test client')
    if (!client) {
      // Killed before its first save (creating the client) completed.
      expect(reportedSessions.size).toBe(0)
      await opened.store.close()
      continue
    }
    const stored = new Set((await opened.store.listSessions(client.id)).map((session) => session.id))
    const missing = [...reportedSessions].filter((id) => !stored.has(id))
    expect(missing, `round ${round}: saves reported complete but lost`).toEqual([])
    const storedCounter = Number((await opened.store.getClient(client.id)).notes.replace('counter ', '') || -1)
    expect(storedCounter, `round ${round}: the latest completed client update`).toBeGreaterThanOrEqual(
      latestClientCounter,
    )
    await opened.store.close()
  }
  expect(reportedSessions.size, 'the writer completed saves before being killed').toBeGreaterThan(ROUNDS)
}, 120_000)
