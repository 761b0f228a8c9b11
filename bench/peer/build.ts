/**
 * Builds the bench's SurveyJS peer into a static folder: the question bank from
 * `npm run score -- --questions`, turned into a SurveyJS survey, bundled by Vite with the
 * same build settings that matter for start-up as ours (ES2022, no module-preload polyfill).
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'vite'
import en from '../../src/i18n/en'
import { parseQuestionBank, surveyFromBank, type QuestionBank, type SurveyDefinition } from './survey-from-bank'

const root = fileURLToPath(new URL('../..', import.meta.url))
const VIRTUAL_ID = 'virtual:peer-survey'

/** The question bank exactly as `npm run score -- --questions` prints it (English). */
export function readQuestionBank(): QuestionBank {
  const text = execFileSync('npm', ['run', '--silent', 'score', '--', '--questions'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return parseQuestionBank(text)
}

/** Serves the generated survey definition to bench/peer/main.ts as `virtual:peer-survey`. */
function surveyDefinition(definition: SurveyDefinition): Plugin {
  return {
    name: 'peer-survey',
    resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
    load: (id) => (id === `\0${VIRTUAL_ID}` ? `export default ${JSON.stringify(definition)}` : undefined),
  }
}

export async function buildPeer(outDir: string, bank: QuestionBank = readQuestionBank()): Promise<SurveyDefinition> {
  const definition = surveyFromBank(bank, { title: en.app.name, next: en.question.next })
  await build({
    configFile: false,
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: './',
    logLevel: 'error',
    plugins: [surveyDefinition(definition)],
    // Vue's compile-time flags as @vitejs/plugin-vue sets them for a production build.
    define: {
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
    },
  })
  return definition
}
