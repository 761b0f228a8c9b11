/**
 * Building blocks for the center integration tests: a fresh, migrated center database
 * on the test server, logins for counselors, supervisors and kiosks, and simulated
 * counselor computers (a real encrypted counselor store in a temp folder plus the real
 * main-process center service, with timers that never fire on their own).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import initSqlJs from 'sql.js'
import pg from 'pg'
import { loadMigrations, migrate } from '../../../center/migrate'
import { scramSha256Verifier } from '../../../center/scram'
import {
  createCenterService,
  type CenterServiceDeps,
  type MainCenterService,
} from '../../../electron/main/center/center-service'
import { createKioskStatsStore, type SecretBox } from '../../../electron/main/center/kiosk-stats-store'
import { createDatabaseFileAdapter } from '../../../electron/main/services/database-file'
import { REPORT_CONTENT } from '../../../src/center/report-content'
import { content } from '../../../src/content'
import { scoreAnswers } from '../../../src/domain/scoring'
import { sessionResultOf } from '../../../src/domain/session-result'
import type { CenterConnection } from '../../../src/shared/center-contract'
import { openCounselorStore, type CounselorStore } from '../../../src/storage'
import { PERSONAS } from '../../fixtures/personas'
import type { TestServer } from './pg-server'

export const TEST_KDF_ITERATIONS = 1_000
const PASSCODE = 'center test passcode'

/** A short random suffix: roles are shared by every database of a server, so names must not clash. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex')
}

export interface CenterDatabase {
  name: string
  /** A superuser connection to this database (a new one after `reconnect`). */
  readonly admin: pg.Client
  adminConfig: pg.ClientConfig
  /** Connection settings as a counselor computer would save them. */
  settingsFor(login: string, password: string, sslMode?: CenterConnection['sslMode']): CenterConnection
  addCenter(code: string, name: string): Promise<void>
  addLogin(
    login: string,
    centerCode: string,
    kind: 'counselor' | 'supervisor' | 'kiosk',
    password: string,
  ): Promise<void>
  /** A plain pg client signed in as `login` (for raw SQL tests). */
  connectAs(login: string, password: string): Promise<pg.Client>
  /** A fresh superuser connection, after the server was stopped and started again. */
  reconnect(): Promise<void>
  drop(): Promise<void>
}

export async function createCenterDatabase(
  server: TestServer,
  options: { target?: number } = {},
): Promise<CenterDatabase> {
  const name = `center_${uniqueSuffix()}`
  const root = new pg.Client(server.admin)
  await root.connect()
  await root.query(`CREATE DATABASE ${name}`)
  await root.end()
  const adminConfig: pg.ClientConfig = { ...server.admin, database: name }
  if ('connectionString' in server.admin && server.admin.connectionString) {
    const url = new URL(server.admin.connectionString)
    url.pathname = `/${name}`
    adminConfig.connectionString = url.toString()
  }
  let admin = new pg.Client(adminConfig)
  admin.on('error', () => undefined)
  await admin.connect()
  await migrate(admin, loadMigrations(), options.target ? { target: options.target } : {})
  const opened: pg.Client[] = []
  const adminUser = String(server.admin.user ?? new URL(String(server.admin.connectionString)).username)
  const adminPassword = String(
    server.admin.password ?? decodeURIComponent(new URL(String(server.admin.connectionString)).password),
  )

  return {
    name,
    get admin() {
      return admin
    },
    adminConfig,
    async reconnect() {
      await admin.end().catch(() => undefined)
      admin = new pg.Client(adminConfig)
      admin.on('error', () => undefined)
      await admin.connect()
    },
    settingsFor: (login, password, sslMode = 'prefer') => ({
      host: server.host,
      port: server.port,
      database: name,
      user: login,
      password,
      sslMode,
    }),
    async addCenter(code, centerName) {
      await admin.query('SELECT center.add_center($1, $2)', [code, centerName])
    },
    async addLogin(login, centerCode, kind, password) {
      await admin.query('SELECT center.add_login($1, $2, $3, $4)', [
        login,
        centerCode,
        kind,
        scramSha256Verifier(password),
      ])
    },
    async connectAs(login, password) {
      const client = new pg.Client({ host: server.host, port: server.port, database: name, user: login, password })
      client.on('error', () => undefined)
      await client.connect()
      opened.push(client)
      return client
    },
    async drop() {
      for (const client of opened) await client.end().catch(() => undefined)
      await admin.end().catch(() => undefined)
      const root2 = new pg.Client({ ...server.admin, user: adminUser, password: adminPassword })
      root2.on('error', () => undefined)
      await root2.connect()
      await root2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await root2.end()
    },
  }
}

/** A secret box for tests: a real AES-free stand-in that marks what it sealed, so a plain file is told apart. */
export function testSecretBox(available = true): SecretBox {
  return {
    isAvailable: () => available,
    encrypt: (text) => new TextEncoder().encode(`sealed:${Buffer.from(text).toString('base64')}`),
    decrypt: (data) => {
      const value = new TextDecoder().decode(data)
      if (!value.startsWith('sealed:')) throw new Error('not sealed here')
      return Buffer.from(value.slice('sealed:'.length), 'base64').toString()
    },
  }
}

export interface Computer {
  folder: string
  store: CounselorStore
  center: MainCenterService
  /** Closes the store (as when the app quits); `reopen` opens it again from disk. */
  close(): Promise<void>
  reopen(): Promise<Computer>
  remove(): Promise<void>
}

/** A counselor's computer: its own encrypted counselor data and the real center service. */
export async function makeComputer(overrides: Partial<CenterServiceDeps> = {}, folder?: string): Promise<Computer> {
  const home = folder ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'center-computer-')))
  const { store } = await openCounselorStore({
    adapter: createDatabaseFileAdapter(path.join(home, 'counselor', 'counselor-data.db')),
    loadSqlJs: () => initSqlJs(),
    passcode: PASSCODE,
    kdfIterations: TEST_KDF_ITERATIONS,
  })
  let open: CounselorStore | null = store
  const center = createCenterService({
    counselorStore: () => open,
    kioskStats: createKioskStatsStore(path.join(home, 'center', 'kiosk-statistics.bin'), testSecretBox()),
    content: REPORT_CONTENT,
    // Tests decide when to sync: the timers never fire by themselves.
    timers: { set: () => null, clear: () => undefined },
    connectOptions: { connectTimeoutMs: 5_000, statementTimeoutMs: 30_000 },
    ...overrides,
  })
  const computer: Computer = {
    folder: home,
    store,
    center,
    async close() {
      center.stop()
      open = null
      await store.close()
    },
    async reopen() {
      await computer.close()
      return makeComputer(overrides, home)
    },
    async remove() {
      await computer.close().catch(() => undefined)
      await fs.rm(home, { recursive: true, force: true })
    },
  }
  return computer
}

export const SAMPLE_RESULT = {
  fits: {
    clinical_consultant: 20,
    implementation_manager: 35,
    implementation_support: 50,
    redesign_specialist: 10,
    technical_support: 65,
    trainer: 80,
  },
  bestFit: 'trainer' as const,
  contentVersion: REPORT_CONTENT.version,
}

/** A trainer persona's answers and the result scoring gives them: storage checks both on every save. */
const SESSION_ANSWERS = PERSONAS.find((persona) => persona.expected === 'trainer')!.answers
const SESSION_RESULT = sessionResultOf(scoreAnswers(content, SESSION_ANSWERS))

/** A completed session's fields (answers are option ids, as the app stores them). */
export function completedSession(clientId: string, minute: number) {
  const started = new Date(Date.UTC(2026, 10, 20, 9, minute)).toISOString()
  return {
    clientId,
    startedAt: started,
    completedAt: new Date(Date.UTC(2026, 10, 20, 9, minute + 20)).toISOString(),
    locale: 'en',
    answers: structuredClone(SESSION_ANSWERS),
    counselorNotes: { teaching: 'Led a class at church.' },
    result: structuredClone(SESSION_RESULT),
  }
}
