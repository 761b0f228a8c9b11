/**
 * The `unit` project shares modules between files (isolate: false), so a file that
 * replaces a module must run in `unit-isolated` instead, or its fake would reach other
 * files. This keeps vitest.config.ts's list in step with the files.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

it('runs every unit test file that uses vi.mock or vi.doMock in the isolated project', () => {
  const files = fs
    .readdirSync(path.join(root, 'tests/unit'), { recursive: true })
    .map((file) => `tests/unit/${String(file)}`)
    .filter((file) => file.endsWith('.test.ts'))
    .filter((file) => /\bvi\.(do)?[mM]ock\(/.test(fs.readFileSync(path.join(root, file), 'utf8')))
  const config = fs.readFileSync(path.join(root, 'vitest.config.ts'), 'utf8')
  const listed = /const MOCKS_MODULES = \[([^\]]*)\]/.exec(config)?.[1]?.match(/tests\/[^']+/g) ?? []
  expect(files.length).toBeGreaterThan(0)
  expect([...listed].sort()).toEqual([...files].sort())
})
