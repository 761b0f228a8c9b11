import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { textSizeKeyAction } from '../../src/composables/useTextSize'
import { TEXT_SIZES, useTextSizeStore } from '../../src/stores/text-size'
import { memoryHost, mountApp as mountAppOnce } from './mount-app'

// Each app listens for keys on window until it is unmounted, so every test unmounts its own.
const mounted: { unmount(): void }[] = []
async function mountApp(...args: Parameters<typeof mountAppOnce>) {
  const app = await mountAppOnce(...args)
  mounted.push(app.wrapper)
  return app
}

afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  vi.useRealTimers()
  document.body.innerHTML = ''
  delete document.documentElement.dataset.textSize
})

const textSize = () => document.documentElement.dataset.textSize ?? '100'

function press(key: string, modifiers: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey'>> = {}) {
  const event = new KeyboardEvent('keydown', { key, ctrlKey: true, cancelable: true, ...modifiers })
  window.dispatchEvent(event)
  return event
}

describe('textSizeKeyAction', () => {
  it.each([
    [{ key: '+', ctrlKey: true }, 'larger'],
    [{ key: '=', ctrlKey: true }, 'larger'],
    [{ key: '=', metaKey: true }, 'larger'],
    [{ key: '-', ctrlKey: true }, 'smaller'],
    [{ key: '-', metaKey: true }, 'smaller'],
    [{ key: '0', ctrlKey: true }, 'reset'],
    [{ key: '+' }, null],
    [{ key: '=', ctrlKey: true, altKey: true }, null],
    [{ key: 'p', ctrlKey: true }, null],
  ])('%j → %s', (event, action) => {
    expect(textSizeKeyAction({ ctrlKey: false, metaKey: false, altKey: false, ...event })).toBe(action)
  })
})

describe('text size in a kiosk', () => {
  it('grows and shrinks in steps with the control, within 100% to 200%, and says the size', async () => {
    const { wrapper } = await mountApp('/', memoryHost(null, { kiosk: true }).host)
    const control = wrapper.get('[role="group"][aria-label="Text size"]')
    const [smaller, larger] = control.findAll('button')
    expect(smaller!.attributes('disabled')).toBeDefined()
    for (const size of TEXT_SIZES.slice(1)) {
      await larger!.trigger('click')
      expect(textSize()).toBe(String(size))
      expect(control.text()).toContain(`Text size ${size}%`)
    }
    expect(larger!.attributes('disabled')).toBeDefined()
    await smaller!.trigger('click')
    expect(textSize()).toBe('175')
  })

  it('answers Ctrl/Cmd + plus, minus and zero, and takes the keys from the browser', async () => {
    await mountApp('/', memoryHost(null, { kiosk: true }).host)
    expect(press('=').defaultPrevented).toBe(true)
    press('+')
    expect(textSize()).toBe('150')
    press('-', { ctrlKey: false, metaKey: true })
    expect(textSize()).toBe('125')
    press('0')
    expect(textSize()).toBe('100')
    expect(press('p').defaultPrevented).toBe(false)
  })

  it('keeps the size from screen to screen until the idle wipe, which puts it back', async () => {
    vi.useFakeTimers()
    const { wrapper, router } = await mountApp('/', memoryHost(null, { kiosk: true, kioskIdleSeconds: 60 }).host)
    press('=')
    press('=')
    await router.push('/question/1')
    await flushPromises()
    expect(textSize()).toBe('150')
    await vi.advanceTimersByTimeAsync(60_000 + 31_000)
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/')
    expect(useTextSizeStore().percent).toBe(100)
    expect(textSize()).toBe('100')
    expect(wrapper.get('[role="group"][aria-label="Text size"]').text()).toContain('Text size 100%')
  })
})

describe('outside a kiosk', () => {
  it('shows no control and leaves the zoom keys to the menu or the browser', async () => {
    const { wrapper } = await mountApp('/', memoryHost().host)
    expect(wrapper.find('[aria-label="Text size"]').exists()).toBe(false)
    expect(press('=').defaultPrevented).toBe(false)
    expect(textSize()).toBe('100')
  })
})
