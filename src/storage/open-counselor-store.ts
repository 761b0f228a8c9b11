/**
 * Opening counselor data. Three separate paths, chosen by what is stored (stored-state.ts):
 * - first use (no trace of any data): a new store with a passcode of 8 or more characters;
 * - unlocking: the passcode is checked first (throttled), then the journal is replayed
 *   and the data migrated. It never creates or replaces a store: damage that stops the
 *   data opening is reported as `damaged`, with everything left where it was;
 * - starting afresh (startCounselorStoreAfresh): the counselor's explicit choice after
 *   damage, with a new passcode given twice; the damaged files are copied aside first.
 *
 * When part of the journal cannot be read, the rest opens, a copy of the journal is kept
 * before it is rewritten, and the result says that recent changes may be missing and
 * where the copy is. Nothing is removed before its replacement is on disk.
 */
import type { Database, SqlJsStatic } from 'sql.js'
import { z } from '../shared/zod'
import type { Bytes } from './bytes'
import { applyChanges } from './changes'
import { CounselorStore, currentPasscodeSchema, newPasscodeSchema } from './counselor-store'
import { DEFAULT_JOURNAL_LIMIT_BYTES, EncryptedDatabase, newGeneration } from './encrypted-database'
import { StorageError, guarded, writeFailed } from './errors'
import { readJournal } from './journal-format'
import { type KeyCheck, readMetaRecord, rememberKeyChecks, rememberReport } from './meta-record'
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion } from './migrations'
import {
  DEFAULT_KDF_ITERATIONS,
  MAX_KDF_ITERATIONS,
  deriveKey,
  keyCheckPasses,
  newKdfParams,
  sealKeyCheck,
} from './passcode-crypto'
import { clearAttempts, passcodeAttempt } from './passcode-throttle'
import { type PersistenceAdapter, isPersistenceAdapter } from './persistence-adapter'
import { DamagedData, type Keyring, type ParsedSnapshot, decryptSnapshotBody } from './snapshot-format'
import { type StoredState, readStoredState } from './stored-state'
import { parseOrThrow } from './validation'

const isFunction = (value: unknown) => typeof value === 'function'

const commonOptions = {
  adapter: z.custom<PersistenceAdapter>(isPersistenceAdapter, 'must be a storage adapter'),
  /** Loads the sql.js WebAssembly module, e.g. `() => initSqlJs({ locateFile })`. */
  loadSqlJs: z.custom<() => Promise<SqlJsStatic>>(isFunction, 'must be a function that loads sql.js'),
  now: z.custom<() => number>(isFunction, 'must be a clock function').optional(),
  /** Tests only, to stay fast. Production uses DEFAULT_KDF_ITERATIONS; lower counts are never written over higher ones. */
  kdfIterations: z.number().int().min(1).max(MAX_KDF_ITERATIONS).optional(),
  journalLimitBytes: z
    .number()
    .int()
    .min(1)
    .max(1024 ** 3)
    .optional(),
}

const openOptionsSchema = z.object({ ...commonOptions, passcode: currentPasscodeSchema }).strict()
export type OpenCounselorStoreOptions = z.input<typeof openOptionsSchema>

const afreshOptionsSchema = z
  .object({
    ...commonOptions,
    /** Needed when the damaged data's passcode can still be checked (the refusal said `passcodeChecked`). */
    currentPasscode: currentPasscodeSchema.optional(),
    passcode: newPasscodeSchema,
    confirmPasscode: z.string().max(1024),
  })
  .strict()
  .refine((options) => options.passcode === options.confirmPasscode, {
    message: 'must be the same passcode typed twice',
    path: ['confirmPasscode'],
  })
export type StartAfreshOptions = z.input<typeof afreshOptionsSchema>

const checkOptionsSchema = z
  // An empty passcode is simply a wrong one here (with no data stored, nothing is checked).
  .object({ adapter: commonOptions.adapter, now: commonOptions.now, passcode: z.string().max(1024) })
  .strict()
export type CheckPasscodeOptions = z.input<typeof checkOptionsSchema>

export type OpenStatus =
  /** First use (or a fresh start): an empty store was made with this passcode. */
  | 'created'
  | 'opened'
  /** Open, but part of the saved data could not be read: recent changes may be missing. `keptAt` says where a copy is. */
  | 'recovered'

export interface OpenedCounselorStore {
  status: OpenStatus
  /** Plain words for the counselor. */
  message: string
  /**
   * With 'recovered': where a copy of the unreadable data was kept (null when there was
   * nothing to copy, e.g. a missing journal). With 'created' after starting afresh: where
   * the damaged data was kept.
   */
  keptAt?: string | null
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

/** Opens counselor data with its passcode; on first use (nothing stored at all) makes it. */
export function openCounselorStore(options: OpenCounselorStoreOptions): Promise<OpenedCounselorStore> {
  return guarded(async () => {
    const parsed = parseOrThrow(openOptionsSchema, options, {
      action: 'Could not open counselor data',
      what: 'options',
    })
    const context = await contextOf(parsed, parsed.passcode)
    const state = await readStoredState(context.adapter)
    if (state.kind === 'empty') {
      parseOrThrow(newPasscodeSchema, context.passcode, { action: 'Could not create counselor data', what: 'passcode' })
      return {
        status: 'created',
        message: 'A new, empty store for counselor data was created.',
        store: await createFreshStore(context),
      }
    }
    if (state.kind === 'damaged') {
      const passcodeChecked = await checkAgainstAny(context, state.keyChecks, context.passcode)
      throw damagedError(state, passcodeChecked, await locationOf(context.adapter, state))
    }
    const keyring = await unlock(context, state.parsed)
    const db = await loadDatabase(context, state.parsed, keyring)
    if (db === null) throw damagedError(state, true, await locationOf(context.adapter, state))
    return openExisting(context, db, keyring, state.parsed, state.journal)
  })
}

/**
 * The counselor's explicit choice after damage: a new, empty store with a new passcode
 * (typed twice, 8 characters or more). The damaged snapshot and journal are copied aside
 * first and kept. Refused when the data is not damaged, and when the old passcode can
 * still be checked but `currentPasscode` is missing or wrong.
 */
export function startCounselorStoreAfresh(options: StartAfreshOptions): Promise<OpenedCounselorStore> {
  return guarded(async () => {
    const parsed = parseOrThrow(afreshOptionsSchema, options, {
      action: 'Could not start afresh',
      what: 'options',
    })
    const context = await contextOf(parsed, parsed.passcode)
    const state = await readStoredState(context.adapter)
    if (state.kind === 'empty') {
      return {
        status: 'created',
        message: 'A new, empty store for counselor data was created.',
        store: await createFreshStore(context),
      }
    }
    const checks = state.kind === 'readable' ? [state.parsed.header] : state.keyChecks
    if (checks.length > 0) {
      if (parsed.currentPasscode === undefined) {
        throw new StorageError(
          'invalid-input',
          'Could not start afresh: "currentPasscode" is missing (the passcode of the damaged data can still be checked).',
          { field: 'currentPasscode' },
        )
      }
      await checkAgainstAny(context, checks, parsed.currentPasscode)
    }
    if (state.kind === 'readable') {
      const key = await deriveKey(parsed.currentPasscode ?? '', state.parsed.header.kdf)
      const db = await loadDatabase(context, state.parsed, { ...state.parsed.header, key })
      if (db !== null) {
        db.close()
        throw new StorageError(
          'conflict',
          'Counselor data is not damaged: it opens with this passcode, so nothing was replaced.',
        )
      }
    }
    const snapshot = state.snapshot
    const keptAt =
      snapshot !== null || state.journal !== null
        ? await keepCopyOrRefuse(context, { snapshot, journal: state.journal })
        : (await context.adapter.listCopies()).join(' and ') || context.adapter.location()
    const store = await createFreshStore(context)
    return {
      status: 'created',
      keptAt,
      message: `A new, empty store was started with the new passcode. The damaged data was kept at ${keptAt}.`,
      store,
    }
  })
}

/**
 * Checks a passcode without opening anything (to leave a kiosk), throttled like any try,
 * against the snapshot's key check or, when that is damaged, any copy that still reads.
 * Resolves 'checked', or 'no-data' when nothing is stored; throws wrong-passcode, locked,
 * or damaged when no key check can be read at all.
 */
export function checkCounselorPasscode(options: CheckPasscodeOptions): Promise<'checked' | 'no-data'> {
  return guarded(async () => {
    const {
      adapter,
      now = Date.now,
      passcode,
    } = parseOrThrow(checkOptionsSchema, options, {
      action: 'Could not check the passcode',
      what: 'options',
    })
    const state = await readStoredState(adapter)
    if (state.kind === 'empty') return 'no-data'
    const checks = state.kind === 'readable' ? [state.parsed.header] : state.keyChecks
    if (!(await checkAgainstAny({ adapter, now }, checks, passcode))) {
      throw damagedError(state, false, await locationOf(adapter, state))
    }
    return 'checked'
  })
}

async function contextOf(
  parsed: {
    adapter: PersistenceAdapter
    loadSqlJs: () => Promise<SqlJsStatic>
    now?: (() => number) | undefined
    kdfIterations?: number | undefined
    journalLimitBytes?: number | undefined
  },
  passcode: string,
): Promise<OpenContext> {
  return {
    adapter: parsed.adapter,
    sql: await loadSql(parsed.loadSqlJs),
    passcode,
    now: parsed.now ?? Date.now,
    kdfIterations: parsed.kdfIterations ?? DEFAULT_KDF_ITERATIONS,
    journalLimitBytes: parsed.journalLimitBytes ?? DEFAULT_JOURNAL_LIMIT_BYTES,
  }
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

/** Throttled passcode check against the header's key check; throws wrong-passcode or locked. */
async function unlock(context: OpenContext, parsed: ParsedSnapshot): Promise<Keyring> {
  const { kdf, keyCheck } = parsed.header
  const key = await passcodeAttempt(context.adapter, context.now, async () => {
    const derived = await deriveKey(context.passcode, kdf)
    return (await keyCheckPasses(derived, kdf, keyCheck)) ? derived : null
  })
  // Keeps the metadata's copy in step, for the day the header cannot be read.
  await rememberKeyChecks(context.adapter, [{ kdf, keyCheck }])
  return { key, kdf, keyCheck }
}

/**
 * Throttled check of `passcode` against every key check that still reads. Resolves to
 * whether there was anything to check against; throws wrong-passcode or locked.
 */
async function checkAgainstAny(
  context: Pick<OpenContext, 'adapter' | 'now'>,
  checks: KeyCheck[],
  passcode: string,
): Promise<boolean> {
  if (checks.length === 0) return false
  await passcodeAttempt(context.adapter, context.now, async () => {
    for (const { kdf, keyCheck } of checks) {
      if (await keyCheckPasses(await deriveKey(passcode, kdf), kdf, keyCheck)) return true
    }
    return null
  })
  return true
}

/** The decrypted, loadable database, or null when the body is damaged. */
async function loadDatabase(context: OpenContext, parsed: ParsedSnapshot, keyring: Keyring): Promise<Database | null> {
  let image: Bytes
  try {
    image = await decryptSnapshotBody(parsed, keyring.key)
  } catch (error) {
    if (error instanceof DamagedData) return null
    throw error
  }
  // sql.js accepts any bytes and fails at the first query, so query once here.
  let db: Database | null = null
  try {
    db = new context.sql.Database(image)
    readSchemaVersion(db)
    return db
  } catch {
    db?.close()
    return null
  }
}

async function locationOf(adapter: PersistenceAdapter, state: StoredState): Promise<string> {
  if (state.kind === 'damaged' && state.problem === 'snapshot-missing' && state.copies.length > 0) {
    return state.copies.join(' and ')
  }
  return adapter.location()
}

function damagedError(state: StoredState, passcodeChecked: boolean, where: string): StorageError {
  const what =
    state.kind === 'damaged' && state.problem === 'snapshot-missing'
      ? 'The saved counselor data is incomplete (its main file is missing), so it cannot open.'
      : 'The saved counselor data is damaged, so it cannot open.'
  const check = passcodeChecked
    ? ''
    : ' The passcode could not be checked either, because the part that checks it is damaged too.'
  return new StorageError(
    'damaged',
    `${what}${check} Nothing was changed or deleted: it is still at ${where}. ` +
      'You can start afresh with a new passcode; the damaged data is kept.',
    { where, passcodeChecked },
  )
}

async function openExisting(
  context: OpenContext,
  db: Database,
  keyring: Keyring,
  parsed: ParsedSnapshot,
  journal: Bytes | null,
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
  journal: Bytes | null,
): Promise<OpenedCounselorStore> {
  const db = database.db
  let needsRewrite = migrate(db, isoNow(context)).length > 0

  const reading =
    journal === null ? null : await readJournal(journal, keyring.key, parsed.header.generation, parsed.header.previous)
  let dropped = false
  if (reading?.kind === 'read') {
    dropped = reading.dropped
    let applied = 0
    for (const changeSet of reading.changeSets) {
      try {
        applyChanges(db, changeSet.changes)
      } catch {
        // A frame that authenticates but no longer fits (it cannot happen with one writer): stop here, and say so.
        dropped = true
        break
      }
      applied++
    }
    if (!dropped && !reading.headerDamaged && journal !== null) database.adoptJournal(applied, journal.length)
  }
  // No journal, a stale one (crash between snapshot and journal reset), a damaged header or
  // dropped frames: a rewrite puts snapshot and journal back in step before any append.
  needsRewrite ||= reading === null || reading.kind === 'stale' || reading.headerDamaged || dropped

  let newKeyring = keyring
  if (keyring.kdf.iterations < context.kdfIterations) {
    const kdf = newKdfParams(context.kdfIterations)
    const key = await deriveKey(context.passcode, kdf)
    newKeyring = { key, kdf, keyCheck: await sealKeyCheck(key, kdf) }
    needsRewrite = true
  }
  const store = new CounselorStore(database, settingsOf(context))

  let saved = ''
  if ((dropped && journal !== null) || reading === null) {
    // The copy, then the report, are on disk before the rewrite drops anything: a crash
    // during the repair leaves the report for the next open to give.
    const keptAt =
      dropped && journal !== null && journal.length > 0 ? await keepCopyOrRefuse(context, { journal }) : null
    await rememberReport(context.adapter, { keptAt })
    database.abandonJournal()
    saved = await rewriteOrExplain(database, newKeyring)
  } else if (needsRewrite) {
    // Best effort: on a read-only or full disk the data still opens from memory and
    // the next save reports the problem (and retries this rewrite).
    await database.exclusive(() => database.rewrite(newKeyring)).catch(() => undefined)
  }
  const report = (await readMetaRecord(context.adapter)).pendingReport
  if (report === null) return { status: 'opened', message: 'Counselor data is open.', store }
  store.clearReportOnClose()
  const what =
    report.keptAt === null
      ? 'The record of the most recent changes was missing, so changes made since the last full save may be missing.'
      : 'Part of the saved counselor data could not be read, so some of the most recent changes may be missing.'
  const where = report.keptAt === null ? '' : ` A copy of what could not be read was kept at ${report.keptAt}.`
  return {
    status: 'recovered',
    keptAt: report.keptAt,
    message: `${what} Everything else is open.${where}${saved}`,
    store,
  }
}

/** If the rewrite fails, what was readable is still open in memory and the next save writes it. */
function rewriteOrExplain(database: EncryptedDatabase, keyring: Keyring): Promise<string> {
  return database
    .exclusive(() => database.rewrite(keyring))
    .then(
      () => '',
      () => ' It could not be saved again yet; check that the disk has free space.',
    )
}

async function keepCopyOrRefuse(
  context: OpenContext,
  copy: { snapshot?: Bytes | null; journal?: Bytes | null },
): Promise<string> {
  const stamp = new Date(context.now()).toISOString().replace(/[:.]/g, '-')
  try {
    return await context.adapter.keepCopy(stamp, copy)
  } catch (error) {
    throw new StorageError(
      'damaged',
      'Part of the saved counselor data is damaged, and a copy of it could not be kept before repairing it, so ' +
        'everything was left exactly as it is. Check that the disk has free space and is not read-only, then open again.',
      { cause: error, where: context.adapter.location(), passcodeChecked: true },
    )
  }
}

async function createFreshStore(context: OpenContext): Promise<CounselorStore> {
  const db = new context.sql.Database()
  migrate(db, isoNow(context))
  const kdf = newKdfParams(context.kdfIterations)
  const key = await deriveKey(context.passcode, kdf)
  const keyring: Keyring = { key, kdf, keyCheck: await sealKeyCheck(key, kdf) }
  const database = new EncryptedDatabase(db, keyring, newGeneration(), context.adapter, context.journalLimitBytes)
  try {
    await database.exclusive(() => database.writeFirst())
  } catch (error) {
    await database.close()
    const cause = error instanceof StorageError ? error.cause : error
    throw writeFailed(
      cause,
      'Counselor data could not be created',
      'Try again once the disk has space and can be written to.',
    )
  }
  await clearAttempts(context.adapter)
  return new CounselorStore(database, settingsOf(context))
}

function settingsOf(context: OpenContext) {
  return { adapter: context.adapter, now: context.now, kdfIterations: context.kdfIterations }
}

function isoNow(context: OpenContext): string {
  return new Date(context.now()).toISOString()
}
