import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useIdleCountdown } from '../../src/composables/useIdleCountdown'

/** A window stand-in that records which activity listeners are attached. */
function fakeTarget() {
  const listeners = new Map<string, EventListener>()
  return {
    listeners,
    addEventListener: (type: string, listener: EventListener) => void listeners.set(type, listener),
    removeEventListener: (type: string) => void listeners.delete(type),
    fire: (type: string) => listeners.get(type)?.(new Event(type)),
  }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('useIdleCountdown', () => {
  function setup(enabledAtStart: boolean) {
    const target = fakeTarget()
    const enabled = ref(enabledAtStart)
    const onExpire = vi.fn()
    const scope = effectScope()
    const idle = scope.run(() => useIdleCountdown({ enabled, idleMs: 60_000, warningMs: 30_000, onExpire, target }))!
    return { target, enabled, onExpire, scope, idle }
  }

  it('listens to nothing and times nothing outside a kiosk', async () => {
    const { target, onExpire, idle } = setup(false)
    expect(target.listeners.size).toBe(0)
    await vi.advanceTimersByTimeAsync(600_000)
    expect(idle.warning.value).toBe(false)
    expect(onExpire).not.toHaveBeenCalled()
  })

  it('warns after the quiet time, counts down, then expires once', async () => {
    const { target, onExpire, idle } = setup(true)
    expect([...target.listeners.keys()].sort()).toEqual([
      'keydown',
      'pointerdown',
      'pointermove',
      'touchstart',
      'wheel',
    ])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(idle.warning.value).toBe(true)
    expect(idle.secondsLeft.value).toBe(30)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(onExpire).toHaveBeenCalledTimes(1)
    expect(idle.warning.value).toBe(false)
  })

  it('starts the quiet time again on any activity before the warning', async () => {
    const { target, idle } = setup(true)
    await vi.advanceTimersByTimeAsync(50_000)
    target.fire('keydown')
    await vi.advanceTimersByTimeAsync(50_000)
    expect(idle.warning.value).toBe(false)
  })

  it('starts listening when kiosk mode is turned on, and stops when the scope ends', async () => {
    const { target, enabled, scope } = setup(false)
    enabled.value = true
    await nextTick()
    expect(target.listeners.size).toBe(5)
    scope.stop()
    expect(target.listeners.size).toBe(0)
  })
})
