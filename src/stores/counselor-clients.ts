/** The client list in the counselor area: all clients, or those matching a search; and adding one. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useHost } from '../host'
import type { Client, ClientSummary, NewClientInput } from '../shared/records'

export const useClientListStore = defineStore('counselor-clients', () => {
  const clients = ref<ClientSummary[]>([])
  /** What the list was last searched for ('' for all). */
  const query = ref('')

  async function search(text: string): Promise<ClientSummary[]> {
    query.value = text
    const found = await useHost().listClients({ query: text.trim() })
    // A slower, older search must not replace a newer one.
    if (query.value === text) clients.value = found
    return found
  }

  function addClient(input: NewClientInput): Promise<Client> {
    return useHost().createClient(input)
  }

  /** A deleted client leaves the list at once. */
  function drop(clientId: string): void {
    clients.value = clients.value.filter((c) => c.id !== clientId)
  }

  function forget(): void {
    clients.value = []
    query.value = ''
  }

  return { clients, query, search, addClient, drop, forget }
})
