import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mimeTypeFor, serveStatic, type StaticServer } from '../../../scripts/serve-static.mjs'

let parent: string
let root: string
let server: StaticServer

/**
 * The http adapter around the desktop app's protocol handler (electron/main/app-protocol.ts,
 * tested against a real build in app-protocol.test.ts): what reaches the handler, and what
 * comes back over the wire.
 */

/** A raw request, so paths like /../ reach the server exactly as written. */
function request(
  requestPath: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: requestPath, method, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-static-'))
  root = path.join(parent, 'dist')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>')
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(root, 'assets', 'sql-wasm.wasm'), Buffer.from([0, 97, 115, 109]))
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), 'wOF2')
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'outside the root')
  fs.symlinkSync(path.join(parent, 'secret.txt'), path.join(root, 'link-out.txt'))
  server = await serveStatic({ root, port: 0 })
})

afterAll(async () => {
  await server.close()
  fs.rmSync(parent, { recursive: true, force: true })
})

describe('serveStatic', () => {
  it('listens on 127.0.0.1 only and reports its address', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
  })

  it('is not reachable on other local addresses', async () => {
    const reachable = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: server.port })
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    expect(reachable).toBe(false)
  })

  it.each([
    ['/', 'text/html; charset=utf-8', '<!doctype html><title>app</title>'],
    ['/index.html', 'text/html; charset=utf-8', '<!doctype html><title>app</title>'],
    ['/assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['/assets/sql-wasm.wasm', 'application/wasm', '\u0000asm'],
    ['/assets/font.woff2', 'font/woff2', 'wOF2'],
    ['/assets/app.js?v=2#x', 'text/javascript; charset=utf-8', 'console.log(1)'],
  ])('serves %s as %s', async (requestPath, type, body) => {
    const response = await request(requestPath)
    expect(response).toEqual({ status: 200, type, body })
  })

  it.each([
    'http://example.org/secret.txt',
    '//example.org/secret.txt',
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/%00index.html',
    '/link-out.txt',
  ])('never serves anything outside its root: %s', async (requestPath) => {
    const response = await request(requestPath)
    expect([400, 404]).toContain(response.status)
    expect(response.body).not.toContain('outside the root')
  })

  it('answers 404 for a missing file and 405 for writes', async () => {
    expect((await request('/nope.js')).status).toBe(404)
    expect((await request('/index.html', 'POST')).status).toBe(405)
  })

  it('answers an unknown page with the app page and status 404 (the app then shows its not-found screen)', async () => {
    expect(await request('/no/such/page')).toEqual({
      status: 404,
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><title>app</title>',
    })
  })

  it('sends the CSP and nosniff with every answer, and ignores the Host header', async () => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: 'evil.example' } }, resolve)
        .on('error', reject)
    })
    response.resume()
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-security-policy']).toContain("default-src 'self'")
    expect(response.headers['x-content-type-options']).toBe('nosniff')
  })

  it('answers HEAD with headers only', async () => {
    const response = await request('/assets/app.js', 'HEAD')
    expect(response).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: '' })
  })

  it('moves to the next port when the asked one is taken', async () => {
    const second = await serveStatic({ root, port: server.port })
    try {
      expect(second.port).toBeGreaterThan(server.port)
      expect(second.port).toBeLessThan(server.port + 20)
    } finally {
      await second.close()
    }
  })
})

describe('helpers', () => {
  it('knows the MIME types the app ships', () => {
    expect(mimeTypeFor('a/b/sql-wasm.wasm')).toBe('application/wasm')
    expect(mimeTypeFor('font.WOFF2')).toBe('font/woff2')
    expect(mimeTypeFor('icon.svg')).toBe('image/svg+xml')
    expect(mimeTypeFor('unknown.bin')).toBe('application/octet-stream')
  })
})
