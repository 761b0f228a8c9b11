/**
 * A kiosk's statistics connection, kept on disk encrypted by the operating system's secure
 * storage (Electron's safeStorage: the Keychain, DPAPI, or the Secret Service), passed in
 * as a SecretBox. Why not the counselor passcode, as the counselor connection is: a kiosk
 * runs unattended with the counselor area locked, so no passcode is at hand when a
 * visitor finishes. The login it holds can only add anonymous rows for its center and
 * read nothing. Where the system offers no real secure storage, nothing is saved.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from '../services/atomic-file'
import { centerConnectionSchema, type CenterConnection } from '../../../src/shared/center-contract'

/** The part of Electron's safeStorage used here. */
export interface SecretBox {
  /** False where the only "secure" storage is a fixed key (Linux without a keyring: basic_text). */
  isAvailable(): boolean
  encrypt(text: string): Uint8Array
  decrypt(data: Uint8Array): string
}

export interface KioskStatsStore {
  load(): Promise<CenterConnection | null>
  /** Returns false (and saves nothing) when there is no secure storage. Null forgets the connection. */
  save(settings: CenterConnection | null): Promise<boolean>
}

export function createKioskStatsStore(file: string, box: SecretBox): KioskStatsStore {
  let cached: CenterConnection | null | undefined
  return {
    async load() {
      if (cached !== undefined) return cached
      try {
        const sealed = await fs.readFile(file)
        if (!box.isAvailable()) return (cached = null)
        const parsed = centerConnectionSchema.safeParse(JSON.parse(box.decrypt(new Uint8Array(sealed))))
        cached = parsed.success ? parsed.data : null
      } catch {
        // Missing, or unreadable with this computer's key (copied from elsewhere): not set up.
        cached = null
      }
      return cached
    },
    async save(settings) {
      if (settings === null) {
        await fs.rm(file, { force: true })
        cached = null
        return true
      }
      if (!box.isAvailable()) return false
      await fs.mkdir(path.dirname(file), { recursive: true })
      await writeFileAtomic(file, box.encrypt(JSON.stringify(centerConnectionSchema.parse(settings))))
      cached = settings
      return true
    },
  }
}
