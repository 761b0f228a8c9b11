/**
 * Where encrypted bytes live. Storage code never touches a file system or IndexedDB
 * itself: the Electron main process passes the file adapter
 * (electron/main/services/database-file.ts), a browser passes
 * src/storage/indexeddb-adapter.ts. Adapters store opaque bytes; all encryption,
 * parsing and recovery happen above them.
 *
 * Three pieces of data: the snapshot (the whole encrypted database), the journal
 * (encrypted saves made since the snapshot) and a tiny unencrypted metadata record
 * (the wrong-passcode counter and a copy of the key check; never client data). Kept
 * copies of damaged data are a fourth kind, written only, never read back by the app.
 */
export interface PersistenceAdapter {
  /** The snapshot, or null when none has been written yet. */
  read(): Promise<Uint8Array | null>
  /**
   * Replaces the snapshot atomically and durably: once this resolves the new bytes
   * survive a crash or power cut; if it throws or the process dies, the previous
   * bytes are still there, whole.
   */
  write(bytes: Uint8Array): Promise<void>

  readJournal(): Promise<Uint8Array | null>
  /** Adds bytes at the end of the journal; durable once it resolves. A crash may leave a partial tail. */
  appendJournal(bytes: Uint8Array): Promise<void>
  /** Replaces the whole journal, atomically and durably like `write`. */
  writeJournal(bytes: Uint8Array): Promise<void>

  readMeta(): Promise<Uint8Array | null>
  writeMeta(bytes: Uint8Array): Promise<void>

  /**
   * Keeps a copy of damaged bytes (a snapshot, a journal or both), durably, under a name
   * with `stamp` (a date, safe in file names), before anything drops or replaces them.
   * Never changes the live snapshot or journal. Resolves to a plain description of where
   * the copy is, shown to the counselor.
   */
  keepCopy(stamp: string, copy: KeptCopy): Promise<string>
  /** Plain descriptions of every kept copy (including ones moved aside by older versions). */
  listCopies(): Promise<string[]>
  /** Removes every kept copy: after a delete or a passcode change no old data may stay readable. */
  removeCopies(): Promise<void>
  /** Removes everything this adapter keeps: snapshot, journal, metadata, leftovers and kept copies. */
  eraseAll(): Promise<void>
  /** Where counselor data is kept, in plain words for the counselor (a folder, or "this browser's storage"). */
  location(): string
}

export interface KeptCopy {
  snapshot?: Uint8Array | null
  journal?: Uint8Array | null
}

const ADAPTER_METHODS = [
  'read',
  'write',
  'readJournal',
  'appendJournal',
  'writeJournal',
  'readMeta',
  'writeMeta',
  'keepCopy',
  'listCopies',
  'removeCopies',
  'eraseAll',
  'location',
] as const satisfies readonly (keyof PersistenceAdapter)[]

export function isPersistenceAdapter(value: unknown): value is PersistenceAdapter {
  if (typeof value !== 'object' || value === null) return false
  return ADAPTER_METHODS.every((method) => typeof (value as Record<string, unknown>)[method] === 'function')
}
