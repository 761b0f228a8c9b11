import { watch, type Ref } from 'vue'
import type { HostApi, InterfaceLanguage } from '../shared/host-contract'

/**
 * Tells the host each time the page's language changes (a switch, a restore, a kiosk
 * wipe), so the desktop's menus and dialogs follow it. Main starts from the saved choice,
 * so the first language needs no message. A host that cannot hear it changes nothing.
 */
export function tellHostTheLanguage(
  locale: Readonly<Ref<InterfaceLanguage>>,
  host: Pick<HostApi, 'setInterfaceLanguage'>,
): () => void {
  return watch(locale, (language) => void host.setInterfaceLanguage(language).catch(() => undefined))
}
