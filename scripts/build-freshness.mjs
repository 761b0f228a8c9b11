/**
 * Whether the built app (dist/, dist-electron/) is missing or older than its sources,
 * and a rebuild when it is. Shared by `npm start` and `npm run security` (a clean scan
 * of old output would prove nothing).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const BUILDS = {
  renderer: {
    script: 'build:renderer',
    outputs: ['dist/index.html'],
    // The build's pre-render runs scripts/prerender.ts.
    sources: ['src', 'index.html', 'scripts/prerender.ts', 'vite.config.ts', 'package.json'],
  },
  electron: {
    script: 'build:electron',
    outputs: ['dist-electron/main/index.js', 'dist-electron/preload/index.cjs'],
    // Main bundles counselor storage and service too (src/storage, src/counselor).
    sources: [
      'electron',
      'src/shared',
      'src/storage',
      'src/counselor',
      'src/domain',
      'src/content',
      'vite.electron.config.ts',
      'package.json',
    ],
  },
}

/** Newest modification time of any file under the given paths (missing paths are skipped). */
export function newestMtime(paths) {
  let newest = 0
  const visit = (entry) => {
    let stats
    try {
      stats = fs.statSync(entry)
    } catch {
      return
    }
    if (stats.isDirectory()) {
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child))
    } else {
      newest = Math.max(newest, stats.mtimeMs)
    }
  }
  paths.forEach(visit)
  return newest
}

/** Null when the build is fresh, otherwise the reason it must be (re)built. */
export function staleReason(root, build) {
  let oldestOutput = Infinity
  for (const output of build.outputs) {
    try {
      oldestOutput = Math.min(oldestOutput, fs.statSync(path.join(root, output)).mtimeMs)
    } catch {
      return `${output} is missing`
    }
  }
  const newestSource = newestMtime(build.sources.map((source) => path.join(root, source)))
  return newestSource > oldestOutput ? `sources changed since ${build.outputs[0]} was built` : null
}

/** Runs `npm run <script>` for every build that is missing or stale; exits the process if one fails. */
export function buildIfStale(root) {
  for (const [name, build] of Object.entries(BUILDS)) {
    const reason = staleReason(root, build)
    if (!reason) continue
    console.log(`Building the ${name} (${reason})…`)
    const windows = process.platform === 'win32'
    const result = spawnSync(windows ? 'npm.cmd' : 'npm', ['run', build.script], {
      cwd: root,
      stdio: 'inherit',
      shell: windows,
    })
    if (result.status !== 0) {
      console.error(`The ${name} build failed; see the messages above.`)
      process.exit(result.status ?? 1)
    }
  }
}
