/**
 * Opening counselor data: create it on first use, unlock it with the passcode,
 * replay the journal, migrate, and recover from damage. Opening never crashes and
 * never silently overwrites: a damaged file is moved aside (date in its name) before
 * a fresh store is started, and the result says so in plain words.
 */
import type { Database, SqlJsStatic } from 'sql.js'
import { z } from '../shared/zod'
import { asBytes } from './bytes'
import { applyChanges } from './changes'
import { CounselorStore, currentPasscodeSchema, newPasscodeSchema } from './counselor-store'
import { DEFAULT_JOURNAL_LIMIT_BYTES, EncryptedDatabase, newGeneration } from './encrypted-database'
import { StorageError, guarded, readFailed, writeFailed } from './errors'
import { readJournal } from './journal-format'
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion } from './migrations'
import {
  DEFAULT_KDF_ITERATIONS,
  MAX_KDF_ITERATIONS,
  deriveKey,
  keyCheckPasses,
  newKdfParams,
  sealKeyCheck,
} from './passcode-crypto'
import { countAttempt, passcodeAccepted, wrongPasscodeError } from './passcode-throttle'
import { type PersistenceAdapter, isPersistenceAdapter } from './persistence-adapter'
import { DamagedData, type Keyring, type ParsedSnapshot, decryptSnapshotBody, parseSnapshot } from './snapshot-format'
import { parseOrThrow } from './validation'

const isFunction = (value: unknown) => typeof value === 'function'

const openOptionsSchema = z
  .object({
    adapter: z.custom<PersistenceAdapter>(isPersistenceAdapter, 'must be a storage adapter'),
    /** Loads the sql.js WebAssembly module, e.g. `() => initSqlJs({ locateFile })`. */
    loadSqlJs: z.custom<() => Promise<SqlJsStatic>>(isFunction, 'must be a function that loads sql.js'),
    passcode: currentPasscodeSchema,
    now: z.custom<() => number>(isFunction, 'must be a clock function').optional(),
    /** Tests only, to stay fast. Production uses DEFAULT_KDF_ITERATIONS; lower counts are never written over higher ones. */
    kdfIterations: z.number().int().min(1).max(MAX_KDF_ITERATIONS).optional(),
    journalLimitBytes: z
      .number()
      .int()
      .min(1)
      .max(1024 ** 3)
      .optional(),
  })
  .strict()
export type OpenCounselorStoreOptions = z.input<typeof openOptionsSchema>

export type OpenStatus =
  /** First use: an empty store was made with this passcode. */
  | 'created'
  | 'opened'
  /** Damaged data was moved to `movedTo` and the store holds what could be kept (maybe nothing). */
  | 'recovered'

export interface OpenedCounselorStore {
  status: OpenStatus
  /** Plain words for the counselor. */
  message: string
  /** Where damaged data was moved; only with status 'recovered'. */
  movedTo?: string
  store: CounselorStore
}

interface OpenContext {
  adapter: PersistenceAdapter
  sql: SqlJsStatic
  passcode: string
  now: () => number
  kdfIterations: number
  journalLimitBytes: number
}

export function openCounselorStore(options: OpenCounselorStoreOptions): Promise<OpenedCounselorStore> {
  return guarded(async () => {
    const parsed = parseOrThrow(openOptionsSchema, options, {
      action: 'Could not open counselor data',
      what: 'options',
    })
    const context: OpenContext = {
      adapter: parsed.adapter,
      sql: await loadSql(parsed.loadSqlJs),
      passcode: parsed.passcode,
      now: parsed.now ?? Date.now,
      kdfIterations: parsed.kdfIterations ?? DEFAULT_KDF_ITERATIONS,
      journalLimitBytes: parsed.journalLimitBytes ?? DEFAULT_JOURNAL_LIMIT_BYTES,
    }
    const { snapshot, journal } = await readStoredBytes(context.adapter)
    if (snapshot === null) {
      // A journal without its snapshot cannot be decrypted (the salt is in the snapshot).
      if (journal !== null) return recoverFromDamage(context)
      return {
        status: 'created',
        message: 'A new, empty store for counselor data was created.',
        store: await createFreshStore(context, { checkPasscodeStrength: true }),
      }
    }
    let parsedSnapshot: ParsedSnapshot
    try {
      parsedSnapshot = await parseSnapshot(snapshot)
    } catch (error) {
      if (error instanceof DamagedData) return recoverFromDamage(context)
      throw error
    }
    const keyring = await unlock(context, parsedSnapshot)
    const image = await decryptOrNull(parsedSnapshot, keyring)
    const db = image === null ? null : loadImage(context.sql, image)
    if (db === null) return recoverFromDamage(context)
    return openExisting(context, db, keyring, parsedSnapshot, journal)
  })
}

async function loadSql(loadSqlJs: () => Promise<SqlJsStatic>): Promise<SqlJsStatic> {
  let sql: SqlJsStatic | undefined
  let cause: unknown
  try {
    sql = await loadSqlJs()
  } catch (error) {
    cause = error
  }
  if (typeof sql?.Database === 'function') return sql
  throw new StorageError('unavailable', 'The database engine could not be loaded, so counselor data cannot open.', {
    cause,
  })
}

async function readStoredBytes(adapter: PersistenceAdapter) {
  try {
    const snapshot = await adapter.read()
    const journal = await adapter.readJournal()
    return { snapshot: snapshot && asBytes(snapshot), journal: journal && asBytes(journal) }
  } catch (error) {
    throw readFailed(error)
  }
}

/** Throttled passcode check against the header's key check; throws wrong-passcode or locked. */
async function unlock(context: OpenContext, parsed: ParsedSnapshot): Promise<Keyring> {
  const { adapter, now } = context
  const { kdf, keyCheck } = parsed.header
  await countAttempt(adapter, now())
  const key = await deriveKey(context.passcode, kdf)
  if (!(await keyCheckPasses(key, kdf, keyCheck))) throw await wrongPasscodeError(adapter, now())
  await passcodeAccepted(adapter)
  return { key, kdf, keyCheck }
}

async function decryptOrNull(parsed: ParsedSnapshot, keyring: Keyring) {
  try {
    return await decryptSnapshotBody(parsed, keyring.key)
  } catch (error) {
    if (error instanceof DamagedData) return null
    throw error
  }
}

/** sql.js accepts any bytes and fails at the first query, so query once here. */
function loadImage(sql: SqlJsStatic, image: Uint8Array): Database | null {
  let db: Database | null = null
  try {
    db = new sql.Database(image)
    readSchemaVersion(db)
    return db
  } catch {
    db?.close()
    return null
  }
}

async function openExisting(
  context: OpenContext,
  db: Database,
  keyring: Keyring,
  parsed: ParsedSnapshot,
  journal: Uint8Array | null,
): Promise<OpenedCounselorStore> {
  if (readSchemaVersion(db) > LATEST_SCHEMA_VERSION) {
    db.close()
    throw new StorageError(
      'newer-version',
      'The saved counselor data was made by a newer version of this app. Update the app to open it; nothing was changed.',
    )
  }
  const database = new EncryptedDatabase(
    db,
    keyring,
    parsed.header.generation,
    context.adapter,
    context.journalLimitBytes,
  )
  try {
    return await replayAndSettle(context, database, keyring, parsed, journal)
  } catch (error) {
    await database.close()
    throw error
  }
}

async function replayAndSettle(
  context: OpenContext,
  database: EncryptedDatabase,
  keyring: Keyring,
  parsed: ParsedSnapshot,
  journal: Uint8Array | null,
): Promise<OpenedCounselorStore> {
  const db = database.db
  let needsRewrite = migrate(db, isoNow(context)).length > 0

  let journalDamaged = false
  const reading = journal === null ? null : await readJournal(asBytes(journal), keyring.key, parsed.header.generation)
  if (reading?.kind === 'read') {
    for (const changeSet of reading.changeSets) applyChanges(db, changeSet.changes)
    journalDamaged = reading.damaged
    if (!reading.damaged && !reading.tornTail && journal !== null)
      database.adoptJournal(reading.frameCount, journal.length)
  }
  // No journal, a stale one (crash between snapshot and journal reset) or a torn tail:
  // a rewrite puts snapshot and journal back in step before any append.
  needsRewrite ||= reading === null || reading.kind === 'stale' || reading.tornTail

  let newKeyring = keyring
  if (keyring.kdf.iterations < context.kdfIterations) {
    const kdf = newKdfParams(context.kdfIterations)
    const key = await deriveKey(context.passcode, kdf)
    newKeyring = { key, kdf, keyCheck: await sealKeyCheck(key, kdf) }
    needsRewrite = true
  }
  const store = new CounselorStore(database, settingsOf(context))

  if (journalDamaged) {
    const movedTo = await moveAsideOrRefuse(context)
    database.abandonJournal()
    // If this fails, what was readable is still open in memory and the next save writes it.
    const saved = await database
      .exclusive(() => database.rewrite(newKeyring))
      .then(
        () => '',
        () => ' It could not be saved again yet; check that the disk has free space.',
      )
    return {
      status: 'recovered',
      movedTo,
      message:
        'Part of the saved counselor data was damaged, so some of the most recent changes could not be read. ' +
        `Everything else is open. The damaged copy was kept at ${movedTo}.${saved}`,
      store,
    }
  }
  if (needsRewrite) {
    // Best effort: on a read-only or full disk the data still opens from memory and
    // the next save reports the problem (and retries this rewrite).
    await database.exclusive(() => database.rewrite(newKeyring)).catch(() => undefined)
  }
  return { status: 'opened', message: 'Counselor data is open.', store }
}

async function recoverFromDamage(context: OpenContext): Promise<OpenedCounselorStore> {
  const movedTo = await moveAsideOrRefuse(context)
  const store = await createFreshStore(context, { checkPasscodeStrength: false })
  return {
    status: 'recovered',
    movedTo,
    message:
      `The saved counselor data could not be read because it is damaged. It was moved aside to ${movedTo} ` +
      'and a new, empty store was started. Nothing was deleted.',
    store,
  }
}

async function moveAsideOrRefuse(context: OpenContext): Promise<string> {
  const stamp = new Date(context.now()).toISOString().replace(/[:.]/g, '-')
  try {
    return await context.adapter.moveAside(stamp)
  } catch (error) {
    throw new StorageError(
      'damaged',
      'The saved counselor data looks damaged, and it could not be moved aside to start again, so it was left ' +
        'exactly as it is. Check that the disk has free space and is not read-only, then open again.',
      { cause: error },
    )
  }
}

async function createFreshStore(
  context: OpenContext,
  { checkPasscodeStrength }: { checkPasscodeStrength: boolean },
): Promise<CounselorStore> {
  if (checkPasscodeStrength) {
    parseOrThrow(newPasscodeSchema, context.passcode, { action: 'Could not create counselor data', what: 'passcode' })
  }
  const db = new context.sql.Database()
  migrate(db, isoNow(context))
  const kdf = newKdfParams(context.kdfIterations)
  const key = await deriveKey(context.passcode, kdf)
  const keyring: Keyring = { key, kdf, keyCheck: await sealKeyCheck(key, kdf) }
  const database = new EncryptedDatabase(db, keyring, newGeneration(), context.adapter, context.journalLimitBytes)
  try {
    await database.exclusive(() => database.rewrite())
  } catch (error) {
    await database.close()
    const cause = error instanceof StorageError ? error.cause : error
    throw writeFailed(
      cause,
      'Counselor data could not be created',
      'Try again once the disk has space and can be written to.',
    )
  }
  await passcodeAccepted(context.adapter)
  return new CounselorStore(database, settingsOf(context))
}

function settingsOf(context: OpenContext) {
  return { adapter: context.adapter, now: context.now, kdfIterations: context.kdfIterations }
}

function isoNow(context: OpenContext): string {
  return new Date(context.now()).toISOString()
}
