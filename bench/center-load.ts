/**
 * `npm run bench:center`: center mode under load on this machine, against a real
 * PostgreSQL 15 (a throwaway server from Debian's packages, or the one CENTER_TEST_URL names).
 *
 *  1. 20 simulated counselor computers (each its own encrypted counselor store and the
 *     real main-process center service) save 25 clients with 20 sessions each, 500
 *     sessions per computer, then all sync at once; every session must arrive exactly once.
 *  2. 100,000 anonymous results from scored, seeded random answer sets, added through a
 *     kiosk login (insert-only), in batches of 1,000.
 *  3. The question statistics report over all of them, as a supervisor, through the app's
 *     service (5 runs), and the database's size.
 * Prints a table and writes bench/center-results.json. Not part of `npm test`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import fc from 'fast-check'
import { content } from '../src/content'
import { scoreAnswers } from '../src/domain/scoring'
import { REPORT_CONTENT } from '../src/center/report-content'
import { arbitraryAnswers } from '../tests/fixtures/arbitrary-answers'
import {
  completedSession,
  createCenterDatabase,
  makeComputer,
  uniqueSuffix,
  type Computer,
} from '../tests/center/support/center-fixture'
import { startTestServer } from '../tests/center/support/pg-server'
import { summarize } from './stats'

const COMPUTERS = Number(process.env.BENCH_COMPUTERS ?? 20)
const CLIENTS_EACH = 25
const SESSIONS_PER_CLIENT = 20
const ANONYMOUS_ROWS = Number(process.env.BENCH_ANONYMOUS ?? 100_000)
const SEED = 20261130
const PASSWORD = 'bench password 1234'

const figures: { name: string; value: string }[] = []
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: {
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    load: loadavg()[0],
  },
}
function note(name: string, value: string, raw?: unknown): void {
  figures.push({ name, value })
  results[name] = raw ?? value
  console.log(`${name}: ${value}`)
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** CPU time (ms) of a process, and of its children that have ended, from /proc: wall time on a shared machine says little. */
function cpuMs(pid: number | null | undefined): number | null {
  if (!pid) return null
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0)
    return (ticks * 1000) / 100
  } catch {
    return null
  }
}
const cpuNote = (ms: number | null) => (ms === null ? '' : `; server CPU ${seconds(ms)}`)

async function main(): Promise<void> {
  const server = await startTestServer()
  const database = await createCenterDatabase(server)
  const computers: Computer[] = []
  try {
    const suffix = uniqueSuffix()
    await database.addCenter('east', 'East Side Center')
    const logins = Array.from({ length: COMPUTERS }, (_, index) => `counselor_${index}_${suffix}`)
    for (const login of logins) await database.addLogin(login, 'east', 'counselor', PASSWORD)
    await database.addLogin(`kiosk_${suffix}`, 'east', 'kiosk', PASSWORD)
    await database.addLogin(`supervisor_${suffix}`, 'east', 'supervisor', PASSWORD)

    // 1. Twenty computers save their work (queued in each encrypted outbox), then sync at once.
    let started = performance.now()
    for (const login of logins) {
      // Twenty TLS handshakes and SCRAM sign-ins at once on 2 busy cores can take longer than the app's 10 s.
      const computer = await makeComputer({
        sync: { batchSize: 100 },
        connectOptions: { connectTimeoutMs: 120_000, statementTimeoutMs: 300_000 },
      })
      computers.push(computer)
      const saved = await computer.center.centerSaveSettings(database.settingsFor(login, PASSWORD))
      if (!saved.ok) throw new Error(saved.message)
    }
    await Promise.all(
      computers.map(async (computer) => {
        for (let c = 0; c < CLIENTS_EACH; c++) {
          const client = await computer.store.createClient({ displayName: `Client ${c}` })
          for (let s = 0; s < SESSIONS_PER_CLIENT; s++) await computer.store.saveSession(completedSession(client.id, s))
        }
      }),
    )
    const sessionsTotal = COMPUTERS * CLIENTS_EACH * SESSIONS_PER_CLIENT
    const changesTotal = COMPUTERS * CLIENTS_EACH * (SESSIONS_PER_CLIENT + 1)
    note(
      'local saves (encrypted, queued)',
      `${changesTotal.toLocaleString('en-US')} in ${seconds(performance.now() - started)}`,
    )

    const postmaster = server.control?.pid
    const syncCpuBefore = cpuMs(postmaster)
    started = performance.now()
    const perComputer = await Promise.all(
      computers.map(async (computer) => {
        const begin = performance.now()
        const outcome = await computer.center.centerSyncNow()
        if (!outcome.ok || outcome.waiting !== 0) throw new Error(`sync failed: ${JSON.stringify(outcome)}`)
        return performance.now() - begin
      }),
    )
    const syncWall = performance.now() - started
    const each = summarize(perComputer)
    // A backend's CPU time reaches the postmaster's total once it has ended: wait for that.
    const observer = database.admin
    for (;;) {
      const left = await observer.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'health-it-role-finder'`,
      )
      if (left.rows[0].n === 0) break
      await new Promise<void>((resolve) => setTimeout(resolve, 50))
    }
    const syncCpu = syncCpuBefore === null ? null : cpuMs(postmaster)! - syncCpuBefore
    note(
      `sync, ${COMPUTERS} computers at once`,
      `${changesTotal.toLocaleString('en-US')} changes (${sessionsTotal.toLocaleString('en-US')} sessions) in ${seconds(syncWall)}: ` +
        `${Math.round(changesTotal / (syncWall / 1000)).toLocaleString('en-US')} changes/s; per computer median ${seconds(each.median)}, p90 ${seconds(each.p90)}${cpuNote(syncCpu)}`,
      {
        wallMs: syncWall,
        perComputerMedianMs: each.median,
        perComputerP90Ms: each.p90,
        changes: changesTotal,
        serverCpuMs: syncCpu,
      },
    )
    const counts = await database.admin.query(
      `SELECT (SELECT count(*)::int FROM center.sessions) AS sessions, (SELECT count(DISTINCT id)::int FROM center.sessions) AS distinct_sessions,
              (SELECT count(*)::int FROM center.applied_changes) AS changes, (SELECT max(version) FROM center.sessions) AS max_version`,
    )
    const row = counts.rows[0]
    if (
      row.sessions !== sessionsTotal ||
      row.distinct_sessions !== sessionsTotal ||
      row.changes !== changesTotal ||
      row.max_version !== 1
    ) {
      throw new Error(`not exactly once: ${JSON.stringify(row)}`)
    }
    note('arrived exactly once', `${row.sessions.toLocaleString('en-US')} sessions, each at version 1`)

    started = performance.now()
    await Promise.all(computers.map((computer) => computer.center.centerSyncNow()))
    note(
      `a sync with nothing to send (${COMPUTERS} at once, checking ${(changesTotal / COMPUTERS).toLocaleString('en-US')} versions each)`,
      seconds(performance.now() - started),
    )

    // 2. 100,000 anonymous results through the kiosk's insert-only login.
    await database.admin.query(`UPDATE center.centers SET anonymous_stats = true`)
    const kiosk = await database.connectAs(`kiosk_${suffix}`, PASSWORD)
    const answerSets = fc.sample(arbitraryAnswers(content), { seed: SEED, numRuns: 2_000 })
    const scored = answerSets.map((answers) => {
      const result = scoreAnswers(content, answers)
      return {
        answers: JSON.stringify(answers),
        best: result.bestFit,
        fits: JSON.stringify(Object.fromEntries(result.ranking.map((role) => [role.roleId, role.shownFit]))),
      }
    })
    const kioskBackend = Number((await kiosk.query('SELECT pg_backend_pid() AS pid')).rows[0].pid)
    const insertCpuBefore = cpuMs(server.control ? kioskBackend : null)
    started = performance.now()
    for (let done = 0; done < ANONYMOUS_ROWS; done += 1_000) {
      const batch = Array.from(
        { length: Math.min(1_000, ANONYMOUS_ROWS - done) },
        (_, index) => scored[(done + index) % scored.length]!,
      )
      await kiosk.query(
        `INSERT INTO center.anonymous_results (content_version, locale, answers, best_fit, fits)
         SELECT $1, 'en', a::jsonb, b, f::jsonb FROM unnest($2::text[], $3::text[], $4::text[]) AS t(a, b, f)`,
        [
          REPORT_CONTENT.version,
          batch.map((item) => item.answers),
          batch.map((item) => item.best),
          batch.map((item) => item.fits),
        ],
      )
    }
    const insertMs = performance.now() - started
    const insertCpu = insertCpuBefore === null ? null : cpuMs(kioskBackend)! - insertCpuBefore
    note(
      'anonymous rows added by the kiosk login',
      `${ANONYMOUS_ROWS.toLocaleString('en-US')} in ${seconds(insertMs)} (${Math.round(ANONYMOUS_ROWS / (insertMs / 1000)).toLocaleString('en-US')} rows/s)${cpuNote(insertCpu)}`,
      { wallMs: insertMs, serverCpuMs: insertCpu },
    )
    await database.admin.query('VACUUM ANALYZE center.anonymous_results')

    // 3. The report, as a supervisor through the app's own service.
    const supervisor = await makeComputer({
      connectOptions: { connectTimeoutMs: 120_000, statementTimeoutMs: 600_000 },
    })
    computers.push(supervisor)
    await supervisor.center.centerSaveSettings(database.settingsFor(`supervisor_${suffix}`, PASSWORD))
    const today = new Date().toISOString().slice(0, 10)
    const runs: number[] = []
    let respondents = 0
    for (let run = 0; run < 5; run++) {
      const begin = performance.now()
      const built = await supervisor.center.centerQuestionReport({ from: '2026-01-01', to: today })
      if (!built.ok) throw new Error(built.message)
      runs.push(performance.now() - begin)
      respondents = built.report.respondents
    }
    const report = summarize(runs)
    // The same report once more on a connection whose server process can be watched.
    const direct = await database.connectAs(`supervisor_${suffix}`, PASSWORD)
    const reportBackend = Number((await direct.query('SELECT pg_backend_pid() AS pid')).rows[0].pid)
    const reportCpuBefore = cpuMs(server.control ? reportBackend : null)
    await direct.query(
      `SELECT * FROM center_reports.question_report('2026-01-01', $1::date, $2, $3::jsonb, $4::jsonb)`,
      [today, REPORT_CONTENT.version, JSON.stringify(REPORT_CONTENT.items), JSON.stringify(REPORT_CONTENT.scale)],
    )
    const reportCpu = reportCpuBefore === null ? null : cpuMs(reportBackend)! - reportCpuBefore
    note(
      'question statistics report',
      `${respondents.toLocaleString('en-US')} answer sets: median ${seconds(report.median)}, p90 ${seconds(report.p90)} (5 runs, connection included)${cpuNote(reportCpu)}`,
      { respondents, medianMs: report.median, p90Ms: report.p90, serverCpuMs: reportCpu },
    )
    const size = await database.admin.query(
      `SELECT pg_database_size(current_database()) AS total, pg_total_relation_size('center.sessions') AS sessions,
              pg_total_relation_size('center.anonymous_results') AS anonymous, pg_total_relation_size('center.audit_log') AS audit`,
    )
    const mb = (bytes: string) => `${(Number(bytes) / 2 ** 20).toFixed(0)} MB`
    const sizes = size.rows[0]
    note(
      'database size',
      `${mb(sizes.total)} in all: sessions ${mb(sizes.sessions)}, anonymous results ${mb(sizes.anonymous)}, audit trail ${mb(sizes.audit)}`,
    )
  } finally {
    for (const computer of computers) await computer.remove().catch(() => undefined)
    await database.drop().catch(() => undefined)
    await server.dispose()
  }
  results.loadAfter = loadavg()[0]
  writeFileSync(new URL('./center-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`)
  console.log('\n| figure | result |\n| --- | --- |')
  for (const figure of figures) console.log(`| ${figure.name} | ${figure.value} |`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
