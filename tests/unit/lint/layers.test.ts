import { fileURLToPath } from 'node:url'
import { ESLint, type Linter } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The layer rules in eslint.config.mjs, checked the way `npm run lint` runs them: a
 * planted import across each boundary must fail, and a clean import beside it must pass.
 * The files named here do not exist; ESLint picks the rules by path. (`npm run lint`
 * itself checks that the code as it is crosses none.)
 */
const root = fileURLToPath(new URL('../../../', import.meta.url))
let eslint: ESLint

const vue = (script: string) => `<script setup lang="ts">\n${script}\n</script>\n\n<template><p>x</p></template>\n`

// The first lint of each kind of file loads the whole configuration, its plugins and
// parsers: a few seconds idle, past a minute on a 2-core machine kept busy by other work.
// Done once here, under its own limit, so each rule's test times only its own lints.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root })
  await eslint.lintText(vue(''), { filePath: 'src/views/WarmUp.vue' })
  await eslint.lintText('export {}\n', { filePath: 'src/domain/warm-up.ts' })
}, 300_000)

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages
}

/** [rule, file, planted violation, what the error says, clean import beside it] */
const RULES: [string, string, string, RegExp, string][] = [
  [
    'screens never reach the host',
    'src/views/PlantedView.vue',
    vue("import { useHost } from '../host'\nvoid useHost()"),
    /Screens never reach the host/,
    vue("import { useKioskStore } from '../stores/kiosk'\nvoid useKioskStore()"),
  ],
  [
    'screens never import storage, not even its types',
    'src/components/counselor/PlantedPanel.vue',
    vue("import type { CounselorStore } from '../../storage'\ndefineProps<{ store: CounselorStore }>()"),
    /Counselor storage runs behind the host/,
    vue("import type { Session } from '../../shared/records'\ndefineProps<{ session: Session }>()"),
  ],
  [
    'screens never score',
    'src/views/counselor/PlantedView.vue',
    vue("import { scoreAnswers } from '../../domain/scoring'\nvoid scoreAnswers"),
    /they never score/,
    vue("import type { ResultView } from '../../domain/report'\ndefineProps<{ result: ResultView }>()"),
  ],
  [
    'shared imports nothing of ours but shared',
    'src/shared/planted.ts',
    "export { ROLE_IDS } from '../domain/types'\n",
    /imports nothing of ours but src\/shared/,
    "export { ROLE_IDS } from './roles'\n",
  ],
  [
    'the domain loads no content files',
    'src/domain/planted.ts',
    "import questions from '../content/questions.json'\nexport const count = questions.questions.length\n",
    /never loads content files/,
    "import type { ContentTexts } from '../content/schema'\nexport type Words = ContentTexts\n",
  ],
  [
    'stores reach storage only through the host',
    'src/stores/planted.ts',
    "export { openCounselorStore } from '../storage'\n",
    /only through the host/,
    "export { useHost } from '../host'\n",
  ],
]

describe('layer rules', () => {
  // Two lints of one small file each, with the configuration already loaded (beforeAll).
  it.each(RULES)(
    '%s: a planted import fails, a clean one passes',
    { timeout: 60_000 },
    async (_rule, file, planted, says, clean) => {
      const errors = (await lint(file, planted)).filter((m) => m.severity === 2)
      expect(errors).toEqual([
        expect.objectContaining({
          ruleId: '@typescript-eslint/no-restricted-imports',
          message: expect.stringMatching(says),
        }),
      ])
      expect(await lint(file, clean)).toEqual([])
    },
  )

  it('also stops a loaded-on-demand import()', { timeout: 60_000 }, async () => {
    const planted = vue("async function load() {\n  return (await import('../host')).useHost()\n}\nvoid load")
    const errors = (await lint('src/views/PlantedView.vue', planted)).filter((m) => m.severity === 2)
    expect(errors).toEqual([
      expect.objectContaining({
        ruleId: 'no-restricted-syntax',
        message: expect.stringMatching(/Screens never reach the host/),
      }),
    ])
    const onDemandStore = vue(
      "async function load() {\n  return (await import('../stores/counselor-exports')).useCounselorExports()\n}\nvoid load",
    )
    expect(await lint('src/views/PlantedView.vue', onDemandStore)).toEqual([])
  })
})
