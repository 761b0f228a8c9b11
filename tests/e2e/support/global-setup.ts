import fs from 'node:fs'
import path from 'node:path'
import { build } from 'vite'
import { serveStatic } from '../../../scripts/serve-static.mjs'
import { BASE_URL_ENV, DIST_ENV, distDir, OWN_BUILD_DIR, PROJECT_ROOT } from './browser-options'

/**
 * Builds the renderer once for the whole run (unless E2E_DIST names an existing
 * build), then serves it on 127.0.0.1 with the project's own dependency-free server,
 * on a free port so parallel runs in the same checkout never collide. Workers read
 * the address from E2E_BASE_URL and the folder from E2E_DIST.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!process.env[DIST_ENV]) {
    await build({
      root: PROJECT_ROOT,
      configFile: path.join(PROJECT_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: OWN_BUILD_DIR, emptyOutDir: true },
    })
    process.env[DIST_ENV] = OWN_BUILD_DIR
  }
  const root = distDir()
  if (!fs.existsSync(path.join(root, 'index.html'))) throw new Error(`No build in ${root} (E2E_DIST).`)
  const server = await serveStatic({ root, port: 0 })
  process.env[BASE_URL_ENV] = server.url
  return () => server.close()
}
