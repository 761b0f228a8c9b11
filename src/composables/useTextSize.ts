import { onScopeDispose, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { useTextSizeStore } from '../stores/text-size'

export type TextSizeAction = 'larger' | 'smaller' | 'reset'

/** The usual zoom keys: Ctrl (Cmd on a Mac) with plus or equals, minus, or zero. */
export function textSizeKeyAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null
  const actions: Record<string, TextSizeAction> = { '+': 'larger', '=': 'larger', '-': 'smaller', '0': 'reset' }
  return actions[event.key] ?? null
}

/**
 * Applies the chosen text size to the page (`data-text-size` on <html>, sized in main.css)
 * and, while `keys` is true, answers the zoom keys with it. Keys are on in a kiosk only:
 * elsewhere the desktop menu or the browser owns them, and both would zoom at once.
 */
export function useTextSize(options: { keys: MaybeRefOrGetter<boolean>; target?: Window }) {
  const target = options.target ?? window
  const store = useTextSizeStore()
  watch(
    () => store.percent,
    (percent) => {
      if (percent === 100) delete target.document.documentElement.dataset.textSize
      else target.document.documentElement.dataset.textSize = String(percent)
    },
    // At once, not before the next render: the size is one attribute, and a key press expects it now.
    { immediate: true, flush: 'sync' },
  )
  function onKeydown(event: KeyboardEvent): void {
    if (!toValue(options.keys)) return
    const action = textSizeKeyAction(event)
    if (!action) return
    event.preventDefault()
    store[action]()
  }
  target.addEventListener('keydown', onKeydown)
  onScopeDispose(() => target.removeEventListener('keydown', onKeydown))
  return store
}
