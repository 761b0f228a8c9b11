/** Shared set-up for storage tests: real sql.js, real files in a temp folder, a fast KDF. */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import initSqlJs from 'sql.js'
import { createDatabaseFileAdapter, type DatabaseFileSystem } from '../../../electron/main/services/database-file'
import { content } from '../../../src/content'
import { scoreAnswers } from '../../../src/domain/scoring'
import { PERSONAS } from '../../fixtures/personas'
import { fromUtf8 } from '../../../src/storage/bytes'
import { deriveKey } from '../../../src/storage/passcode-crypto'
import type { PersistenceAdapter } from '../../../src/storage/persistence-adapter'
import type { SessionInput } from '../../../src/shared/records'
import { decryptSnapshotBody, parseSnapshot } from '../../../src/storage/snapshot-format'
import { openCounselorStore, type OpenCounselorStoreOptions } from '../../../src/storage'

/** Production uses 600,000; tests inject a small count to stay fast. */
export const TEST_KDF_ITERATIONS = 1_000
export const PASSCODE = 'correct horse battery'
export const DB_NAME = 'counselor-data.db'

export const loadSqlJs = () => initSqlJs()

export async function makeTempFolder(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'hitrf-storage-'))
}

export async function removeFolder(folder: string): Promise<void> {
  await fs.rm(folder, { recursive: true, force: true })
}

export function fileAdapter(folder: string, fileSystem?: DatabaseFileSystem): PersistenceAdapter {
  return createDatabaseFileAdapter(path.join(folder, DB_NAME), fileSystem)
}

export function openInFolder(folder: string, overrides: Partial<OpenCounselorStoreOptions> = {}) {
  return openCounselorStore({
    adapter: fileAdapter(folder),
    loadSqlJs,
    passcode: PASSCODE,
    kdfIterations: TEST_KDF_ITERATIONS,
    ...overrides,
  })
}

/** A trainer persona's answers and the result scoring gives them: what a finished guided session saves. */
const SAMPLE_ANSWERS = PERSONAS.find((persona) => persona.expected === 'trainer')!.answers
const SAMPLE_SCORE = scoreAnswers(content, SAMPLE_ANSWERS)
export const SAMPLE_RESULT: NonNullable<SessionInput['result']> = {
  fits: Object.fromEntries(SAMPLE_SCORE.ranking.map((score) => [score.roleId, score.shownFit])) as NonNullable<
    SessionInput['result']
  >['fits'],
  bestFit: SAMPLE_SCORE.bestFit,
  contentVersion: SAMPLE_SCORE.contentVersion,
}

export function sampleSession(clientId: string, overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    clientId,
    startedAt: '2026-03-02T14:00:00.000Z',
    completedAt: '2026-03-02T14:35:10.000Z',
    locale: 'es-US',
    answers: structuredClone(SAMPLE_ANSWERS),
    counselorNotes: { teaching: 'Ran EHR training at a clinic.\nWants part-time work.' },
    result: structuredClone(SAMPLE_RESULT),
    ...overrides,
  }
}

/** Every file the adapter keeps for this database, as raw bytes, by name. */
export async function rawFiles(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const name of await fs.readdir(folder)) files.set(name, await fs.readFile(path.join(folder, name)))
  return files
}

/** The SQLite image inside the snapshot, decrypted the way opening does it. */
export async function decryptedImage(folder: string, passcode = PASSCODE): Promise<Buffer> {
  const parsed = await parseSnapshot(new Uint8Array(await fs.readFile(path.join(folder, DB_NAME))))
  const key = await deriveKey(passcode, parsed.header.kdf)
  return Buffer.from(await decryptSnapshotBody(parsed, key))
}

export function containsText(bytes: Uint8Array, text: string): boolean {
  return (
    Buffer.from(bytes).includes(Buffer.from(text, 'utf8')) || Buffer.from(bytes).includes(Buffer.from(text, 'utf16le'))
  )
}

export { fromUtf8 }

/** A store in `folder` whose journal holds four frames, each a confirmed save: a client, then three sessions. */
export async function storeWithFourSaves(folder: string, displayName: string) {
  const { store } = await openInFolder(folder)
  const client = await store.createClient({ displayName })
  const sessions = []
  for (let index = 0; index < 3; index++) {
    sessions.push(await store.saveSession(sampleSession(client.id, { startedAt: `2026-0${index + 1}-01T00:00:00Z` })))
  }
  await store.close()
  return { client, sessions }
}

/** Where each journal frame starts and ends (after the 24-byte header: magic and generation). */
export function journalFrameBounds(journal: Buffer): { start: number; end: number }[] {
  const bounds = []
  for (let offset = 24; offset < journal.length;) {
    const end = offset + 4 + journal.readUInt32BE(offset)
    bounds.push({ start: offset, end })
    offset = end
  }
  return bounds
}
