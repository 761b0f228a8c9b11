import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import skipFormatting from 'eslint-config-prettier/flat'

/** Layers that must run anywhere (Node, browser, Electron main): no Vue, Electron, Node or DOM. */
const PURE_LAYERS = [
  'src/domain/**/*.ts',
  'src/shared/**/*.ts',
  'src/content/**/*.ts',
  'src/storage/**/*.ts',
  'src/counselor/**/*.ts',
  'src/center/**/*.ts',
]

/**
 * Our own layers (README "Layout"), as import boundaries between folders. Each entry is a regular
 * expression over the import path as written ("../../host", "../storage/records"). Static imports and
 * re-exports go through @typescript-eslint/no-restricted-imports (core no-restricted-imports is left
 * to the package rules above, so neither set replaces the other); import() goes through
 * no-restricted-syntax. `types: true` lets `import type` through: types are not behaviour.
 */
const HOST = { regex: '(^|/)host(/|$)', message: 'Screens never reach the host: a store does it for them.' }
const STORAGE = {
  regex: '(^|/)storage(/|$)',
  message: 'Counselor storage runs behind the host. Record types and schemas are in src/shared.',
}
const SCORING = {
  regex: '(^|/)domain/(scoring|explain|report)(\\.ts)?$',
  types: true,
  message: 'Screens render the view model a store made with the presenter (domain/report.ts); they never score.',
}
const CONTENT_FILES = {
  regex: '(^|/)content(/|$)',
  types: true,
  message: 'The domain takes content as a parameter; it never loads content files (types are fine).',
}
const OUTSIDE_SHARED = {
  regex: '^(\\.\\.(/|$)|@/)',
  message: 'src/shared is the contract: it imports nothing of ours but src/shared.',
}
const COUNSELOR_SERVICE = {
  regex: '^(\\.\\./)+counselor(/|$)',
  message: 'Stores reach counselor storage only through the host (src/host).',
}
const STORE_STORAGE = { ...STORAGE, message: 'Stores reach counselor storage only through the host (src/host).' }

const LAYERS = [
  { files: ['src/views/**/*.{ts,vue}', 'src/components/**/*.{ts,vue}', 'src/App.vue'], not: [HOST, STORAGE, SCORING] },
  { files: ['src/shared/**/*.ts'], not: [OUTSIDE_SHARED] },
  { files: ['src/domain/**/*.ts'], not: [CONTENT_FILES] },
  { files: ['src/stores/**/*.ts'], not: [STORE_STORAGE, COUNSELOR_SERVICE] },
]

function layerRules({ files, not }) {
  // esquery reads a regular expression up to the next "/", so a slash is written \u002F there.
  const selector = (regex) => `ImportExpression[source.value=/${regex.replaceAll('/', '\\u002F')}/i]`
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: not.map(({ regex, message, types }) => ({
            regex,
            message,
            ...(types ? { allowTypeImports: true } : {}),
          })),
        },
      ],
      'no-restricted-syntax': ['error', ...not.map(({ regex, message }) => ({ selector: selector(regex), message }))],
    },
  }
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-electron/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.scratch/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: {
      'vue/block-lang': ['error', { script: { lang: 'ts' } }],
      'vue/component-api-style': ['error', ['script-setup']],
      'vue/define-props-declaration': ['error', 'type-based'],
      'vue/define-emits-declaration': ['error', 'type-based'],
    },
  },
  {
    files: ['**/*.{ts,mts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [
      'electron/**/*.ts',
      'center/**/*.ts',
      'cli/**/*.ts',
      'scripts/**/*.{mjs,ts}',
      'bench/**/*.ts',
      'tests/**/*.ts',
      '*.config.{ts,mjs}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: PURE_LAYERS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Take z from src/shared/zod.ts: it turns off the eval probe the CSP refuses.' },
          ],
          patterns: [
            {
              group: ['vue', 'vue-*', 'pinia', '@vue/*'],
              message: 'Domain, content and shared code stay free of Vue.',
            },
            { group: ['electron', 'electron/*'], message: 'Domain, content and shared code stay free of Electron.' },
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'],
              message: 'Domain, content and shared code stay free of Node.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'process', 'require'],
    },
  },
  {
    // The one place that imports zod itself, to configure it.
    files: ['src/shared/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  ...LAYERS.map(layerRules),
  // Prettier owns formatting (npm run format); this turns off the style rules that would fight it.
  skipFormatting,
)
