/**
 * Passcode → key → authenticated encryption, with WebCrypto only (present in Node 20,
 * browsers and Electron): PBKDF2-SHA256 derives a non-extractable AES-256-GCM key.
 * The iteration count is stored with the salt in the file header, so it can be
 * raised later: opening a file made with fewer iterations re-encrypts it.
 */
import { type Bytes, bytesEqual, utf8 } from './bytes'

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Never lower; tests pass a small count explicitly. */
export const DEFAULT_KDF_ITERATIONS = 600_000
export const MAX_KDF_ITERATIONS = 10_000_000
const SALT_BYTES = 16
const IV_BYTES = 12

type Subtle = typeof globalThis.crypto.subtle
export type AesKey = Awaited<ReturnType<Subtle['deriveKey']>>

export interface KdfParams {
  iterations: number
  salt: Bytes
}

/** Thrown when a GCM tag does not match: wrong key, or bytes changed since they were sealed. */
export class AuthenticationFailed extends Error {
  override readonly name = 'AuthenticationFailed'
}

function subtle(): Subtle {
  return globalThis.crypto.subtle
}

export function randomBytes(length: number): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(length))
}

export function newKdfParams(iterations: number): KdfParams {
  return { iterations, salt: randomBytes(SALT_BYTES) }
}

export async function deriveKey(passcode: string, kdf: KdfParams): Promise<AesKey> {
  // NFC so the same passcode typed on macOS (often NFD) and Windows gives the same key.
  const material = await subtle().importKey('raw', utf8(passcode.normalize('NFC')), 'PBKDF2', false, ['deriveKey'])
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: kdf.salt, iterations: kdf.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

export interface Sealed {
  iv: Bytes
  ciphertext: Bytes
}

/** A fresh random 96-bit IV per message; GCM appends a 128-bit tag to the ciphertext. */
export async function seal(key: AesKey, plaintext: Bytes, additionalData: Bytes): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES)
  const ciphertext = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData }, key, plaintext)
  return { iv, ciphertext: new Uint8Array(ciphertext) }
}

export async function unseal(key: AesKey, sealed: Sealed, additionalData: Bytes): Promise<Bytes> {
  try {
    const plaintext = await subtle().decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData }, key, sealed.ciphertext)
    return new Uint8Array(plaintext)
  } catch (error) {
    throw new AuthenticationFailed('Authentication tag mismatch', { cause: error })
  }
}

export const IV_LENGTH = IV_BYTES

/**
 * A known text sealed under the key. Checking it tells "wrong passcode" apart from
 * "damaged file": both make the body's tag fail, but only a wrong key fails here
 * while the header checksum still matches.
 */
const KEY_CHECK_TEXT = utf8('health-it-role-finder counselor key check v1')

export function sealKeyCheck(key: AesKey, kdf: KdfParams): Promise<Sealed> {
  return seal(key, KEY_CHECK_TEXT, kdf.salt)
}

export async function keyCheckPasses(key: AesKey, kdf: KdfParams, check: Sealed): Promise<boolean> {
  try {
    return bytesEqual(await unseal(key, check, kdf.salt), KEY_CHECK_TEXT)
  } catch (error) {
    if (error instanceof AuthenticationFailed) return false
    throw error
  }
}

export async function sha256(bytes: Bytes): Promise<Bytes> {
  return new Uint8Array(await subtle().digest('SHA-256', bytes))
}
