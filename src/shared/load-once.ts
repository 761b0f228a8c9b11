/**
 * A loader that runs `load` once and shares its promise with every caller; after a failure
 * (a chunk that could not be fetched) the next call tries again instead of failing forever.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined
      throw error
    })
    return loading
  }
}
