import { onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter } from 'vue'

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

export interface IdleCountdownOptions {
  /** Quiet time before the warning shows. */
  idleMs: MaybeRefOrGetter<number>
  /** How long the warning counts down before `onExpire`. */
  warningMs: MaybeRefOrGetter<number>
  enabled: MaybeRefOrGetter<boolean>
  onExpire: () => void
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>
}

/**
 * Watches for a person walking away from a shared computer: after `idleMs` without
 * input it starts a visible countdown; any input before it ends (or `stillHere`) resets it.
 */
export function useIdleCountdown(options: IdleCountdownOptions) {
  const target = options.target ?? window
  const warning = ref(false)
  const secondsLeft = ref(0)
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  let tick: ReturnType<typeof setInterval> | undefined

  function clearTimers(): void {
    clearTimeout(idleTimer)
    clearInterval(tick)
  }

  function restart(): void {
    clearTimers()
    warning.value = false
    if (!toValue(options.enabled)) return
    idleTimer = setTimeout(startWarning, toValue(options.idleMs))
  }

  function startWarning(): void {
    warning.value = true
    const endsAt = Date.now() + toValue(options.warningMs)
    secondsLeft.value = Math.ceil(toValue(options.warningMs) / 1000)
    tick = setInterval(() => {
      secondsLeft.value = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000))
      if (secondsLeft.value === 0) {
        clearTimers()
        warning.value = false
        options.onExpire()
        restart()
      }
    }, 250)
  }

  // While the warning shows, only the explicit "I'm still here" counts: a stray
  // mouse move should not silently cancel a countdown the person never saw.
  function onActivity(): void {
    if (!warning.value) restart()
  }

  // Listeners only while enabled: outside a kiosk, nobody is timed and nothing listens.
  let listening = false
  function listen(on: boolean): void {
    if (on === listening) return
    listening = on
    for (const event of ACTIVITY_EVENTS) {
      if (on) target.addEventListener(event, onActivity, { passive: true })
      else target.removeEventListener(event, onActivity)
    }
  }
  watch(
    () => toValue(options.enabled),
    (enabled) => {
      listen(enabled)
      restart()
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    clearTimers()
    listen(false)
  })

  return { warning, secondsLeft, stillHere: restart, restart }
}
