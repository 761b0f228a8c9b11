/**
 * The counselor part of the host contract: intent-level functions over encrypted,
 * local client records, and their payload validators. No Node, DOM or Vue imports.
 */
import { z } from './zod'
import {
  clientUpdateInputSchema,
  newClientInputSchema,
  recordIdSchema,
  sessionInputSchema,
  type Client,
  type ClientSummary,
  type ClientUpdateInput,
  type DateRange,
  type NewClientInput,
  type Session,
  type SessionInput,
  type SessionSummary,
} from './records'
import { CHANNELS } from './channels'
import type { ProgramSummary } from './program-summary'
import { SESSION_FILE_MAX_BYTES } from './limits'

export interface CounselorStatus {
  /** Counselor data exists here, damaged or not: ask for the passcode (else: choose one). */
  hasData: boolean
  /** The data is damaged in a way seen without the passcode; opening will report it (never first use). */
  damaged: boolean
  unlocked: boolean
  /** Seconds until a passcode may be tried again, after too many wrong ones. */
  waitSeconds: number
}

/**
 * What opening (or starting afresh) gives. Stable codes for the page to put in its own words:
 * - `status`: 'created' (first use or a fresh start), 'opened', or 'recovered' (open, but
 *   part of the saved data could not be read: recent changes may be missing; show it on the
 *   next page until dismissed, with `keptAt`).
 * - `reason`: 'wrong-passcode', 'locked' (wait `waitSeconds`), 'invalid-input',
 *   'open-elsewhere' (open in another window: it can open here once that one locks or
 *   closes), or 'damaged' (nothing was changed; `damage` says where it is and whether the
 *   passcode could be checked; starting afresh is the way on).
 */
export type CounselorOpenResult =
  | {
      ok: true
      status: 'created' | 'opened' | 'recovered'
      message: string
      /** With 'recovered', or 'created' after starting afresh: where a copy of the unreadable data is (null: nothing to copy). */
      keptAt?: string | null
    }
  | {
      ok: false
      reason: CounselorRefusal
      message: string
      waitSeconds: number
      /** Only with 'damaged'. */
      damage?: DamageReport
    }

export type CounselorRefusal = 'wrong-passcode' | 'locked' | 'invalid-input' | 'open-elsewhere' | 'damaged' | 'conflict'

export interface DamageReport {
  /** Where the damaged data is: a folder or file names, or the browser's storage. */
  where: string
  /**
   * The passcode was checked against a key check that could still be read. When true,
   * starting afresh needs it again (`currentPasscode`); when false, it cannot be checked.
   */
  passcodeChecked: boolean
}

/** Starting afresh after damage: a new passcode twice (8 characters or more); the damaged data is kept. */
export interface StartAfreshRequest {
  passcode: string
  confirmPasscode: string
  /** The old passcode, needed when the damage report said `passcodeChecked`. */
  currentPasscode?: string
}

/** A file for the person to keep: the host decides where it goes (a save dialog, a download). */
export interface ExportFile {
  fileName: string
  mimeType: 'application/json' | 'text/csv'
  text: string
}

export interface CounselorApi {
  counselorStatus(): Promise<CounselorStatus>
  /**
   * Opens counselor data with the passcode, creating it on first use (nothing stored at
   * all). Never creates or replaces anything when data exists: damage is refused as 'damaged'.
   */
  counselorOpen(payload: { passcode: string }): Promise<CounselorOpenResult>
  /**
   * After damage, and only then: a new, empty store with a new passcode. The damaged data
   * is copied aside and kept. Refused ('conflict') when the data is not damaged.
   */
  counselorStartAfresh(payload: StartAfreshRequest): Promise<CounselorOpenResult>
  counselorLock(): Promise<void>
  counselorChangePasscode(payload: { current: string; next: string }): Promise<void>
  /** The reset for a forgotten passcode: erases every client, session and note for good. */
  counselorEraseAll(): Promise<void>
  listClients(payload: { query: string }): Promise<ClientSummary[]>
  createClient(payload: NewClientInput): Promise<Client>
  updateClient(payload: ClientUpdateInput): Promise<Client>
  getClient(payload: { clientId: string }): Promise<{ client: Client; sessions: SessionSummary[] }>
  deleteClient(payload: { clientId: string }): Promise<void>
  saveSession(payload: SessionInput): Promise<Session>
  getSession(payload: { sessionId: string }): Promise<Session>
  exportSession(payload: { sessionId: string }): Promise<ExportFile>
  exportSessionsCsv(payload: DateRange): Promise<ExportFile>
  /** How many sessions a reporting export of this range would hold. */
  countSessions(payload: DateRange): Promise<number>
  /** The program summary of the sessions a reporting export of this range would hold. */
  summarizeSessions(payload: DateRange): Promise<ProgramSummary>
  importSession(payload: { text: string; clientId?: string }): Promise<Session>
}

/** Files the person keeps or prints: where they go is the host's business (a save dialog, a download). */
export interface FileApi {
  /** Offers the file to save; resolves `saved: false` when the person cancels. */
  saveFile(payload: ExportFile): Promise<{ saved: boolean }>
  /** Prints the current page to a PDF file (Electron) or opens the print dialog (browser). */
  printToPdf(payload: { fileName: string }): Promise<{ saved: boolean }>
}

/** Kiosk mode as a setting, switched from the counselor area; leaving it needs the passcode. */
export interface KioskApi {
  /** On: needs counselor data open. Off: needs the passcode. The app restarts to apply it. */
  setKioskMode(payload: { enabled: boolean; passcode?: string }): Promise<KioskModeResult>
}

export type KioskModeResult =
  | { ok: true; restarting: boolean }
  | {
      ok: false
      /** 'damaged': no key check can be read, so the passcode cannot be checked and the kiosk stays on. */
      reason: 'needs-counselor' | 'wrong-passcode' | 'locked' | 'set-by-launch' | 'damaged' | 'open-elsewhere'
      message: string
    }

export const kioskSettingSchema = z.object({ schema: z.literal(1), enabled: z.boolean() }).strict()
export type KioskSetting = z.infer<typeof kioskSettingSchema>

const passcode = z.string().min(1).max(1024)
const fileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,100}\.(json|csv|pdf)$/, 'must be a plain file name')
const clientRef = z.object({ clientId: recordIdSchema }).strict()
const isoDate = z.iso.datetime({ offset: true })
const dateRange = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict()

export const COUNSELOR_PAYLOADS = {
  [CHANNELS.counselorStatus]: z.undefined(),
  [CHANNELS.counselorOpen]: z.object({ passcode }).strict(),
  [CHANNELS.counselorStartAfresh]: z
    .object({ passcode, confirmPasscode: passcode, currentPasscode: passcode.optional() })
    .strict(),
  [CHANNELS.counselorLock]: z.undefined(),
  [CHANNELS.counselorChangePasscode]: z.object({ current: passcode, next: passcode }).strict(),
  [CHANNELS.counselorEraseAll]: z.undefined(),
  [CHANNELS.listClients]: z.object({ query: z.string().max(200) }).strict(),
  [CHANNELS.createClient]: newClientInputSchema,
  [CHANNELS.updateClient]: clientUpdateInputSchema,
  [CHANNELS.getClient]: clientRef,
  [CHANNELS.deleteClient]: clientRef,
  [CHANNELS.saveSession]: sessionInputSchema,
  [CHANNELS.getSession]: z.object({ sessionId: recordIdSchema }).strict(),
  [CHANNELS.exportSession]: z.object({ sessionId: recordIdSchema }).strict(),
  [CHANNELS.exportSessionsCsv]: dateRange,
  [CHANNELS.countSessions]: dateRange,
  [CHANNELS.summarizeSessions]: dateRange,
  [CHANNELS.importSession]: z
    .object({ text: z.string().max(SESSION_FILE_MAX_BYTES), clientId: recordIdSchema.optional() })
    .strict(),
  [CHANNELS.saveFile]: z
    .object({ fileName, mimeType: z.enum(['application/json', 'text/csv']), text: z.string().max(50 * 1024 * 1024) })
    .strict(),
  [CHANNELS.printToPdf]: z.object({ fileName }).strict(),
  [CHANNELS.setKioskMode]: z.object({ enabled: z.boolean(), passcode: passcode.optional() }).strict(),
} as const
