/**
 * Builds center mode for the desktop app: the service with its real parts (node-postgres,
 * the content's report items, the kiosk's connection sealed by safeStorage), and a
 * counselor API that tells center mode about each save. Electron's safeStorage is passed
 * in, so this file is tested without Electron.
 */
import path from 'node:path'
import { REPORT_CONTENT } from '../../../src/center/report-content'
import type { CounselorApi } from '../../../src/shared/counselor-contract'
import type { CounselorStore } from '../../../src/storage'
import { createCenterService, type CenterServiceDeps, type MainCenterService } from './center-service'
import { createKioskStatsStore, type SecretBox } from './kiosk-stats-store'

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(text: string): Uint8Array
  decryptString(data: Buffer): string
  getSelectedStorageBackend?(): string
}

/**
 * safeStorage as a SecretBox. On Linux without a keyring Electron falls back to a key
 * written in its own code ("basic_text"), which protects nothing: treated as unavailable.
 */
export function safeStorageBox(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretBox {
  return {
    isAvailable: () =>
      safeStorage.isEncryptionAvailable() &&
      !(platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text'),
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(Buffer.from(data)),
  }
}

export { REPORT_CONTENT }

export interface MainCenterOptions {
  userData: string
  safeStorage: SafeStorageLike
  counselorStore(): CounselorStore | null
  log(error: unknown): void
  overrides?: Partial<CenterServiceDeps>
}

export function createMainCenter(options: MainCenterOptions): MainCenterService {
  return createCenterService({
    counselorStore: options.counselorStore,
    kioskStats: createKioskStatsStore(
      path.join(options.userData, 'center', 'kiosk-statistics.bin'),
      safeStorageBox(options.safeStorage),
    ),
    content: REPORT_CONTENT,
    log: options.log,
    ...options.overrides,
  })
}

const SAVES = ['createClient', 'updateClient', 'saveSession', 'importSession'] as const

/** The counselor API, telling `changed` after every save that succeeded (center mode then sends it soon). */
export function notifyOnSave<Service extends CounselorApi>(counselor: Service, changed: () => void): Service {
  const wrapped: Service = { ...counselor }
  for (const name of SAVES) {
    const save = counselor[name] as (payload: never) => Promise<unknown>
    ;(wrapped as unknown as Record<string, (payload: never) => Promise<unknown>>)[name] = async (payload) => {
      const result = await save(payload)
      changed()
      return result
    }
  }
  return wrapped
}
