import type { z } from '../shared/zod'

/** A mistake in a content file, said so that an editor can find and fix it. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`)
    this.name = 'ContentError'
  }
}

type PathKey = PropertyKey

/** "questions[5] (health_work).options[2].weights" — indexes carry the entry's id when it has one. */
export function describePath(path: readonly PathKey[], data: unknown): string {
  let out = ''
  let node: unknown = data
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`
      node = Array.isArray(node) ? node[key] : undefined
      const entryId = (node as { id?: unknown } | undefined)?.id
      if (typeof entryId === 'string') out += ` (${entryId})`
    } else {
      out += `${out ? '.' : ''}${String(key)}`
      node = node && typeof node === 'object' ? (node as Record<PathKey, unknown>)[key] : undefined
    }
  }
  return out
}

/** Parses with a zod schema, or throws a ContentError naming the first bad field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const parsed = schema.safeParse(data)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  throw new ContentError(file, describePath(issue.path, data), issue.message)
}
