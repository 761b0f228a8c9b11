/**
 * The page's uncaught errors (window 'error', unhandled promise rejections and Vue's
 * errorHandler) go to the host's local error log: main's errors.log on the desktop, the
 * console in a browser. Nothing leaves the computer.
 */
import type { App } from 'vue'
import { RENDERER_ERROR_LIMITS } from '../shared/error-report'
import type { HostApi, RendererError } from '../shared/host-contract'

/** A page stuck in a loop sends no more than this many reports per load. */
export const PAGE_ERRORS_PER_LOAD = 20

function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text
}

/** A report the host accepts whatever was thrown: plain strings, cut to the contract's limits. */
export function describePageError(kind: RendererError['kind'], error: unknown, where?: string): RendererError {
  const message =
    error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : safeJson(error)
  const report: RendererError = { kind, message: cut(message, RENDERER_ERROR_LIMITS.message) }
  if (error instanceof Error && error.stack) report.stack = cut(error.stack, RENDERER_ERROR_LIMITS.stack)
  if (where) report.where = cut(where, RENDERER_ERROR_LIMITS.where)
  return report
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Listens for the page's uncaught errors and sends each to `host.logError`. */
export function reportPageErrors(app: App, host: Pick<HostApi, 'logError'>, target: Window = window): void {
  let sent = 0
  const send = (report: RendererError): void => {
    if (sent >= PAGE_ERRORS_PER_LOAD) return
    sent += 1
    // A log that cannot be written must not become an error of its own.
    host.logError(report).catch(() => undefined)
  }
  target.addEventListener('error', (event) => {
    const where = event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : undefined
    send(describePageError('error', event.error ?? event.message, where))
  })
  target.addEventListener('unhandledrejection', (event) => send(describePageError('unhandledrejection', event.reason)))
  app.config.errorHandler = (error, _instance, info) => {
    // What Vue does by itself when no handler is set, so developers still see it.
    console.error(error)
    send(describePageError('vue', error, info))
  }
}
