/**
 * The build's pre-render (vite.config.ts): renders src/prerender/render-screens.ts with
 * Vite's SSR loader, in a throwaway DOM (the app shell's composables read window), and
 * writes the screens into the built index.html.
 */
import { JSDOM } from 'jsdom'
import { createServer, type UserConfig } from 'vite'
import { PRERENDER_CLASS, QUESTION_ONE_ID, type PrerenderedPath } from '../src/prerender/screens'

type Screens = Record<PrerenderedPath, string>

export async function prerenderScreens(shared: Pick<UserConfig, 'plugins' | 'define' | 'resolve'>): Promise<Screens> {
  const server = await createServer({
    ...shared,
    configFile: false,
    appType: 'custom',
    logLevel: 'error',
    // Nothing to pre-bundle: the modules are loaded once, in Node.
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { middlewareMode: true, hmr: false, ws: false },
  })
  const dom = new JSDOM('<!doctype html><html lang="en"><body></body></html>', { url: 'http://127.0.0.1/' })
  const globals = globalThis as Record<string, unknown>
  const names = ['window', 'document', 'history'] as const
  const before = names.map((name) => globals[name])
  for (const name of names) globals[name] = dom.window[name]
  try {
    const { renderScreens } = (await server.ssrLoadModule('/src/prerender/render-screens.ts')) as {
      renderScreens: () => Promise<Screens>
    }
    return await renderScreens()
  } finally {
    names.forEach((name, index) => (globals[name] = before[index]))
    dom.window.close()
    await server.close()
  }
}

/**
 * The built page with the welcome screen in #app and question 1 after it, both marked as
 * pre-rendered, and the app's script started by src/prerender/start-hint.js after the first frame.
 */
export function injectPrerender(html: string, screens: Screens): string {
  const mount = '<div id="app"></div>'
  if (!html.includes(mount)) throw new Error(`prerender: the built index.html has no ${mount}`)
  for (const [path, markup] of Object.entries(screens)) {
    if (!markup.includes('<main')) throw new Error(`prerender: the screen at ${path} rendered no <main>`)
  }
  // The app's script is only named: src/prerender/start-hint.js fetches and runs it once the first frame has painted.
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/
  if (!entry.test(html)) throw new Error("prerender: the built index.html has no module script for the app's entry")
  return html
    .replace(entry, '<meta name="app-entry" content="$1" />')
    .replace(
      mount,
      `<div id="app" class="${PRERENDER_CLASS}">${screens['/']}</div>\n    ` +
        `<div id="${QUESTION_ONE_ID}" class="${PRERENDER_CLASS}">${screens[QUESTION_ONE_ID]}</div>`,
    )
}
