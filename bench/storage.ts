/**
 * `npm run bench:storage`: counselor storage with 1,000 and 10,000 stored sessions
 * (2,000 clients, realistic field sizes), real files in a temp folder, the production
 * PBKDF2 iteration count. Measures list, search, open session and save (encryption
 * plus the durable file write) over RUNS runs each, prints a table, writes
 * bench/storage-results.json and exits non-zero when a p90 misses its budget.
 * For comparison it also times the whole-file save this design replaced, and the
 * full rewrite that deleting a client does. Not part of `npm test`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import initSqlJs from 'sql.js'
import { createDatabaseFileAdapter } from '../electron/main/services/database-file'
import { content } from '../src/content'
import { scoreAnswers } from '../src/domain/scoring'
import type { Answers, RoleId } from '../src/domain/types'
import { isAsked } from '../src/domain/visibility'
import type { SessionInput } from '../src/shared/records'
import { type CounselorStore, openCounselorStore } from '../src/storage'
import { asBytes } from '../src/storage/bytes'
import { deriveKey, sealKeyCheck } from '../src/storage/passcode-crypto'
import { decryptSnapshotBody, encodeSnapshot, parseSnapshot } from '../src/storage/snapshot-format'
import { newGeneration } from '../src/storage/encrypted-database'
import { summarize } from './stats'

const RUNS = Math.max(15, Number(process.env.BENCH_RUNS ?? 30))
const CLIENTS = 2_000
const SESSION_COUNTS = [1_000, 10_000]
const PASSCODE = 'bench passcode 1234'
const BUDGET_MS: Record<string, number> = { listClients: 50, searchClients: 50, openSession: 50, saveSession: 100 }

/** Deterministic pseudo-random numbers, so every run stores the same data. */
function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = seededRandom(20261101)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

const FIRST = [
  'Maria',
  'James',
  'Aisha',
  'Wei',
  'José',
  'Olga',
  'Darnell',
  'Priya',
  'Nguyen',
  'Fatima',
  'Sean',
  'Lucía',
]
const LAST = [
  'Garcia',
  'Johnson',
  'Okafor',
  'Chen',
  'Núñez',
  'Ivanova',
  'Washington',
  'Patel',
  'Tran',
  'Haddad',
  'Byrne',
]
const WORDS =
  'client worked front desk clinic records billing wants training evenings bus route EHR rollout nursing aide'.split(
    ' ',
  )

function sentence(words: number): string {
  return Array.from({ length: words }, () => pick(WORDS)).join(' ')
}

/**
 * A random answer for every question asked, in order, and the result scoring gives them:
 * saves are checked against the question bank, so a bench session is a real one.
 */
function answers(): SessionInput['answers'] {
  const result: Answers = {}
  for (const question of content.questions) {
    if (!isAsked(question, result)) continue
    if (question.kind !== 'multiple') {
      result[question.id] = pick(question.options).id
      continue
    }
    const open = question.options.filter((option) => !option.exclusive)
    const first = pick(question.options)
    const second = pick(open)
    result[question.id] = first.exclusive || first.id === second.id ? [first.id] : [first.id, second.id]
  }
  return result
}

function sessionInput(clientId: string, index: number): SessionInput {
  const given = answers()
  const scored = scoreAnswers(content, given)
  const fits = Object.fromEntries(scored.ranking.map((role) => [role.roleId, role.shownFit])) as Record<RoleId, number>
  const notes: Record<string, string> = {}
  for (let note = 0; note < 5; note++) notes[`question_${note * 7}_notes`] = sentence(15 + Math.floor(random() * 25))
  const started = Date.UTC(2025, 0, 1) + index * 3_600_000
  return {
    clientId,
    startedAt: new Date(started).toISOString(),
    completedAt: new Date(started + 40 * 60_000).toISOString(),
    locale: pick(['en', 'es-US']),
    answers: given,
    counselorNotes: notes,
    result: { fits, bestFit: scored.bestFit, contentVersion: scored.contentVersion },
  }
}

async function time(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await task()
  return performance.now() - start
}

async function measure(task: () => Promise<unknown>, runs = RUNS) {
  await task() // warm-up, not counted
  const samples: number[] = []
  for (let run = 0; run < runs; run++) samples.push(await time(task))
  return summarize(samples)
}

async function populate(store: CounselorStore, sessionCount: number) {
  const clientIds: string[] = []
  for (let index = 0; index < CLIENTS; index++) {
    const first = pick(FIRST)
    const last = pick(LAST)
    const client = await store.createClient({
      displayName: `${first} ${last} ${index}`,
      contact:
        index % 3 === 0
          ? `(555) 01${String(index).padStart(2, '0')}`
          : `${first}.${last}${index}@example.org`.toLowerCase(),
      notes: sentence(30 + Math.floor(random() * 50)),
    })
    clientIds.push(client.id)
  }
  const sessionIds: string[] = []
  for (let index = 0; index < sessionCount; index++) {
    sessionIds.push((await store.saveSession(sessionInput(clientIds[index % CLIENTS]!, index))).id)
  }
  return { clientIds, sessionIds }
}

/** The rejected design: export, encrypt and atomically rewrite the whole database on every save. */
async function measureWholeFileSave(file: string) {
  const parsed = await parseSnapshot(asBytes(new Uint8Array(await readFile(file))))
  const key = await deriveKey(PASSCODE, parsed.header.kdf)
  const sql = await initSqlJs()
  const db = new sql.Database(await decryptSnapshotBody(parsed, key))
  const keyring = { key, kdf: parsed.header.kdf, keyCheck: await sealKeyCheck(key, parsed.header.kdf) }
  const scratch = createDatabaseFileAdapter(`${file}.whole-file-comparison`)
  const figures = await measure(
    async () => {
      db.run("UPDATE clients SET notes = notes || '.' WHERE rowid = 1")
      await scratch.write(await encodeSnapshot(keyring, newGeneration(), asBytes(db.export())))
    },
    Math.min(RUNS, 15),
  )
  db.close()
  return figures
}

interface Row {
  sessions: number
  operation: string
  median: number
  p90: number
  runs: number
  budgetMs: number | null
  ok: boolean | null
}

const loadAtStart = loadavg()[0]!
const rows: Row[] = []
const notes: Record<string, unknown> = {}
for (const sessionCount of SESSION_COUNTS) {
  const folder = mkdtempSync(path.join(tmpdir(), 'hitrf-bench-storage-'))
  const file = path.join(folder, 'counselor-data.db')
  try {
    const adapter = createDatabaseFileAdapter(file)
    const loadSqlJs = () => initSqlJs()
    const created = await openCounselorStore({ adapter, loadSqlJs, passcode: PASSCODE })
    const populateStart = performance.now()
    const { clientIds, sessionIds } = await populate(created.store, sessionCount)
    const populateMs = performance.now() - populateStart
    await created.store.close()

    let store!: CounselorStore
    const openStoreMs = await time(async () => {
      store = (await openCounselorStore({ adapter, loadSqlJs, passcode: PASSCODE })).store
    })
    const fileMB = (await readFile(file)).length / 1e6
    notes[`${sessionCount} sessions`] = {
      populateSeconds: Number((populateMs / 1000).toFixed(1)),
      openStoreMsIncludingPbkdf2: Math.round(openStoreMs),
      databaseFileMB: Number(fileMB.toFixed(1)),
    }

    const add = (operation: string, figures: ReturnType<typeof summarize>, budgetMs: number | null) =>
      rows.push({
        sessions: sessionCount,
        operation,
        ...figures,
        budgetMs,
        ok: budgetMs === null ? null : figures.p90 < budgetMs,
      })

    add('listClients', await measure(() => store.listClients()), BUDGET_MS.listClients!)
    add(
      'searchClients',
      await measure(() => store.searchClients(pick(['gar', 'ñez', 'chen', '@example', '0155', 'ana 1']))),
      BUDGET_MS.searchClients!,
    )
    add('openSession', await measure(() => store.getSession(pick(sessionIds))), BUDGET_MS.openSession!)
    let saveIndex = 0
    add(
      'saveSession',
      await measure(async () => {
        const session = await store.getSession(pick(sessionIds))
        const updated = {
          ...session,
          counselorNotes: { ...session.counselorNotes, follow_up: `Call back, try ${saveIndex++}` },
        }
        await store.saveSession(updated)
      }),
      BUDGET_MS.saveSession!,
    )
    add('deleteClient (VACUUM + full rewrite)', await measure(() => store.deleteClient(clientIds.pop()!), 5), null)
    await store.close()
    add('whole-file rewrite (rejected per-save design; = background rewrite)', await measureWholeFileSave(file), null)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

const table = rows.map((row) => ({
  sessions: row.sessions.toLocaleString('en-US'),
  operation: row.operation,
  'median ms': row.median.toFixed(1),
  'p90 ms': row.p90.toFixed(1),
  runs: row.runs,
  'budget (p90)': row.budgetMs === null ? '' : `< ${row.budgetMs} ms`,
  ok: row.ok === null ? '' : row.ok ? 'yes' : 'MISSED',
}))
console.table(table)
console.log(notes[`${SESSION_COUNTS[0]} sessions`], notes[`${SESSION_COUNTS[1]} sessions`])

// Other work on the machine slows fsync and crypto alike; the load average says how busy it was.
const machine = {
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round(totalmem() / 1e9),
  loadAverageAtStart: Number(loadAtStart.toFixed(2)),
  loadAverageAtEnd: Number(loadavg()[0]!.toFixed(2)),
}
console.log(
  `Load average (1 min): ${machine.loadAverageAtStart} at start, ${machine.loadAverageAtEnd} at end, on ${machine.cpus} CPUs`,
)
writeFileSync(
  new URL('./storage-results.json', import.meta.url),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, runs: RUNS, rows, notes }, null, 2)}\n`,
)
if (rows.some((row) => row.ok === false)) process.exitCode = 1
