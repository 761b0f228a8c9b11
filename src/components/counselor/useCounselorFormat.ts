import { computed } from 'vue'
import { useI18n } from '../../i18n'

/** Dates and waiting times in the current language's own format (e.g. "Mar 8, 2026, 9:05 AM" or "8 mar 2026, 9:05"). */
export function useCounselorFormat() {
  const { locale } = useI18n()
  const dateTime = computed(() => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }))

  function formatDate(iso: string): string {
    return dateTime.value.format(new Date(iso))
  }

  /** "30 seconds", "2 minutes", "15 minutos": whole units, rounded up. */
  function formatWait(seconds: number): string {
    const minutes = seconds >= 120
    const unit = minutes ? 'minute' : 'second'
    const amount = minutes ? Math.ceil(seconds / 60) : Math.max(1, Math.ceil(seconds))
    return new Intl.NumberFormat(locale.value, { style: 'unit', unit, unitDisplay: 'long' }).format(amount)
  }

  return { formatDate, formatWait }
}
