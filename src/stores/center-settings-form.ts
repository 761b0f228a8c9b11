/**
 * The center connection form as typed (all text), turned into the connection the host
 * checks, with the fields that are missing or in the wrong form; and which field a
 * refusal from the server is about, so the error summary can link to it. Pure.
 */
import {
  centerConnectionSchema,
  type CenterConnection,
  type CenterConnectionSummary,
  type CenterProblem,
  type CenterSslMode,
} from '../shared/center-contract'

export interface CenterSettingsForm {
  host: string
  port: string
  database: string
  user: string
  password: string
  sslMode: CenterSslMode
  caCertificate: string
}

export type CenterSettingsField = keyof CenterSettingsForm

/** The order the fields appear on screen, which is the order their problems are listed in. */
export const CENTER_SETTINGS_FIELDS: readonly CenterSettingsField[] = [
  'host',
  'port',
  'database',
  'user',
  'password',
  'sslMode',
  'caCertificate',
]

/** PostgreSQL's own port and the name the project's setup steps use. */
export const DEFAULT_PORT = '5432'

/** A form filled with what is saved (never the password, which the screens never see). */
export function settingsFormFrom(saved: CenterConnectionSummary | null, defaultDatabase = ''): CenterSettingsForm {
  return {
    host: saved?.host ?? '',
    port: saved ? String(saved.port) : DEFAULT_PORT,
    database: saved?.database ?? defaultDatabase,
    user: saved?.user ?? '',
    password: '',
    sslMode: saved?.sslMode ?? 'prefer',
    caCertificate: '',
  }
}

export type ReadSettings = { ok: true; connection: CenterConnection } | { ok: false; fields: CenterSettingsField[] }

/** The connection to send, or every field that is missing or not in the right form. */
export function readSettingsForm(form: CenterSettingsForm): ReadSettings {
  const port = form.port.trim()
  const ca = form.caCertificate.trim()
  const candidate = {
    host: form.host.trim(),
    port: /^\d{1,5}$/.test(port) ? Number(port) : Number.NaN,
    database: form.database.trim(),
    user: form.user.trim(),
    // A password is taken as typed: spaces can be part of it.
    password: form.password,
    sslMode: form.sslMode,
    ...(ca ? { caCertificate: ca } : {}),
  }
  const parsed = centerConnectionSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, connection: parsed.data }
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])))
  return { ok: false, fields: CENTER_SETTINGS_FIELDS.filter((field) => bad.has(field)) }
}

/** The field a refusal points at: where the person should look to fix it. */
export function fieldOfProblem(reason: CenterProblem): CenterSettingsField {
  switch (reason) {
    case 'server-refused':
      return 'port'
    case 'database-not-found':
    case 'not-a-center-database':
    case 'schema-too-old':
    case 'schema-too-new':
      return 'database'
    case 'wrong-login':
      return 'password'
    case 'login-refused':
    case 'not-registered':
      return 'user'
    case 'encryption-required':
    case 'encryption-not-offered':
    case 'certificate-expired':
      return 'sslMode'
    case 'certificate-not-trusted':
      return 'caCertificate'
    default:
      return 'host'
  }
}
