import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_HOST,
  APP_ORIGIN,
  APP_PAGE_URL,
  APP_SCHEME_PRIVILEGES,
  createAppRequestHandler,
  requestSegments,
  type AppRequestHandler,
  type BuildFiles,
} from '../../../electron/main/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp'

/**
 * The desktop app's protocol handler against a real production build of the renderer
 * (vite.config.ts, built into a temp folder), with a secret file and symlinks beside it
 * that no request may reach.
 */
const projectRoot = fileURLToPath(new URL('../../..', import.meta.url))
const SECRET = 'outside the build folder'

/** The MIME type each kind of file in the build must have, written out independently of the handler. */
const EXPECTED_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
}

let parent: string
let dist: string
let indexHtml: Buffer
let handle: AppRequestHandler

const get = (pathAndQuery: string, method = 'GET') => handle(new Request(`${APP_ORIGIN}${pathAndQuery}`, { method }))

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort()
}

beforeAll(async () => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'))
  dist = path.join(parent, 'dist')
  await build({
    root: projectRoot,
    configFile: path.join(projectRoot, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: dist, emptyOutDir: true },
  })
  indexHtml = fs.readFileSync(path.join(dist, 'index.html'))
  fs.writeFileSync(path.join(parent, 'secret.txt'), SECRET)
  fs.mkdirSync(path.join(parent, 'private'))
  fs.writeFileSync(path.join(parent, 'private', 'secret.txt'), SECRET)
  handle = createAppRequestHandler({ root: dist, host: APP_HOST })
  // Building the renderer takes about 6 s alone; a busy shared machine can take several times that.
}, 120_000)

afterAll(() => fs.rmSync(parent, { recursive: true, force: true }))

describe('the app protocol serves a real build', () => {
  it('serves every file of the build with its MIME type, its bytes, the CSP and nosniff', async () => {
    const files = filesUnder(dist)
    expect(files.length).toBeGreaterThan(10)
    for (const file of files) {
      const response = await get(`/${file.split(path.sep).map(encodeURIComponent).join('/')}`)
      const type = EXPECTED_TYPES[path.extname(file)]
      expect(type, `${file} is a kind of file this test does not know`).toBeDefined()
      expect(response.status, file).toBe(200)
      expect(response.headers.get('content-type'), file).toBe(type)
      expect(response.headers.get('x-content-type-options'), file).toBe('nosniff')
      expect(response.headers.get('content-security-policy'), file).toBe(CONTENT_SECURITY_POLICY)
      expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(path.join(dist, file))), file).toBe(true)
    }
  })

  it.each(['/', '/index.html', '/?kiosk&idle=60', '/index.html?lang=es'])('serves the app page at %s', async (at) => {
    const response = await get(at)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(Buffer.from(await response.arrayBuffer()).equals(indexHtml)).toBe(true)
  })

  it('loads the page the window opens', async () => {
    const response = await handle(new Request(`${APP_PAGE_URL}#/results`))
    expect(response.status).toBe(200)
  })

  it('answers HEAD with headers only', async () => {
    const script = filesUnder(dist).find((file) => file.endsWith('.js'))!
    const response = await get(`/${script}`, 'HEAD')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await response.text()).toBe('')
  })

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('refuses %s', async (method) => {
    const response = await get('/index.html', method)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
  })
})

describe('unknown paths', () => {
  it.each(['/nope', '/roles/trainer', '/a/b/c/', '/missing.html', '/assets/', '/assets'])(
    '%s gets the app page with status 404, which the app shows as its not-found screen',
    async (at) => {
      const response = await get(at)
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      // The same document, never a listing of a folder.
      expect(Buffer.from(await response.arrayBuffer()).equals(indexHtml)).toBe(true)
    },
  )

  it.each(['/assets/missing.js', '/missing.css', '/favicon.ico'])('%s (an asset) gets a plain 404', async (at) => {
    const response = await get(at)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers nothing for another host of the scheme', async () => {
    const response = await handle(new Request('app://elsewhere/index.html'))
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('Not found')
  })
})

describe('nothing outside the build folder is ever served', () => {
  beforeAll(() => {
    fs.symlinkSync(path.join(parent, 'secret.txt'), path.join(dist, 'link-out.txt'))
    fs.symlinkSync(path.join(parent, 'private'), path.join(dist, 'linked-folder'))
  })

  it.each([
    // Plain and percent-encoded dot segments (the URL parser removes some before the handler).
    ['/../secret.txt', [404]],
    ['/assets/../../secret.txt', [404]],
    ['/%2e%2e/secret.txt', [404]],
    ['/assets/%2e%2e/%2e%2e/secret.txt', [404]],
    ['/.%2e/secret.txt', [404]],
    // Encoded separators: the segment would decode to a path of its own.
    ['/..%2fsecret.txt', [400]],
    ['/%2e%2e%2fsecret.txt', [400]],
    ['/assets/..%2F..%2Fsecret.txt', [400]],
    ['/assets/..%5c..%5csecret.txt', [400]],
    ['/%5c..%5csecret.txt', [400]],
    // Backslashes as written, which a non-special scheme keeps in the path.
    ['/assets\\..\\..\\secret.txt', [400]],
    // NUL bytes and Windows drive letters or alternate data streams.
    ['/%00index.html', [400]],
    ['/index.html%00.js', [400]],
    ['/C:%5cWindows%5cwin.ini', [400]],
    ['/index.html::$DATA', [400]],
    // Double encoding is decoded once only: "%2e%2e" stays a (missing) file name.
    ['/%252e%252e/secret.txt', [404]],
    // Empty segments.
    ['//secret.txt', [400, 404]],
    ['/assets//../../secret.txt', [400, 404]],
    // Symlinks inside the folder that lead outside it, to a file and to a folder.
    ['/link-out.txt', [404]],
    ['/linked-folder/secret.txt', [404]],
  ])('%s is refused', async (attempt, statuses) => {
    const response = await get(attempt)
    expect(statuses).toContain(response.status)
    expect(await response.text()).not.toContain(SECRET)
  })
})

describe('requestSegments', () => {
  it.each([
    ['/', []],
    ['/index.html', ['index.html']],
    ['/assets/app.js', ['assets', 'app.js']],
    ['/assets/', ['assets']],
    ['/a%20b.js', ['a b.js']],
    ['/%E2%9C%93.js', ['✓.js']],
  ])('%s → %j', (pathname, segments) => {
    expect(requestSegments(pathname)).toEqual(segments)
  })

  it.each(['', 'index.html', '/..', '/a/./b', '/a%2fb', '/a%5Cb', '/a\\b', '/%00', '/c:', '/a//b', '/%E0%A4%A'])(
    '%j → refused',
    (pathname) => {
      expect(requestSegments(pathname)).toBeNull()
    },
  )
})

describe('file access', () => {
  it('reads through the injected files only, and refuses a real path that leaves the root', async () => {
    const reads: string[] = []
    const files: BuildFiles = {
      // A folder whose "real" location, after links, is elsewhere: nothing in it is inside the root.
      realpath: async (filePath) => (filePath === '/srv/dist' ? '/srv/dist' : filePath.replace('/srv/dist', '/etc')),
      stat: async () => ({ isFile: () => true, isDirectory: () => false }),
      readFile: async (filePath) => {
        reads.push(filePath)
        return new TextEncoder().encode('x')
      },
    }
    const handler = createAppRequestHandler({ root: '/srv/dist', files })
    expect((await handler(new Request('app://bundle/assets/app.js'))).status).toBe(404)
    expect(reads).toEqual([])
  })
})

describe('scheme privileges', () => {
  it('asks for a standard, secure scheme with fetch and V8 code caching, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true })
  })
})
