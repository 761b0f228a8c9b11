/**
 * A small Node http server for the built renderer (dist/) that answers every request with
 * the desktop app's own protocol handler (electron/main/app-protocol.ts), so `npm start`'s
 * browser fallback, the e2e suite and the bench load the build exactly as the desktop does.
 * It binds 127.0.0.1 only. The handler is TypeScript: callers run under tsx, Vitest or
 * Playwright, which all load it directly (see docs/desktop.md, "One handler").
 */
import http from 'node:http'
import path from 'node:path'
import { createAppRequestHandler } from '../electron/main/app-protocol.ts'

export const HOST = '127.0.0.1'

export { MIME_TYPES, mimeTypeFor } from '../electron/main/app-protocol.ts'

/**
 * Adapts Node's request to a web-standard Request for `handler`, and its Response back.
 * `origin()` is the server's own address, e.g. http://127.0.0.1:4173.
 * The URL is built from our own address, not from the Host header, and a request line
 * that is not a plain path (`//host/…`, `*`, an absolute URL) never becomes another host.
 */
export function createNodeListener(handler, origin) {
  return async (incoming, outgoing) => {
    try {
      const target = incoming.url ?? '/'
      const url = target.startsWith('/') ? `${origin()}${target}` : null
      const response = url
        ? await handler(new Request(url, { method: incoming.method ?? 'GET' }))
        : new Response('Bad request', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
      const body = response.body ? Buffer.from(await response.arrayBuffer()) : null
      const headers = Object.fromEntries(response.headers)
      if (body) headers['content-length'] = String(body.length)
      outgoing.writeHead(response.status, headers)
      outgoing.end(body ?? undefined)
    } catch {
      if (!outgoing.headersSent) outgoing.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      outgoing.end('Server error')
    }
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
  const handler = createAppRequestHandler({ root: path.resolve(root) })
  // Known once the port is bound; no request arrives before that.
  let origin = ''
  const server = http.createServer(createNodeListener(handler, () => origin))
  for (let offset = 0; ; offset += 1) {
    try {
      const bound = await listen(server, port === 0 ? 0 : port + offset)
      origin = `http://${HOST}:${bound}`
      return {
        port: bound,
        url: `${origin}/`,
        close: () => new Promise((resolve) => server.close(() => resolve())),
      }
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || port === 0 || offset + 1 >= attempts) throw error
    }
  }
}
