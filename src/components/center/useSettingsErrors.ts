/**
 * The problems of one center settings form: a sentence beside each bad field, the
 * linked error summary, and a server's refusal shown as one sentence at the field it
 * is about, in the interface's language.
 */
import { computed } from 'vue'
import { useI18n } from '../../i18n'
import type { CenterConnection, CenterRefusal } from '../../shared/center-contract'
import {
  fieldOfProblem,
  readSettingsForm,
  type CenterSettingsField,
  type CenterSettingsForm,
} from '../../stores/center-settings-form'
import { useFieldErrors } from '../counselor/useFieldErrors'
import { useCenterProblemText } from './useCenterWords'

export function useSettingsErrors(idPrefix: string) {
  const { t } = useI18n()
  const problemText = useCenterProblemText()
  const fieldErrors = useFieldErrors<CenterSettingsField>((field) => `${idPrefix}-${field}`)
  const { errors } = fieldErrors
  const byField = computed<Partial<Record<CenterSettingsField, string>>>(() =>
    Object.fromEntries(errors.value.map((e) => [e.field, e.message])),
  )

  /** The connection to send, or null with every bad field marked. */
  function read(form: CenterSettingsForm): CenterConnection | null {
    const read = readSettingsForm(form)
    errors.value = read.ok ? [] : read.fields.map((field) => ({ field, message: t(`center.settings.errors.${field}`) }))
    return read.ok ? read.connection : null
  }

  function refused(refusal: CenterRefusal): void {
    errors.value = [{ field: fieldOfProblem(refusal.reason), message: problemText(refusal) }]
  }

  /** Something that is not about one field (a thrown host error): shown at the first field. */
  function failed(message: string): void {
    errors.value = [{ field: 'host', message }]
  }

  return { ...fieldErrors, byField, read, refused, failed }
}
