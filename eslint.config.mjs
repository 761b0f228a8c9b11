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
  // Prettier owns formatting (npm run format); this turns off the style rules that would fight it.
  skipFormatting,
)
