import fs from 'node:fs'
import path from 'node:path'
import { savedProgressSchema, type SavedProgress } from '../../../src/shared/host-contract'
import { writeFileAtomic } from './atomic-file'
import { UserFacingError } from './user-facing-error'

export interface ProgressStore {
  load(): Promise<SavedProgress | null>
  save(progress: SavedProgress): Promise<void>
  clear(): Promise<void>
}

export const PROGRESS_FILE_NAME = 'progress.json'

/**
 * Self-guided progress, kept as one JSON file in `folder` (userData/progress in the app).
 * A file that cannot be read as progress is moved aside, not deleted, so nothing is lost
 * and the person simply starts again.
 */
export function createProgressStore(folder: string, now: () => Date = () => new Date()): ProgressStore {
  const file = path.join(folder, PROGRESS_FILE_NAME)

  async function moveAside(): Promise<void> {
    const stamp = now().toISOString().replace(/[:.]/g, '-')
    await fs.promises.rename(file, path.join(folder, `progress.damaged-${stamp}.json`))
  }

  return {
    async load() {
      let text: string
      try {
        text = await fs.promises.readFile(file, 'utf8')
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return null
        throw new UserFacingError(`Your saved progress could not be read (${describeFileError(error)}).`, {
          cause: error,
        })
      }
      const parsed = savedProgressSchema.safeParse(parseJson(text))
      if (parsed.success) return parsed.data
      // If even the move fails (read-only folder), the damaged file is still no progress.
      await moveAside().catch(() => undefined)
      return null
    },

    async save(progress) {
      // Main validates again: this file is read back later and must always be valid.
      const valid = savedProgressSchema.parse(progress)
      try {
        await fs.promises.mkdir(folder, { recursive: true })
        await writeFileAtomic(file, `${JSON.stringify(valid, null, 2)}\n`)
      } catch (error) {
        throw new UserFacingError(
          `Your progress could not be saved in ${folder} (${describeFileError(error)}).`,
          { cause: error },
        )
      }
    },

    async clear() {
      try {
        await fs.promises.rm(file, { force: true })
      } catch (error) {
        throw new UserFacingError(`Your saved progress could not be removed (${describeFileError(error)}).`, {
          cause: error,
        })
      }
    },
  }
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
