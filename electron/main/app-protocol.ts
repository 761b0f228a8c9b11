/**
 * The app's own protocol: serves the built renderer (dist/) as `app://bundle/…`, one
 * web-standard Request in, one Response out. Electron's `protocol.handle` calls it in
 * the desktop app, and scripts/serve-static.mjs calls the same function for the browser
 * fallback, the e2e suite and the bench, so every test loads the build as the desktop does.
 */
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { isAppDocumentPath } from '../../src/shared/app-document'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'

/** The scheme and host of the app's origin; the window loads APP_PAGE_URL. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`

/** The address of a screen: the renderer uses hash routes, so the route goes after '#'. */
export function appPageUrl(route = '/'): string {
  return `${APP_PAGE_URL}#${route}`
}

/**
 * Registered before `ready` (protocol.registerSchemesAsPrivileged). `standard` gives the
 * scheme a real origin, relative URLs and web storage; `secure` makes it a secure context;
 * `supportFetchAPI` lets the page fetch its own files; `codeCache` lets V8 keep compiled
 * scripts between launches (it needs `standard`). Not granted: bypassCSP, service workers,
 * CORS for other origins, streaming.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const

export const MIME_TYPES: Readonly<Record<string, string>> = {
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

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/** The file access the handler needs; Node's fs by default (Electron's fs reads inside app.asar). */
export interface BuildFiles {
  /** The path with every symlink resolved; rejects when it does not exist. */
  realpath(filePath: string): Promise<string>
  stat(filePath: string): Promise<{ isFile(): boolean; isDirectory(): boolean }>
  readFile(filePath: string): Promise<Uint8Array>
}

// The callback forms: they are the ones Electron patches to read inside app.asar.
export const nodeBuildFiles: BuildFiles = {
  realpath: promisify(fs.realpath),
  stat: promisify(fs.stat),
  readFile: promisify(fs.readFile),
}

export interface AppRequestHandlerOptions {
  /** Absolute path of the build folder (dist/). Nothing outside it is ever served. */
  root: string
  /** When set, requests for any other host get the not-found answer (the desktop passes APP_HOST). */
  host?: string
  files?: BuildFiles
}

export type AppRequestHandler = (request: Request) => Promise<Response>

/** Headers on every answer: the page's policy, and no MIME sniffing of anything served. */
function baseHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // The build's file names carry content hashes, but index.html does not: always revalidate.
    'Cache-Control': 'no-cache',
  })
}

function plain(status: number, message: string, extra: Record<string, string> = {}): Response {
  const headers = baseHeaders('text/plain; charset=utf-8')
  for (const [name, value] of Object.entries(extra)) headers.set(name, value)
  return new Response(message, { status, headers })
}

/**
 * The request's path as a list of decoded segments, or null when it tries to leave the
 * folder or is ambiguous: `..` or `.` segments (also percent-encoded), encoded separators
 * (%2F, %5C), backslashes, NUL, a colon (Windows drive letters and alternate data
 * streams), empty segments in the middle, and anything that does not decode.
 */
export function requestSegments(pathname: string): string[] | null {
  if (!pathname.startsWith('/')) return null
  const raw = pathname.slice(1).split('/')
  const segments: string[] = []
  for (const [index, part] of raw.entries()) {
    if (part === '') {
      // Only a trailing slash ("/", "/assets/") may leave an empty segment.
      if (index === raw.length - 1) continue
      return null
    }
    let decoded: string
    try {
      decoded = decodeURIComponent(part)
    } catch {
      return null
    }
    if (decoded === '.' || decoded === '..') return null
    if (/[/\\\0:]/.test(decoded)) return null
    segments.push(decoded)
  }
  return segments
}

/** Paths whose last segment names a file that is not a page (a script, a font…). */
function looksLikeAsset(segments: readonly string[]): boolean {
  const last = segments.at(-1) ?? ''
  const extension = path.extname(last).toLowerCase()
  return extension !== '' && extension !== '.html'
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/**
 * Builds the handler for one build folder. Answers:
 *  - 200 with the file and its MIME type, for a file inside the folder (after symlinks);
 *  - the app's page itself for `/` and `/index.html` (hash routes never reach the handler);
 *  - 404 with the app's page for any other page-like path, which the renderer shows as its
 *    not-found screen (src/shared/app-document.ts), and a plain 404 for a missing asset;
 *  - 400 for a path that tries to leave the folder, 405 for anything but GET and HEAD.
 * Folders are never listed.
 */
export function createAppRequestHandler(options: AppRequestHandlerOptions): AppRequestHandler {
  const files = options.files ?? nodeBuildFiles
  const rootPath = path.resolve(options.root)
  let realRoot: Promise<string> | undefined
  const root = () => (realRoot ??= files.realpath(rootPath))

  /** The real path of a regular file inside the folder, or null. */
  async function findFile(segments: readonly string[]): Promise<string | null> {
    const base = await root()
    const candidate = path.join(base, ...segments)
    if (!isInside(base, candidate)) return null
    try {
      const real = await files.realpath(candidate)
      // A symlink inside the folder must not lead outside it.
      if (!isInside(base, real)) return null
      return (await files.stat(real)).isFile() ? real : null
    } catch {
      return null
    }
  }

  async function page(status: number, method: string): Promise<Response> {
    const index = await findFile(['index.html'])
    if (!index) return plain(404, 'Not found')
    const body = method === 'HEAD' ? null : await files.readFile(index)
    return new Response(body, { status, headers: baseHeaders(MIME_TYPES['.html']!) })
  }

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' })
    }
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return plain(400, 'Bad request')
    }
    if (options.host !== undefined && url.host !== options.host) return plain(404, 'Not found')
    const segments = requestSegments(url.pathname)
    if (!segments) return plain(400, 'Bad request')
    if (isAppDocumentPath(url.pathname)) return page(200, request.method)

    const file = segments.length > 0 ? await findFile(segments) : null
    if (!file) return looksLikeAsset(segments) ? plain(404, 'Not found') : page(404, request.method)
    const body = request.method === 'HEAD' ? null : await files.readFile(file)
    return new Response(body, { status: 200, headers: baseHeaders(mimeTypeFor(file)) })
  }
}
