/**
 * Where encrypted bytes live. Storage code never touches a file system or IndexedDB
 * itself: the Electron main process passes the file adapter
 * (electron/main/services/database-file.ts), a browser passes
 * src/storage/indexeddb-adapter.ts. Adapters store opaque bytes; all encryption,
 * parsing and recovery happen above them.
 *
 * Three pieces of data: the snapshot (the whole encrypted database), the journal
 * (encrypted saves made since the snapshot) and a tiny unencrypted metadata record
 * (the wrong-passcode counter; never client data).
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
   * Moves the snapshot and journal out of the way without destroying them, with
   * `stamp` (a date, safe in file names) in the new name. Resolves to a plain
   * description of where they are now, shown to the counselor.
   */
  moveAside(stamp: string): Promise<string>
  /** Removes everything this adapter keeps: snapshot, journal, metadata, leftovers and moved-aside copies. */
  eraseAll(): Promise<void>
}

const ADAPTER_METHODS = [
  'read',
  'write',
  'readJournal',
  'appendJournal',
  'writeJournal',
  'readMeta',
  'writeMeta',
  'moveAside',
  'eraseAll',
] as const satisfies readonly (keyof PersistenceAdapter)[]

export function isPersistenceAdapter(value: unknown): value is PersistenceAdapter {
  if (typeof value !== 'object' || value === null) return false
  return ADAPTER_METHODS.every((method) => typeof (value as Record<string, unknown>)[method] === 'function')
}
