import fs from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import { kioskSettingSchema, type KioskSetting } from '../../../src/shared/counselor-contract'
import {
  preferencesSchema,
  savedProgressSchema,
  type Preferences,
  type SavedProgress,
} from '../../../src/shared/host-contract'
import { writeFileAtomic, type AtomicFileSystem } from './atomic-file'
import { UserFacingError } from './user-facing-error'

export interface RecordStore<T> {
  load(): Promise<T | null>
  save(record: T): Promise<void>
  clear(): Promise<void>
}

export type ProgressStore = RecordStore<SavedProgress>

export const PROGRESS_FILE_NAME = 'progress.json'
export const PREFERENCES_FILE_NAME = 'preferences.json'
export const KIOSK_FILE_NAME = 'kiosk.json'

/** The parts of fs.promises a record store writes with; tests pass one that refuses on purpose. */
export type RecordFileSystem = AtomicFileSystem & Pick<typeof fs.promises, 'mkdir'>

interface RecordFile<T> {
  folder: string
  /** e.g. "progress.json"; a damaged file becomes "progress.damaged-<date>.json". */
  fileName: string
  schema: z.ZodType<T>
  /** What the file holds, in words for messages: "saved progress", "settings". */
  what: string
  now?: () => Date
  /** Tests only: a file system that refuses writes (a read-only folder when running as root). */
  io?: RecordFileSystem
}

/**
 * One small JSON record in a folder under userData, written atomically. A file that
 * cannot be read as the record is moved aside, not deleted, so nothing is lost and
 * the app simply starts without it.
 */
export function createRecordStore<T>({
  folder,
  fileName,
  schema,
  what,
  now = () => new Date(),
  io = fs.promises,
}: RecordFile<T>): RecordStore<T> {
  const file = path.join(folder, fileName)
  const base = fileName.replace(/\.json$/, '')

  async function moveAside(): Promise<void> {
    const stamp = now().toISOString().replace(/[:.]/g, '-')
    await fs.promises.rename(file, path.join(folder, `${base}.damaged-${stamp}.json`))
  }

  return {
    async load() {
      let text: string
      try {
        text = await fs.promises.readFile(file, 'utf8')
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return null
        throw new UserFacingError(`Your ${what} could not be read (${describeFileError(error)}).`, {
          code: 'read-failed',
          cause: error,
        })
      }
      const parsed = schema.safeParse(parseJson(text))
      if (parsed.success) return parsed.data
      // If even the move fails (read-only folder), the damaged file is still no record.
      await moveAside().catch(() => undefined)
      return null
    },

    async save(record) {
      // Main validates again: this file is read back later and must always be valid.
      const valid = schema.parse(record)
      try {
        await io.mkdir(folder, { recursive: true })
        await writeFileAtomic(file, `${JSON.stringify(valid, null, 2)}\n`, { io })
      } catch (error) {
        throw new UserFacingError(`Your ${what} could not be saved in ${folder} (${describeFileError(error)}).`, {
          code: 'write-failed',
          cause: error,
        })
      }
    },

    async clear() {
      try {
        await fs.promises.rm(file, { force: true })
      } catch (error) {
        throw new UserFacingError(`Your ${what} could not be removed (${describeFileError(error)}).`, {
          code: 'write-failed',
          cause: error,
        })
      }
    },
  }
}

/** Self-guided progress (userData/progress/progress.json in the app). */
export function createProgressStore(
  folder: string,
  now: () => Date = () => new Date(),
  io?: RecordFileSystem,
): ProgressStore {
  return createRecordStore({
    folder,
    fileName: PROGRESS_FILE_NAME,
    schema: savedProgressSchema,
    what: 'progress',
    now,
    io,
  })
}

/** The remembered language (userData/preferences.json in the app). */
export function createPreferencesStore(folder: string, now: () => Date = () => new Date()): RecordStore<Preferences> {
  return createRecordStore({
    folder,
    fileName: PREFERENCES_FILE_NAME,
    schema: preferencesSchema,
    what: 'settings',
    now,
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined
}

/** A short reason in plain words for the file-system errors people actually meet. */
export function describeFileError(error: unknown): string {
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return 'the folder is not writable'
    case 'EROFS':
      return 'the disk is read-only'
    case 'ENOSPC':
      return 'the disk is full'
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is in the way of the folder'
    default:
      return 'an unexpected file error'
  }
}

/** Whether counselors turned kiosk mode on (userData/kiosk.json). */
export function createKioskSettingStore(folder: string, now: () => Date = () => new Date()): RecordStore<KioskSetting> {
  return createRecordStore({
    folder,
    fileName: KIOSK_FILE_NAME,
    schema: kioskSettingSchema,
    what: 'kiosk setting',
    now,
  })
}
