/**
 * A SCRAM-SHA-256 password verifier, made on the administrator's computer (RFC 5802,
 * RFC 7677), in the form PostgreSQL stores: the server keeps it as the login's password,
 * so the password itself is never sent to the server nor written to its logs.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto'

/** PostgreSQL's default (scram_iterations); a verifier carries its own count. */
export const SCRAM_ITERATIONS = 4096

/**
 * PostgreSQL prepares passwords with SASLprep and uses the raw bytes when that fails.
 * For the passwords people type (letters, digits, punctuation, accents) NFKC with
 * non-ASCII spaces mapped to a plain space gives the same bytes.
 */
function prepare(password: string): string {
  return password.replace(/[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g, ' ').normalize('NFKC')
}

export function scramSha256Verifier(password: string, salt = randomBytes(16), iterations = SCRAM_ITERATIONS): string {
  const salted = pbkdf2Sync(prepare(password), salt, iterations, 32, 'sha256')
  const clientKey = createHmac('sha256', salted).update('Client Key').digest()
  const storedKey = createHash('sha256').update(clientKey).digest()
  const serverKey = createHmac('sha256', salted).update('Server Key').digest()
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`
}
