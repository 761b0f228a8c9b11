/**
 * What is stored, judged without any key: nothing at all (first use), a snapshot whose
 * header reads, or damage. Opening, starting afresh and the status all start here, so
 * the three never disagree about whether this is first use.
 *
 * First use means no trace of counselor data at all: no snapshot, no journal with
 * frames, no metadata record and no kept copies. Anything else with no readable
 * snapshot is damage, reported as damage; in particular kept copies with no live
 * snapshot (a crash in an older version's recovery) never look like first use.
 */
import { type Bytes, asBytes, bytesEqual, utf8 } from './bytes'
import { readFailed } from './errors'
import { type KeyCheck, type MetaRecord, readMetaRecord, sameKeyCheck } from './meta-record'
import type { PersistenceAdapter } from './persistence-adapter'
import { DamagedData, type ParsedSnapshot, parseSnapshot, salvageKeyCheck } from './snapshot-format'

export type StoredState =
  | { kind: 'empty' }
  | { kind: 'readable'; snapshot: Bytes; parsed: ParsedSnapshot; journal: Bytes | null; meta: MetaRecord }
  | {
      kind: 'damaged'
      problem: 'snapshot-missing' | 'snapshot-unreadable'
      snapshot: Bytes | null
      journal: Bytes | null
      /** Every key check that still reads (salvaged from the header, copied in the metadata), without repeats. */
      keyChecks: KeyCheck[]
      /** Kept copies already there. */
      copies: string[]
    }

const JOURNAL_MAGIC = utf8('HITRFJNL')
const JOURNAL_HEADER_BYTES = JOURNAL_MAGIC.length + 16

export async function readStoredState(adapter: PersistenceAdapter): Promise<StoredState> {
  let snapshot: Bytes | null
  let journal: Bytes | null
  let metaExists: boolean
  let copies: string[]
  try {
    const snapshotBytes = await adapter.read()
    const journalBytes = await adapter.readJournal()
    snapshot = snapshotBytes && asBytes(snapshotBytes)
    journal = journalBytes && asBytes(journalBytes)
    metaExists = (await adapter.readMeta()) !== null
    copies = await adapter.listCopies()
  } catch (error) {
    throw readFailed(error)
  }
  const meta = await readMetaRecord(adapter)
  if (snapshot !== null) {
    try {
      return { kind: 'readable', snapshot, parsed: await parseSnapshot(snapshot), journal, meta }
    } catch (error) {
      if (!(error instanceof DamagedData)) throw error
    }
    const salvaged = salvageKeyCheck(snapshot)
    return {
      kind: 'damaged',
      problem: 'snapshot-unreadable',
      snapshot,
      journal,
      keyChecks: withoutRepeats([...(salvaged ? [salvaged] : []), ...meta.keyChecks]),
      copies,
    }
  }
  // An interrupted first use leaves at most a journal header (it is written first) and nothing else.
  const journalHoldsNothing = journal === null || isBareJournalHeader(journal)
  if (journalHoldsNothing && !metaExists && copies.length === 0) return { kind: 'empty' }
  return { kind: 'damaged', problem: 'snapshot-missing', snapshot, journal, keyChecks: meta.keyChecks, copies }
}

function isBareJournalHeader(journal: Bytes): boolean {
  return journal.length === JOURNAL_HEADER_BYTES && bytesEqual(journal.subarray(0, JOURNAL_MAGIC.length), JOURNAL_MAGIC)
}

function withoutRepeats(checks: KeyCheck[]): KeyCheck[] {
  return checks.filter((check, index) => checks.findIndex((other) => sameKeyCheck(other, check)) === index)
}
