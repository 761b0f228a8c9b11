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
  /** Written for another snapshot: its changes are already in the snapshot (a crash between the two writes). */
  | { kind: 'stale' }
  | {
      kind: 'read'
      changeSets: ChangeSet[]
      /** The last frame was cut short by a crash mid-append; that save never reported success. */
      tornTail: boolean
      /** A frame before the end failed to decrypt or parse: changes from there on are lost. */
      damaged: boolean
      frameCount: number
    }

export async function readJournal(journal: Bytes, key: AesKey, generation: Bytes): Promise<JournalReading> {
  if (journal.length < HEADER_BYTES || !bytesEqual(journal.subarray(0, MAGIC.length), MAGIC)) {
    return { kind: 'read', changeSets: [], tornTail: false, damaged: true, frameCount: 0 }
  }
  if (!bytesEqual(journal.subarray(MAGIC.length, HEADER_BYTES), generation)) return { kind: 'stale' }

  const changeSets: ChangeSet[] = []
  let offset = HEADER_BYTES
  while (offset < journal.length) {
    const remaining = journal.length - offset
    const length = remaining >= 4 ? readUint32(journal, offset) : Number.POSITIVE_INFINITY
    const frameEnd = offset + 4 + length
    if (length > MAX_FRAME_BYTES || frameEnd > journal.length) {
      return { kind: 'read', changeSets, tornTail: true, damaged: false, frameCount: changeSets.length }
    }
    const isLastFrame = frameEnd === journal.length
    const changeSet = await decodeFrame(journal.subarray(offset + 4, frameEnd), key, generation, changeSets.length)
    if (changeSet === null) {
      // A complete-looking last frame that fails is still a torn append (the file grew
      // before its bytes landed); anywhere else it means the journal was damaged.
      return { kind: 'read', changeSets, tornTail: isLastFrame, damaged: !isLastFrame, frameCount: changeSets.length }
    }
    changeSets.push(changeSet)
    offset = frameEnd
  }
  return { kind: 'read', changeSets, tornTail: false, damaged: false, frameCount: changeSets.length }
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
