/**
 * A workforce center's own programs and contacts (src/content/local-programs.json),
 * shown with the next steps when present. Optional: the shipped file lists none.
 * Checked like the rest of the content, with an error naming the entry and field.
 */
import { z } from '../shared/zod'
import { ROLE_IDS } from '../domain/types'
import { ContentError, parseOrThrow } from './errors'

const FILE = 'local-programs.json'
const text = z.string().trim().min(1, 'must not be empty').max(500, 'must be 500 characters or fewer')
const phone = z.string().regex(/^[0-9+()\-. ]{7,25}$/, 'use digits and + ( ) - . only, like (555) 010-0199')
const email = z.email({ message: 'must be an email address like name@example.org' })
const website = z.url({ protocol: /^https?$/, message: 'must be a web address starting with http:// or https://' })

const contact = z
  .object({
    phone: phone.optional(),
    email: email.optional(),
    address: text.optional(),
    website: website.optional(),
  })
  .strict()

export const PROGRAM_KINDS = ['course', 'certificate', 'degree', 'apprenticeship', 'job_help', 'other'] as const

export const localProgramsSchema = z
  .object({
    /** Who to ask at the center; shown above the programs. */
    center: z.object({ name: text, contact, hours: text.optional() }).strict().nullable(),
    /** When the center last checked this list (YYYY-MM-DD); shown so people know how fresh it is. */
    updated: z.iso.date({ message: 'must be a date like 2026-11-30' }).nullable(),
    programs: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9_]{1,64}$/, 'use lower-case letters, digits and _ only'),
          name: text,
          provider: text,
          kind: z.enum(PROGRAM_KINDS),
          /** The roles this program helps with; the next steps show it for these roles. */
          roles: z.array(z.enum(ROLE_IDS)).min(1, 'name at least one role'),
          description: text.optional(),
          length: text.optional(),
          cost: text.optional(),
          /** Languages the program is taught in. */
          languages: z
            .array(z.enum(['en', 'es']))
            .min(1)
            .optional(),
          contact,
        })
        .strict(),
    ),
  })
  .strict()

export type LocalPrograms = z.infer<typeof localProgramsSchema>
export type LocalProgram = LocalPrograms['programs'][number]

/** Checks a center's file; a program needs at least one way to reach it, and ids are unique. */
export function buildLocalPrograms(raw: unknown): LocalPrograms {
  const data = parseOrThrow(localProgramsSchema, raw, FILE)
  const seen = new Set<string>()
  data.programs.forEach((program, i) => {
    const where = `programs[${i}] (${program.id})`
    if (seen.has(program.id)) throw new ContentError(FILE, `${where}.id`, `"${program.id}" is used twice`)
    seen.add(program.id)
    if (Object.keys(program.contact).length === 0)
      throw new ContentError(FILE, `${where}.contact`, 'give at least one of phone, email, address or website')
  })
  if (data.center && Object.keys(data.center.contact).length === 0)
    throw new ContentError(FILE, 'center.contact', 'give at least one of phone, email, address or website')
  return data
}

/** The programs to show with one role's next steps, in the file's order. */
export function programsFor(programs: LocalPrograms, roleId: (typeof ROLE_IDS)[number]): LocalProgram[] {
  return programs.programs.filter((p) => p.roles.includes(roleId))
}
