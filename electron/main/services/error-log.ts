import fs from 'node:fs'
import path from 'node:path'

/** Where an unexpected error came from; written into each log entry. */
export type ErrorSource =
  | 'main:uncaughtException'
  | 'main:unhandledRejection'
  | 'main:startup'
  | 'main:ipc'
  | 'main:window'
  | 'main:center'
  | 'renderer:gone'
  | 'renderer:error'
  | 'renderer:unhandledrejection'
  | 'renderer:vue'
  | 'preload'

export interface ErrorLog {
  /** The current log file, shown to the person so they can send it to support. */
  readonly file: string
  record(source: ErrorSource, error: unknown): void
}

export interface ErrorLogOptions {
  folder: string
  /** When the file would grow past this, it becomes `errors.log.1` (one old file is kept). */
  maxBytes?: number
  now?: () => Date
}

export const ERROR_LOG_FILE_NAME = 'errors.log'

/**
 * Appends unexpected errors to a small, capped log. Writes are synchronous because the
 * process may be about to die (uncaughtException), and they never throw: a failing log
 * must not turn one error into two.
 */
export function createErrorLog({ folder, maxBytes = 256 * 1024, now = () => new Date() }: ErrorLogOptions): ErrorLog {
  const file = path.join(folder, ERROR_LOG_FILE_NAME)
  return {
    file,
    record(source, error) {
      const entry = formatEntry(now(), source, error, Math.floor(maxBytes / 4))
      try {
        fs.mkdirSync(folder, { recursive: true })
        if (currentSize(file) + Buffer.byteLength(entry) > maxBytes) {
          fs.renameSync(file, `${file}.1`)
        }
        fs.appendFileSync(file, entry, { encoding: 'utf8', mode: 0o600 })
      } catch (logError) {
        console.error('Could not write the error log:', logError, '\nOriginal error:', error)
      }
    },
  }
}

function currentSize(file: string): number {
  try {
    return fs.statSync(file).size
  } catch {
    return 0
  }
}

/** One entry: time, source, message and stack, cut to `limit` bytes so one error cannot fill the log. */
export function formatEntry(time: Date, source: ErrorSource, error: unknown, limit: number): string {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : safeString(error)
  const entry = `${time.toISOString()} [${source}] ${detail}`
  const cut = Buffer.from(entry, 'utf8').subarray(0, limit).toString('utf8')
  return `${cut}\n`
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  } catch {
    return String(value)
  }
}
