import type { RenderProcessGoneDetails, WebContents } from 'electron'
import type { ErrorLog, ErrorSource } from './services/error-log'

export interface ErrorDialogs {
  /** A plain, blocking message box; must work before the app is ready. */
  showError(title: string, message: string): void
}

/** Logs an unexpected error and tells the person once, in plain words; stacks stay in the log. */
export type ReportError = (source: ErrorSource, error: unknown) => void

/**
 * Builds the reporter. The dialog is shown for the first error only: a burst of errors
 * would otherwise bury the person under identical boxes.
 */
export function createErrorReporter(log: ErrorLog, dialogs: ErrorDialogs): ReportError {
  let told = false
  return (source, error) => {
    log.record(source, error)
    if (told) return
    told = true
    dialogs.showError('Something went wrong', plainErrorMessage(log.file))
  }
}

export function plainErrorMessage(logFile: string): string {
  return [
    'Health IT Role Finder ran into a problem it did not expect.',
    'If something stops working, close the app and open it again. Your saved answers are kept.',
    `Details were written to: ${logFile}`,
  ].join('\n\n')
}

/** Main-process errors that nothing else caught. */
export function reportProcessErrors(process: NodeJS.EventEmitter, report: ReportError): void {
  process.on('uncaughtException', (error: unknown) => report('main:uncaughtException', error))
  process.on('unhandledRejection', (reason: unknown) => report('main:unhandledRejection', reason))
}

export interface CrashRecovery {
  /** Asks whether to reload the page; resolves true for "Reload", false for "Quit". */
  askToReload(): Promise<boolean>
  reload(contents: WebContents): void
  quit(): void
}

/**
 * Renderer crashes and preload failures of one WebContents. A crashed page would leave a
 * blank window, so the person is asked to reload it (or quit) instead; that question is
 * the crash's only dialog, the details go to the log.
 */
export function watchWebContents(
  contents: WebContents,
  { log, report, recovery }: { log: ErrorLog; report: ReportError; recovery: CrashRecovery },
): void {
  contents.on('preload-error', (_event, preloadPath: string, error: Error) => {
    report('preload', new Error(`Preload ${preloadPath} failed: ${error.stack ?? error.message}`))
  })
  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    if (details.reason === 'clean-exit') return
    log.record('renderer:gone', new Error(`Renderer gone: ${details.reason} (exit code ${details.exitCode})`))
    void recovery.askToReload().then((reload) => {
      if (contents.isDestroyed()) return
      if (reload) recovery.reload(contents)
      else recovery.quit()
    })
  })
}
