import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { minifySync } from 'rolldown/utils'
import { defineConfig, type Plugin, type UserConfig } from 'vite'
import { injectPrerender, prerenderScreens } from './scripts/prerender'
import englishWords from './src/i18n/en'
import { splitWords } from './src/i18n/word-parts'
import { splitContentTexts } from './src/content/text-parts'
import englishContentTexts from './src/content/locales/en.json' with { type: 'json' }
import rolesFile from './src/content/roles.json' with { type: 'json' }
import questionsFile from './src/content/questions.json' with { type: 'json' }
import { rolesForEngine } from './src/content/assemble'
import type { RolesFile } from './src/content/schema'
import { LOCALES } from './src/content/index'
import { buildContent, buildTexts } from './src/content/validate'
import { buildNextStepsTexts, buildOccupations } from './src/content/next-steps-schema'
import { buildLocalPrograms } from './src/content/local-programs'
import { CONTENT_SECURITY_POLICY } from './src/shared/csp'
import packageJson from './package.json' with { type: 'json' }

/** Adds the CSP meta tag to the built page only: the dev server injects inline styles. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    // Electronegativity calls script-src 'self' "maybe weak" (a risk for JSONP or uploaded
    // files, which this app has neither of); its exception comment must share the tag's line.
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" /><!-- eng-disable CSP_GLOBAL_CHECK -->`,
      ),
  }
}

/**
 * Start-up hint in the built page: the two latin font files are fetched with the
 * script rather than after the first render, so the first screen does not reflow.
 */
function fontPreloads(): Plugin {
  return {
    name: 'font-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const files = Object.values(context.bundle ?? {})
        return files
          .filter((file) => /atkinson-hyperlegible-latin-(400|700)-normal-.*\.woff2$/.test(file.fileName))
          .map((font) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: `/${font.fileName}`, crossorigin: '' },
            injectTo: 'head' as const,
          }))
      },
    },
  }
}

/**
 * The start-up hint (src/prerender/start-hint.js, a classic script that must run before the
 * first paint, so Vite does not bundle it) ships as a hashed file in assets/ like every other.
 */
function startHint(): Plugin {
  const source = '/src/prerender/start-hint.js'
  const tag = `<script src="${source}"></script>`
  return {
    name: 'start-hint',
    apply: 'build',
    buildStart() {
      const text = readFileSync(fileURLToPath(new URL(`.${source}`, import.meta.url)), 'utf8')
      // Minified by Vite's own bundler (rolldown, pinned to the version Vite uses): it is not
      // part of the bundle, and its comments were two thirds of its bytes.
      const { code, errors } = minifySync('start-hint.js', text, { compress: true, mangle: true })
      if (errors.length > 0) throw new Error(`start-hint: ${errors.map((e) => e.message).join('; ')}`)
      this.emitFile({ type: 'asset', name: 'start-hint.js', source: code })
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const hint = Object.values(context.bundle ?? {}).find(
          (file) => file.type === 'asset' && file.names.includes('start-hint.js'),
        )
        if (!hint || !html.includes(tag)) throw new Error(`start-hint: index.html needs ${tag}, and the build its file`)
        return html.replace(tag, `<script src="/${hint.fileName}"></script>`)
      },
    },
  }
}

/**
 * Checks the content files (shapes, links, every text in every language) whenever the
 * app is built, and on every edit under the dev server: the app only assembles them.
 */
function contentCheck(): Plugin {
  const folder = fileURLToPath(new URL('./src/content', import.meta.url))
  const read = (name: string): unknown => {
    const text = readFileSync(path.join(folder, name), 'utf8')
    try {
      return JSON.parse(text)
    } catch (error) {
      throw new Error(`${name}: not valid JSON (${(error as Error).message})`)
    }
  }
  const check = () => {
    const content = buildContent({
      'scoring.json': read('scoring.json'),
      'questions.json': read('questions.json'),
      'roles.json': read('roles.json'),
    })
    for (const locale of LOCALES) buildTexts(content, read(`locales/${locale}.json`), `locales/${locale}.json`)
    const occupations = buildOccupations(read('occupations.json'), content)
    for (const locale of LOCALES)
      buildNextStepsTexts(
        occupations,
        content,
        read(`locales/next-steps.${locale}.json`),
        `locales/next-steps.${locale}.json`,
      )
    buildLocalPrograms(read('local-programs.json'))
  }
  return {
    name: 'content-check',
    buildStart() {
      try {
        check()
      } catch (error) {
        this.error(`Content problem in src/content/${(error as Error).message}`)
      }
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(folder) || !file.endsWith('.json')) return
      try {
        check()
      } catch (error) {
        server.ws.send({
          type: 'error',
          err: { message: `Content problem in src/content/${(error as Error).message}`, stack: '' },
        })
      }
    },
  }
}

/**
 * The start-up script carries only what the first screens use. The English words come in two
 * parts (src/i18n/word-parts.ts, src/content/text-parts.ts): each en-first.ts becomes only what
 * the first screens need; each en-later.ts, loaded on demand, the rest. roles.json becomes
 * what the engine reads (src/content/assemble.ts, rolesForEngine): no quotes or reasons.
 */
function startupParts(): Plugin {
  const i18n = fileURLToPath(new URL('./src/i18n/', import.meta.url))
  const content = fileURLToPath(new URL('./src/content/', import.meta.url))
  const words = () => splitWords(englishWords)
  const texts = () => splitContentTexts(englishContentTexts, questionsFile.questions[0]!.id)
  const parts: Record<string, () => unknown> = {
    [path.join(i18n, 'en-first.ts')]: () => words().first,
    [path.join(i18n, 'en-later.ts')]: () => words().later,
    [path.join(content, 'en-first.ts')]: () => texts().first,
    [path.join(content, 'en-later.ts')]: () => texts().later,
    [path.join(content, 'roles.json')]: () => rolesForEngine(rolesFile as RolesFile),
  }
  return {
    name: 'startup-parts',
    apply: 'build',
    load(id) {
      if (!parts[id]) return null
      const json = JSON.stringify(parts[id]())
      // A .json file stays JSON: Vite's own JSON plugin turns it into a module.
      return id.endsWith('.json') ? json : `export default ${json}`
    },
  }
}

/**
 * Writes the welcome screen and question 1, rendered by Vue's server renderer from the real
 * components (src/prerender/render-screens.ts), into the built index.html, so the first
 * screen paints before any script has run and the app hydrates it (src/main.ts).
 */
function prerender(shared: Pick<UserConfig, 'plugins' | 'define' | 'resolve'>): Plugin {
  let page = ''
  return {
    name: 'prerender',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(config) {
      page = path.resolve(config.root, config.build.outDir, 'index.html')
    },
    async closeBundle() {
      const screens = await prerenderScreens(shared)
      writeFileSync(page, injectPrerender(readFileSync(page, 'utf8'), screens))
    },
  }
}

// Every component uses <script setup>, so the Options API support is left out of the runtime.
const vuePlugin = () => vue({ features: { optionsAPI: false } })
const define = { __APP_VERSION__: JSON.stringify(packageJson.version) }
const resolve = { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } }

export default defineConfig({
  // Root-absolute asset paths: the build is always served at the root of its origin
  // (app://bundle/ in the desktop app, http://127.0.0.1:PORT/ in a browser), and a
  // not-found page at a deeper path (app://bundle/a/b) must still find its scripts.
  base: '/',
  plugins: [
    vuePlugin(),
    contentSecurityPolicy(),
    contentCheck(),
    fontPreloads(),
    startHint(),
    startupParts(),
    prerender({ plugins: [vuePlugin()], define, resolve }),
  ],
  define,
  resolve,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    // Chromium (and so Electron) preloads modules itself; the polyfill only cost start-up time.
    modulePreload: { polyfill: false },
    // Everything the first screen needs goes in one script: the browser fetched fourteen
    // small start-up chunks six at a time, which cost more than their shared caching saved.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } } },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
