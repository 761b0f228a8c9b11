/**
 * All the message syntax the interface uses: a dotted key picks a text, and `{name}`
 * in it is filled from the params. Pure, so it is tested in Node.
 */
export type Messages = { readonly [key: string]: string | Messages }
export type MessageParams = Readonly<Record<string, string | number>>

/** Flattens nested messages once per language, so each lookup is one Map read. */
export function flattenMessages(
  messages: Messages,
  prefix = '',
  into = new Map<string, string>(),
): Map<string, string> {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') into.set(path, value)
    else flattenMessages(value, path, into)
  }
  return into
}

/** `{name}`, spaces inside the braces allowed; shared with the translation checks. */
export const PLACEHOLDER = /\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g

/** Fills `{name}` from params; a placeholder without a param stays visible rather than vanishing. */
export function fillPlaceholders(template: string, params?: MessageParams): string {
  if (!params || !template.includes('{')) return template
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  )
}
