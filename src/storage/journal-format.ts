/**
 * The journal: saves since the last snapshot, appended as separately encrypted frames,
 * so a save costs one small write and fsync instead of re-encrypting and rewriting the
 * whole database (see the measurements in encrypted-database.ts).
 *
 *   "HITRFJNL" | generation (16 bytes) | frame* ;  frame = u32 length | IV | AES-GCM(change set JSON)
 *
 * Each frame's additional data is the generation and its position, so frames cannot
 * be moved between journals or reordered without failing authentication.
 */
import { type Bytes, bytesEqual, concatBytes, fromUtf8, readUint32, uint32, utf8 } from './bytes'
import { type ChangeSet, changeSetSchema } from './changes'
import { AuthenticationFailed, type AesKey, IV_LENGTH, seal, unseal } from './passcode-crypto'

const MAGIC = utf8('HITRFJNL')
export const GENERATION_BYTES = 16
const HEADER_BYTES = MAGIC.length + GENERATION_BYTES
const MAX_FRAME_BYTES = 64 * 1024 * 1024

export function encodeJournalHeader(generation: Bytes): Bytes {
  return concatBytes([MAGIC, generation])
}

function frameAdditionalData(generation: Bytes, position: number): Bytes {
  return concatBytes([generation, uint32(position)])
}

export async function encodeJournalFrame(
  key: AesKey,
  generation: Bytes,
  position: number,
  changeSet: ChangeSet,
): Promise<Bytes> {
  const sealed = await seal(key, utf8(JSON.stringify(changeSet)), frameAdditionalData(generation, position))
  return concatBytes([uint32(sealed.iv.length + sealed.ciphertext.length), sealed.iv, sealed.ciphertext])
}

export type JournalReading =
  /**
   * Written for an earlier snapshot (a crash between the snapshot write and the journal
   * reset): its frames authenticate under its own generation, and their changes are
   * already in the snapshot, which was written from memory after them.
   */
  | { kind: 'stale' }
  | {
      kind: 'read'
      changeSets: ChangeSet[]
      frameCount: number
      /**
       * Bytes after the last frame that could be read: a frame cut short, one that fails
       * authentication, or anything else. A crash cannot cut a frame on its own (each is
       * one write), so this may be a confirmed save: the counselor is told, and a copy of
       * the journal is kept before it is rewritten.
       */
      dropped: boolean
      /**
       * The header (magic or generation) does not match the snapshot, though what could be
       * read was read under the snapshot's generation: the journal must be rewritten before
       * anything is appended to it.
       */
      headerDamaged: boolean
    }

/**
 * Reads every frame it can authenticate, in order, and never skips one silently: the
 * first frame that fails ends the reading with `dropped`. On a header that does not
 * match the snapshot, the frames are first tried under the snapshot's generation (the
 * header itself may be what was damaged) before the journal is called stale.
 */
export async function readJournal(
  journal: Bytes,
  key: AesKey,
  generation: Bytes,
  /** The generation of the journal the snapshot replaced, when the snapshot names it. */
  previous?: Bytes,
): Promise<JournalReading> {
  const headerIntact = journal.length >= HEADER_BYTES && bytesEqual(journal.subarray(0, MAGIC.length), MAGIC)
  const ownGeneration = headerIntact ? journal.slice(MAGIC.length, HEADER_BYTES) : null
  if (ownGeneration !== null && bytesEqual(ownGeneration, generation)) {
    return { kind: 'read', ...(await readFrames(journal, key, generation)), headerDamaged: false }
  }
  // The snapshot names this journal as the one it replaced: stale, whatever key its frames are under.
  if (ownGeneration !== null && previous !== undefined && bytesEqual(ownGeneration, previous)) return { kind: 'stale' }
  if (journal.length < HEADER_BYTES) {
    // Not even a whole header (our writes never leave one): frames may have been lost with it.
    return { kind: 'read', changeSets: [], frameCount: 0, dropped: true, headerDamaged: true }
  }
  const underSnapshot = await readFrames(journal, key, generation)
  if (underSnapshot.frameCount > 0) return { kind: 'read', ...underSnapshot, headerDamaged: true }
  const hasFrames = journal.length > HEADER_BYTES
  // A header with no frames holds nothing to lose, whichever snapshot it was written for.
  if (!hasFrames) return { kind: 'read', changeSets: [], frameCount: 0, dropped: false, headerDamaged: true }
  if (ownGeneration !== null && (await firstFrameReads(journal, key, ownGeneration))) return { kind: 'stale' }
  return { kind: 'read', changeSets: [], frameCount: 0, dropped: true, headerDamaged: true }
}

async function readFrames(journal: Bytes, key: AesKey, generation: Bytes) {
  const changeSets: ChangeSet[] = []
  let offset = HEADER_BYTES
  while (offset < journal.length) {
    const frame = frameAt(journal, offset)
    const changeSet = frame && (await decodeFrame(frame.bytes, key, generation, changeSets.length))
    if (!frame || !changeSet) return { changeSets, frameCount: changeSets.length, dropped: true }
    changeSets.push(changeSet)
    offset = frame.end
  }
  return { changeSets, frameCount: changeSets.length, dropped: false }
}

async function firstFrameReads(journal: Bytes, key: AesKey, generation: Bytes): Promise<boolean> {
  const frame = frameAt(journal, HEADER_BYTES)
  return frame !== null && (await decodeFrame(frame.bytes, key, generation, 0)) !== null
}

/** The frame starting at `offset`, or null when its length runs past the end (cut short or damaged). */
function frameAt(journal: Bytes, offset: number): { bytes: Bytes; end: number } | null {
  if (journal.length - offset < 4) return null
  const length = readUint32(journal, offset)
  const end = offset + 4 + length
  if (length > MAX_FRAME_BYTES || end > journal.length) return null
  return { bytes: journal.subarray(offset + 4, end), end }
}

async function decodeFrame(frame: Bytes, key: AesKey, generation: Bytes, position: number): Promise<ChangeSet | null> {
  if (frame.length < IV_LENGTH + 16) return null
  try {
    const plaintext = await unseal(
      key,
      { iv: frame.slice(0, IV_LENGTH), ciphertext: frame.subarray(IV_LENGTH) },
      frameAdditionalData(generation, position),
    )
    const parsed = changeSetSchema.safeParse(JSON.parse(fromUtf8(plaintext)))
    return parsed.success ? parsed.data : null
  } catch (error) {
    if (error instanceof AuthenticationFailed || error instanceof SyntaxError || error instanceof TypeError) return null
    throw error
  }
}
