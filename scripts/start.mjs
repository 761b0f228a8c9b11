/**
 * `npm start`: build what is missing or stale, then open the desktop app. Where the
 * Electron binary cannot be had (installs skip its download; some networks block it),
 * serve the same build to a browser on 127.0.0.1 instead.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfStale } from './build-freshness.mjs'
import { serveStatic } from './serve-static.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const ELECTRON_DIR = path.join(ROOT, 'node_modules', 'electron')
const INSTALL_TIMEOUT_MS = 90_000

/** Path of the Electron executable, or null when its binary has not been downloaded. */
function electronBinary() {
  try {
    const relative = fs.readFileSync(path.join(ELECTRON_DIR, 'path.txt'), 'utf8').trim()
    const binary = path.join(ELECTRON_DIR, 'dist', relative)
    return fs.existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

/** Electron's own installer, run once with a time limit (.npmrc skips it during npm ci). */
function installElectron() {
  const installer = path.join(ELECTRON_DIR, 'install.js')
  if (!fs.existsSync(installer)) return
  console.log('Fetching the Electron desktop shell (first start only)…')
  spawnSync(process.execPath, [installer], { cwd: ELECTRON_DIR, stdio: 'ignore', timeout: INSTALL_TIMEOUT_MS })
}

function hasDisplay() {
  if (process.platform !== 'linux') return true
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
}

function launchElectron(binary) {
  const args = ['.']
  // Chromium refuses to start as root unless its sandbox is switched off.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox')
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE // would make the binary behave as plain Node
  const child = spawn(binary, args, { cwd: ROOT, stdio: 'inherit', env })
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
}

async function serveInBrowser(reason) {
  console.log(reason)
  const port = Number.parseInt(process.env.PORT ?? '', 10) || 4173
  const server = await serveStatic({ root: path.join(ROOT, 'dist'), port })
  console.log(`Open ${server.url} in your browser. Press Ctrl+C to stop.`)
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => void server.close().then(() => process.exit(0)))
  }
}

buildIfStale(ROOT)
let binary = electronBinary()
if (!binary) {
  installElectron()
  binary = electronBinary()
}
if (!binary) {
  await serveInBrowser(
    'The desktop shell (Electron) could not be installed here, so the app runs in your browser instead.',
  )
} else if (!hasDisplay()) {
  await serveInBrowser('There is no graphical display here for the desktop app, so it runs in your browser instead.')
} else {
  launchElectron(binary)
}
