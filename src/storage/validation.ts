/**
 * Runs a zod schema and turns its first problems into one plain sentence that names
 * the field, e.g. `"displayName" must not be empty.` zod's default messages
 * ("Too small: expected string to have >=1 characters") are not for counselors.
 */
import { z } from '../shared/zod'
import { StorageError, type StorageErrorCode } from './errors'

const MAX_PROBLEMS_MENTIONED = 3

type ErrorMap = z.core.$ZodErrorMap

const plainWords: ErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing'
      return `must be ${describeExpected(String(issue.expected))}`
    case 'too_small':
      return describeBound('at least', issue.origin, issue.minimum)
    case 'too_big':
      return describeBound('at most', issue.origin, issue.maximum)
    case 'invalid_format':
      return issue.format === 'datetime'
        ? 'must be a date and time like 2026-03-01T14:30:00Z'
        : 'is not in the expected form'
    case 'unrecognized_keys':
      return `has fields this app does not know: ${issue.keys.map((key) => `"${key}"`).join(', ')}`
    case 'invalid_value':
      return `must be one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
    case 'invalid_union':
      return 'is not in any of the accepted forms'
    case 'invalid_key':
      return 'has a field name that is not allowed'
    default:
      return undefined
  }
}

function describeExpected(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    object: 'an object with fields',
    array: 'a list',
    boolean: 'true or false',
    function: 'a function',
    null: 'empty (null)',
  }
  return words[expected] ?? expected
}

function describeBound(direction: string, origin: string, limit: number | bigint): string {
  if (origin === 'string') {
    return Number(limit) === 1 && direction === 'at least'
      ? 'must not be empty'
      : `must be ${direction} ${limit} characters long`
  }
  if (origin === 'array' || origin === 'set') return `must have ${direction} ${limit} items`
  return `must be ${direction} ${limit}`
}

/** `answers.q1[2]` style; the root itself is called `what`. */
export function formatPath(path: readonly PropertyKey[], what: string): string {
  if (path.length === 0) return what
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`
      const name = String(key)
      return index === 0 ? name : `.${name}`
    })
    .join('')
}

export interface ParseContext {
  /** Leads the sentence: "Could not save the client". */
  action: string
  /** Name for the value itself when the problem is with the whole thing. */
  what: string
  code?: Extract<StorageErrorCode, 'invalid-input' | 'invalid-import'>
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, context: ParseContext): z.output<S> {
  const result = schema.safeParse(value, { error: plainWords })
  if (result.success) return result.data
  const issues = result.error.issues
  const problems = issues
    .slice(0, MAX_PROBLEMS_MENTIONED)
    .map((issue) => `"${formatPath(issue.path, context.what)}" ${issue.message}`)
  const more = issues.length > MAX_PROBLEMS_MENTIONED ? ` (and ${issues.length - MAX_PROBLEMS_MENTIONED} more)` : ''
  const first = issues[0]
  throw new StorageError(context.code ?? 'invalid-input', `${context.action}: ${problems.join('; ')}${more}.`, {
    field: first ? formatPath(first.path, context.what) : context.what,
  })
}
