/**
 * The database file: the whole SQLite image, encrypted as one piece.
 *
 *   "HITRFCDB" | u32 header length | header JSON | SHA-256 of all before | IV | AES-GCM(SQLite bytes)
 *
 * The header holds only what opening needs before a key exists (KDF salt and
 * iterations, the key check, the journal generation): no client data. The checksum
 * separates a damaged header from a wrong passcode without any key; the body's
 * GCM tag, with everything before it as additional data, catches any other change.
 */
import { z } from '../shared/zod'
import { type Bytes, concatBytes, fromHex, fromUtf8, readUint32, toHex, uint32, utf8 } from './bytes'
import {
  type AesKey,
  IV_LENGTH,
  type KdfParams,
  MAX_KDF_ITERATIONS,
  type Sealed,
  seal,
  sha256,
  unseal,
} from './passcode-crypto'

const MAGIC = utf8('HITRFCDB')
const CHECKSUM_BYTES = 32
const MAX_HEADER_BYTES = 4096

/** The key and what is stored next to it so the same passcode finds it again. */
export interface Keyring {
  key: AesKey
  kdf: KdfParams
  keyCheck: Sealed
}

export interface SnapshotHeader {
  kdf: KdfParams
  keyCheck: Sealed
  /** Ties a journal to this snapshot; frames are authenticated with it. */
  generation: Bytes
  /**
   * The generation of the journal this snapshot replaced (absent for a new store and in
   * files from before it was kept). That journal's changes are all in this snapshot, which
   * was written from memory after them: found on disk after a crash, it is stale for sure,
   * even when its frames are under a key the passcode no longer gives (a passcode change).
   */
  previous?: Bytes
}

/** The file is not one of ours or its bytes changed. Never shown to users: opening recovers instead. */
export class DamagedData extends Error {
  override readonly name = 'DamagedData'
}

const hexSchema = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`))
const headerJsonSchema = z
  .object({
    format: z.literal(1),
    kdf: z
      .object({
        name: z.literal('PBKDF2-SHA256'),
        iterations: z.number().int().min(1).max(MAX_KDF_ITERATIONS),
        salt: hexSchema(16),
      })
      .strict(),
    keyCheck: z.object({ iv: hexSchema(IV_LENGTH), ciphertext: z.string().regex(/^[0-9a-f]{2,512}$/) }).strict(),
    generation: hexSchema(16),
    previous: hexSchema(16).optional(),
  })
  .strict()

export interface ParsedSnapshot {
  header: SnapshotHeader
  /** Magic through checksum: the body's additional authenticated data. */
  prefix: Bytes
  body: Sealed
}

export async function encodeSnapshot(
  keyring: Keyring,
  generation: Bytes,
  database: Bytes,
  previous?: Bytes,
): Promise<Bytes> {
  const headerJson = utf8(
    JSON.stringify({
      format: 1,
      kdf: { name: 'PBKDF2-SHA256', iterations: keyring.kdf.iterations, salt: toHex(keyring.kdf.salt) },
      keyCheck: { iv: toHex(keyring.keyCheck.iv), ciphertext: toHex(keyring.keyCheck.ciphertext) },
      generation: toHex(generation),
      ...(previous ? { previous: toHex(previous) } : {}),
    }),
  )
  const beforeChecksum = concatBytes([MAGIC, uint32(headerJson.length), headerJson])
  const prefix = concatBytes([beforeChecksum, await sha256(beforeChecksum)])
  const body = await seal(keyring.key, database, prefix)
  return concatBytes([prefix, body.iv, body.ciphertext])
}

/** Checks structure and header checksum; needs no key. Throws DamagedData. */
export async function parseSnapshot(file: Bytes): Promise<ParsedSnapshot> {
  const headerStart = MAGIC.length + 4
  if (file.length < headerStart || !MAGIC.every((byte, index) => file[index] === byte)) {
    throw new DamagedData('Not a counselor database file')
  }
  const headerLength = readUint32(file, MAGIC.length)
  const checksumStart = headerStart + headerLength
  const bodyStart = checksumStart + CHECKSUM_BYTES
  if (headerLength > MAX_HEADER_BYTES || file.length < bodyStart + IV_LENGTH + 16) {
    throw new DamagedData('Truncated counselor database file')
  }
  const beforeChecksum = file.subarray(0, checksumStart)
  const expected = await sha256(beforeChecksum)
  if (!expected.every((byte, index) => file[checksumStart + index] === byte)) {
    throw new DamagedData('Header checksum mismatch')
  }
  let json: unknown
  try {
    json = JSON.parse(fromUtf8(file.subarray(headerStart, checksumStart)))
  } catch (error) {
    throw new DamagedData('Header is not JSON', { cause: error })
  }
  const parsed = headerJsonSchema.safeParse(json)
  if (!parsed.success) throw new DamagedData('Header has an unknown shape')
  const { kdf, keyCheck, generation, previous } = parsed.data
  return {
    header: {
      kdf: { iterations: kdf.iterations, salt: fromHex(kdf.salt) },
      keyCheck: { iv: fromHex(keyCheck.iv), ciphertext: fromHex(keyCheck.ciphertext) },
      generation: fromHex(generation),
      ...(previous ? { previous: fromHex(previous) } : {}),
    },
    prefix: file.slice(0, bodyStart),
    body: { iv: file.slice(bodyStart, bodyStart + IV_LENGTH), ciphertext: file.subarray(bodyStart + IV_LENGTH) },
  }
}

/**
 * From a snapshot whose header failed its checks, whatever key check still reads: the
 * header JSON's KDF settings and sealed known text, if they parse. The checksum cannot
 * vouch for them, so they are only ever used to check a passcode (a damaged value just
 * fails that check), never to decrypt.
 */
export function salvageKeyCheck(file: Uint8Array): { kdf: KdfParams; keyCheck: Sealed } | null {
  const headerStart = MAGIC.length + 4
  if (file.length < headerStart) return null
  // The length itself may be what was damaged: read at most a header's worth either way.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(
    file.subarray(headerStart, headerStart + MAX_HEADER_BYTES),
  )
  const field = (pattern: RegExp) => pattern.exec(text)?.[1]
  const iterations = Number(field(/"iterations":(\d{1,8})[,}]/))
  const salt = field(/"salt":"([0-9a-f]{32})"/)
  const iv = field(new RegExp(`"iv":"([0-9a-f]{${IV_LENGTH * 2}})"`))
  const ciphertext = field(/"ciphertext":"([0-9a-f]{2,512})"/)
  if (!salt || !iv || !ciphertext || ciphertext.length % 2 !== 0) return null
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_KDF_ITERATIONS) return null
  return { kdf: { iterations, salt: fromHex(salt) }, keyCheck: { iv: fromHex(iv), ciphertext: fromHex(ciphertext) } }
}

/** Decrypts the SQLite image. The key must already have passed the key check. */
export async function decryptSnapshotBody(parsed: ParsedSnapshot, key: AesKey): Promise<Bytes> {
  try {
    return await unseal(key, parsed.body, parsed.prefix)
  } catch (error) {
    throw new DamagedData('Database body failed authentication', { cause: error })
  }
}
