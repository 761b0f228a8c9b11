/**
 * A tiny, dependency-free static file server for the built renderer (dist/). Used by
 * `npm start` when Electron is unavailable, and by e2e tests and benchmarks. It binds
 * 127.0.0.1 only, serves GET/HEAD only, and never answers outside its root folder.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

export const HOST = '127.0.0.1'

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
}

export function mimeTypeFor(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps a request path to a file inside `root`, or null when it would leave `root`
 * (../, encoded ../, backslashes, NUL bytes) or cannot be decoded.
 */
export function resolveRequestPath(root, requestUrl) {
  let pathname
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const resolved = path.resolve(root, `.${pathname}`)
  const inside = resolved === root || resolved.startsWith(root + path.sep)
  return inside ? resolved : null
}

function send(response, status, message) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' })
  response.end(message)
}

async function findFile(root, candidate) {
  try {
    let stats = await fs.promises.stat(candidate)
    if (stats.isDirectory()) {
      candidate = path.join(candidate, 'index.html')
      stats = await fs.promises.stat(candidate)
    }
    if (!stats.isFile()) return null
    // A symlink inside root must not lead outside it.
    const real = await fs.promises.realpath(candidate)
    return real === root || real.startsWith(root + path.sep) ? { file: real, size: stats.size } : null
  } catch {
    return null
  }
}

function createHandler(root) {
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return send(response, 405, 'Method not allowed')
    }
    const candidate = resolveRequestPath(root, request.url ?? '/')
    if (!candidate) return send(response, 400, 'Bad request')
    const found = await findFile(root, candidate)
    if (!found) return send(response, 404, 'Not found')
    response.writeHead(200, {
      'Content-Type': mimeTypeFor(found.file),
      'Content-Length': found.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    })
    if (request.method === 'HEAD') return response.end()
    fs.createReadStream(found.file)
      .on('error', () => response.destroy())
      .pipe(response)
  }
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening)
      reject(error)
    }
    const onListening = () => {
      server.off('error', onError)
      resolve(server.address().port)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, HOST)
  })
}

/**
 * Serves `root` on http://127.0.0.1:<port>. If `port` is taken, the next free one up to
 * `port + attempts - 1` is used; port 0 asks the system for any free port (tests).
 * Resolves to `{ url, port, close() }`.
 */
export async function serveStatic({ root, port = 4173, attempts = 20 }) {
  const realRoot = await fs.promises.realpath(path.resolve(root))
  const server = http.createServer(createHandler(realRoot))
  for (let offset = 0; ; offset += 1) {
    try {
      const bound = await listen(server, port === 0 ? 0 : port + offset)
      return {
        port: bound,
        url: `http://${HOST}:${bound}/`,
        close: () => new Promise((resolve) => server.close(() => resolve())),
      }
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || port === 0 || offset + 1 >= attempts) throw error
    }
  }
}
