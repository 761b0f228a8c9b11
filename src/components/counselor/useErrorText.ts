/** Host errors and kiosk refusals in the person's language, for the pages that show them. */
import { useI18n } from '../../i18n'
import type { KioskModeResult } from '../../shared/counselor-contract'
import { hostErrorWords } from '../../i18n/host-errors'
import { useCounselorFormat } from './useCounselorFormat'

type KioskRefusal = Extract<KioskModeResult, { ok: false }>['reason']

/** Turns what a host threw (or a store kept of it) into plain words in the current language; nothing for no error. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n()
  const { formatWait } = useCounselorFormat()
  return (error) => (error === null || error === undefined ? '' : hostErrorWords(error, t, formatWait))
}

/** Why the kiosk switch said no (KioskModeResult's reason), in plain words. */
export function useKioskRefusalText(): (reason: KioskRefusal) => string {
  const { t } = useI18n()
  const errorText = useErrorText()
  return (reason) => {
    if (reason === 'needs-counselor') return t('kiosk.refused.needsCounselor')
    if (reason === 'set-by-launch') return t('kiosk.refused.setByLaunch')
    if (reason === 'wrong-passcode') return t('kiosk.leave.wrong')
    return errorText({ code: reason })
  }
}
