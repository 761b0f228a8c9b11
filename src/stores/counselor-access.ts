/**
 * Getting into the counselor area: whether counselor data exists and is open, the
 * passcode (open, change, lock) and the reset for a forgotten one. The encrypted
 * records live behind the host (src/counselor/service.ts).
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useHost } from '../host'
import type {
  CounselorOpenResult,
  CounselorStatus,
  DamageReport,
  StartAfreshRequest,
} from '../shared/counselor-contract'
import { hostErrorOf, type HostErrorInfo } from '../shared/errors'
import { useClientListStore } from './counselor-clients'
import { useCounselorRecordStore } from './counselor-record'
import { useGuidedStore } from './guided'

export const useCounselorAccessStore = defineStore('counselor-access', () => {
  /** Null until checked, and when counselor storage could not even be checked (see statusError). */
  const status = ref<CounselorStatus | null>(null)
  /** Why the status could not be checked: the host's code, for the gate to word. */
  const statusError = ref<HostErrorInfo | null>(null)
  /**
   * What the counselor must read after opening: part of the data could not be read
   * ('recovered'), or a fresh start kept the damaged files ('afresh'); with where the copy is.
   * Shown on every counselor page until dismissed or the area is locked.
   */
  const notice = ref<{ kind: 'recovered' | 'afresh'; keptAt: string | null } | null>(null)
  /** The last 'damaged' refusal's report: where the data is, and whether the passcode could be checked. */
  const damage = ref<DamageReport | null>(null)

  async function refreshStatus(): Promise<CounselorStatus> {
    status.value = await useHost().counselorStatus()
    return status.value
  }

  /** For the router: the status, or null when counselor storage could not even be checked (statusError says why). */
  async function checkStatus(): Promise<CounselorStatus | null> {
    try {
      const current = await refreshStatus()
      statusError.value = null
      return current
    } catch (error) {
      status.value = null
      statusError.value = hostErrorOf(error)
      return null
    }
  }

  /** Opens the counselor area (creating it on first use). Expected refusals come back as `ok: false`. */
  async function open(passcode: string): Promise<CounselorOpenResult> {
    const result = await useHost().counselorOpen({ passcode })
    noteOutcome(result)
    await refreshStatus().catch(() => undefined)
    return result
  }

  /** After damage, and only then: a new, empty counselor area; the damaged files are kept. */
  async function startAfresh(request: StartAfreshRequest): Promise<CounselorOpenResult> {
    const result = await useHost().counselorStartAfresh(request)
    noteOutcome(result, 'afresh')
    await refreshStatus().catch(() => undefined)
    return result
  }

  function noteOutcome(result: CounselorOpenResult, after: 'open' | 'afresh' = 'open'): void {
    if (!result.ok) {
      if (result.reason === 'damaged' && result.damage) damage.value = result.damage
      return
    }
    damage.value = null
    if (result.status === 'recovered') notice.value = { kind: 'recovered', keptAt: result.keptAt ?? null }
    else if (after === 'afresh') notice.value = { kind: 'afresh', keptAt: result.keptAt ?? null }
  }

  /** The counselor has read the notice. */
  function dismissNotice(): void {
    notice.value = null
  }

  /** Forgets every record shown here, so nothing of the last counselor stays on screen. */
  function forgetRecords(): void {
    useClientListStore().forget()
    useCounselorRecordStore().forget()
  }

  /** Ends a guided session first (its last answers are saved), then closes the records. */
  async function lock(): Promise<void> {
    const guided = useGuidedStore()
    if (guided.session) await guided.end()
    await useHost().counselorLock()
    notice.value = null
    guided.unshield()
    forgetRecords()
    await refreshStatus().catch(() => undefined)
  }

  async function changePasscode(current: string, next: string): Promise<void> {
    await useHost().counselorChangePasscode({ current, next })
  }

  /** The reset for a forgotten passcode: every client, session and note is erased for good. */
  async function eraseAll(): Promise<void> {
    const guided = useGuidedStore()
    if (guided.session) await guided.end()
    await useHost().counselorEraseAll()
    notice.value = null
    damage.value = null
    guided.unshield()
    forgetRecords()
    await refreshStatus().catch(() => undefined)
  }

  return {
    status,
    statusError,
    notice,
    damage,
    refreshStatus,
    checkStatus,
    open,
    startAfresh,
    dismissNotice,
    lock,
    changePasscode,
    eraseAll,
  }
})
