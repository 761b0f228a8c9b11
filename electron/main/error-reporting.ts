import type { RenderProcessGoneDetails, WebContents } from 'electron'
import { MAIN_TEXTS, type MainTexts } from './main-texts'
import type { ErrorLog, ErrorSource } from './services/error-log'
import type { RendererError } from '../../src/shared/host-contract'

export interface ErrorDialogs {
  /** A plain, blocking message box; must work before the app is ready. */
  showError(title: string, message: string): void
}

/** Logs an unexpected error and tells the person once, in plain words; stacks stay in the log. */
export type ReportError = (source: ErrorSource, error: unknown) => void

/**
 * Builds the reporter. The dialog is shown for the first error only: a burst of errors
 * would otherwise bury the person under identical boxes. `texts` gives the words in the
 * language the page shows at the moment of the error.
 */
export function createErrorReporter(
  log: ErrorLog,
  dialogs: ErrorDialogs,
  texts: () => MainTexts = () => MAIN_TEXTS.en,
): ReportError {
  let told = false
  return (source, error) => {
    log.record(source, error)
    if (told) return
    told = true
    dialogs.showError(texts().errors.title, plainErrorMessage(log.file, texts()))
  }
}

export function plainErrorMessage(logFile: string, texts: MainTexts = MAIN_TEXTS.en): string {
  return texts.errors.unexpected(logFile)
}

/** At most this many page errors are logged per run, so a page stuck in a loop cannot rotate out main's. */
export const RENDERER_ERRORS_PER_RUN = 50

/**
 * The page's uncaught errors (HostApi.logError, already sender-checked and validated by
 * IPC) into the same log as main's. No dialog: the page tells the person itself.
 */
export function createRendererErrorSink(log: ErrorLog, limit = RENDERER_ERRORS_PER_RUN) {
  let logged = 0
  return {
    record(report: RendererError): void {
      if (logged >= limit) return
      logged += 1
      const detail = [report.message, report.stack, report.where ? `(${report.where})` : undefined]
        .filter((part): part is string => Boolean(part))
        .join('\n')
      const note = logged === limit ? `\n(${limit} page errors logged; later ones this run are not)` : ''
      log.record(`renderer:${report.kind}`, `${detail}${note}`)
    },
  }
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
