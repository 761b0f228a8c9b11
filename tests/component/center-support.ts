/**
 * A fake CenterApi for the center-mode screens: every call is recorded, and each answer
 * can be set per test (a refusal, a list, a thrown host error). The counselor area around
 * it is the real encrypted store of counselor-support.ts, unlocked.
 */
import type {
  CenterApi,
  CenterConflict,
  CenterIdentity,
  CenterStatus,
  QuestionReport,
} from '../../src/shared/center-contract'
import { centerRefusal, type CenterProblem } from '../../src/shared/center-problems'
import type { HostApi } from '../../src/shared/host-contract'
import { unlockedHost } from './counselor-support'

export type CenterCall = { name: keyof CenterApi; payload: unknown }

export const ANA: CenterIdentity = {
  login: 'ana_lopez',
  kind: 'counselor',
  centerCode: 'east',
  centerName: 'East Side Center',
}
export const SAM: CenterIdentity = {
  login: 'sam_ortiz',
  kind: 'supervisor',
  centerCode: 'east',
  centerName: 'East Side Center',
}

export function centerStatus(overrides: Partial<CenterStatus> = {}): CenterStatus {
  return {
    available: true,
    configured: false,
    counselorDataOpen: true,
    connection: null,
    identity: null,
    online: null,
    lastSyncAt: null,
    waiting: 0,
    conflicts: 0,
    problem: null,
    anonymousStats: null,
    kioskStats: { configured: false, connection: null },
    ...overrides,
  }
}

/** Connected as Ana (a counselor) with two changes waiting. */
export function connectedStatus(identity: CenterIdentity = ANA, overrides: Partial<CenterStatus> = {}): CenterStatus {
  return centerStatus({
    configured: true,
    connection: {
      host: 'db.east.example.org',
      port: 5432,
      database: 'role_finder',
      user: identity.login,
      sslMode: 'verify-full',
      hasCaCertificate: false,
    },
    identity,
    online: true,
    lastSyncAt: '2026-03-08T14:05:00.000Z',
    waiting: 2,
    anonymousStats: false,
    ...overrides,
  })
}

export const refused = (reason: CenterProblem) => centerRefusal(reason)

/** A fake center: answers from `answers`, calls kept in `calls`. Status is what `state.status` says now. */
export function fakeCenter(status: CenterStatus = centerStatus()) {
  const calls: CenterCall[] = []
  const state = { status }
  const answers: Partial<{ [K in keyof CenterApi]: (payload: never) => unknown }> = {}
  const call =
    <K extends keyof CenterApi>(name: K, fallback: (payload: never) => unknown) =>
    async (payload?: unknown) => {
      calls.push({ name, payload })
      const answer = (answers[name] ?? fallback) as (payload: unknown) => unknown
      return answer(payload)
    }
  const center = {
    centerStatus: call('centerStatus', () => structuredClone(state.status)),
    centerTestSettings: call('centerTestSettings', () => ({
      ok: true,
      identity: ANA,
      encrypted: true,
      anonymousStats: false,
    })),
    centerSaveSettings: call('centerSaveSettings', () => {
      state.status = connectedStatus()
      return { ok: true, identity: ANA, encrypted: true, anonymousStats: false }
    }),
    centerForgetSettings: call('centerForgetSettings', () => {
      state.status = centerStatus({ waiting: state.status.waiting })
    }),
    centerSyncNow: call('centerSyncNow', () => ({ ok: true, sent: 2, conflicts: 0, refreshed: 0, waiting: 0 })),
    centerListClients: call('centerListClients', () => ({ ok: true, clients: [] })),
    centerCopyClient: call('centerCopyClient', () => refused('not-found')),
    centerListConflicts: call('centerListConflicts', () => ({ ok: true, conflicts: [] })),
    centerResolveConflict: call('centerResolveConflict', () => ({ ok: true, version: 3 })),
    centerQuestionReport: call('centerQuestionReport', () => refused('not-registered')),
    centerExportQuestionReport: call('centerExportQuestionReport', () => refused('not-registered')),
    centerSetAnonymousStats: call('centerSetAnonymousStats', (payload: { enabled: boolean }) => {
      state.status = { ...state.status, anonymousStats: payload.enabled }
      return { ok: true, enabled: payload.enabled }
    }),
    centerSaveKioskStatsSettings: call('centerSaveKioskStatsSettings', () => ({ ok: true })),
    recordAnonymousResult: call('recordAnonymousResult', () => ({ recorded: true })),
  } as unknown as CenterApi
  const callsOf = (name: keyof CenterApi) => calls.filter((c) => c.name === name).map((c) => c.payload)
  return { center, calls, callsOf, answers, state }
}

/** The real counselor area, unlocked, with this fake center in place of the unavailable one. */
export async function centerHost(status?: CenterStatus) {
  const made = await unlockedHost()
  const fake = fakeCenter(status)
  const host: HostApi = { ...made.host, ...fake.center }
  return { ...made, host, fake }
}

const client = (name: string, contact: string | null, updatedAt: string) => ({
  id: '0b6c3a4e-5f1d-4c2a-9e8b-7d6f5a4b3c2d',
  displayName: name,
  contact,
  notes: '',
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt,
})

/** One client edited on two computers: a different contact on each. */
export const CLIENT_CONFLICT: Extract<CenterConflict, { kind: 'client' }> = {
  id: 7,
  recordId: '0b6c3a4e-5f1d-4c2a-9e8b-7d6f5a4b3c2d',
  clientId: '0b6c3a4e-5f1d-4c2a-9e8b-7d6f5a4b3c2d',
  clientName: 'Rosa Díaz',
  fromLogin: 'ben_kim',
  createdAt: '2026-03-09T09:00:00.000Z',
  updatedAt: '2026-03-09T09:00:00.000Z',
  kind: 'client',
  center: {
    record: client('Rosa Díaz', 'rosa@example.org', '2026-03-08T16:00:00.000Z'),
    version: 4,
    updatedBy: 'ana_lopez',
  },
  incoming: { record: client('Rosa Díaz', '555-0142', '2026-03-09T08:30:00.000Z') },
}

/** A small report with every table filled, figures chosen so each one can be found on screen. */
export const REPORT: QuestionReport = {
  from: '2026-01-01',
  to: '2026-03-31',
  contentVersion: '2026.1',
  centerName: 'East Side Center',
  respondents: 1234,
  answers: [
    { questionId: 'license_held', optionId: 'yes', count: 300, share: 0.25 },
    { questionId: 'license_held', optionId: 'no', count: 900, share: 0.75 },
  ],
  bestFit: [
    { roleId: 'trainer', count: 617, share: 0.5 },
    { roleId: 'none', count: 12, share: 0.01 },
  ],
  roles: [
    {
      roleId: 'trainer',
      items: 4,
      respondents: 1100,
      alpha: 0.8123,
      itemRest: [{ questionId: 'like_clinician_workflow', respondents: 1100, correlation: -0.0456 }],
    },
    { roleId: 'clinical_consultant', items: 1, respondents: 0, alpha: null, itemRest: [] },
  ],
  noDisagreement: [{ questionId: 'like_quality_data', respondents: 1100, agreeShare: 0.93 }],
}
