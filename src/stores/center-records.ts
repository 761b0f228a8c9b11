/**
 * The center's clients and conflicts in the counselor area: search the center's
 * clients and copy one to this computer; list conflicts and keep one copy. Every
 * refusal comes back as a value for the page to word; nothing is dropped here.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useHost } from '../host'
import type {
  CenterClientSummary,
  CenterConflict,
  CenterCopyClientResult,
  CenterRefusal,
  CenterResolveResult,
} from '../shared/center-contract'

export const useCenterRecordsStore = defineStore('center-records', () => {
  const clients = ref<CenterClientSummary[]>([])
  /** What the center's list was last searched for. */
  const query = ref('')
  const conflicts = ref<CenterConflict[]>([])

  async function searchClients(text: string): Promise<{ ok: true } | CenterRefusal> {
    query.value = text
    const found = await useHost().centerListClients({ query: text.trim() })
    // A slower, older search must not replace a newer one.
    if (query.value !== text) return { ok: true }
    if (!found.ok) return found
    clients.value = found.clients
    return { ok: true }
  }

  async function copyClient(clientId: string): Promise<CenterCopyClientResult> {
    const copied = await useHost().centerCopyClient({ clientId })
    if (copied.ok) {
      clients.value = clients.value.map((c) => (c.id === clientId ? { ...c, onThisComputer: true } : c))
    }
    return copied
  }

  async function loadConflicts(): Promise<{ ok: true } | CenterRefusal> {
    const found = await useHost().centerListConflicts()
    if (!found.ok) return found
    conflicts.value = found.conflicts
    return { ok: true }
  }

  /**
   * Keeps one copy of a conflict. The list is read again afterwards whatever the answer:
   * when the record changed again, the page must show the newer copies before anyone chooses.
   */
  async function resolve(conflict: CenterConflict, keep: 'center' | 'incoming'): Promise<CenterResolveResult> {
    const result = await useHost().centerResolveConflict({
      conflictId: conflict.id,
      keep,
      centerVersion: conflict.center.version,
    })
    const reloaded = await loadConflicts()
    // The answer to keep is the resolve's; a failed re-read leaves the old list, minus a resolved one.
    if (!reloaded.ok && result.ok) conflicts.value = conflicts.value.filter((c) => c.id !== conflict.id)
    return result
  }

  return { clients, query, conflicts, searchClients, copyClient, loadConflicts, resolve }
})
