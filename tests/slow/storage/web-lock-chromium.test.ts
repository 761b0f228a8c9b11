/**
 * The browser's writer lock (src/storage/writer-lock.ts) against the real Web Locks API, in
 * Debian's Chromium: two tabs of one profile, as two windows of the counselor area would be.
 * The Node tests use a fake lock manager; this checks that the real one behaves the same:
 * the second tab is refused while the first holds the lock, may take it once the first
 * lets go, and a tab that closes without letting go frees it too.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from '@playwright/test'
import ts from 'typescript'
import { afterAll, beforeAll, expect, it } from 'vitest'

let server: http.Server
let browser: Browser
let origin: string

beforeAll(async () => {
  const source = await readFile(fileURLToPath(new URL('../../../src/storage/writer-lock.ts', import.meta.url)), 'utf8')
  const module = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText
  server = http.createServer((request, response) => {
    if (request.url === '/writer-lock.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' })
      response.end(module)
    } else {
      response.writeHead(200, { 'content-type': 'text/html' })
      response.end('<!doctype html><title>lock</title>')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
}, 60_000) // starting Chromium on a busy machine
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

/** A tab with the writer lock module loaded; `take` and `letGo` act on it. */
async function tab(context: Awaited<ReturnType<Browser['newContext']>>): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${origin}/`)
  // A string, not a function: Vitest would rewrite a function's import() for Node.
  await page.evaluate(`(async () => {
    const { createWebWriterLock } = await import('/writer-lock.js')
    const lock = createWebWriterLock(navigator.locks, 'health-it-role-finder-counselor:writer')
    window.take = async () => {
      window.release = (await lock.tryAcquire()) ?? undefined
      return window.release !== undefined
    }
    window.letGo = async () => window.release?.()
  })()`)
  return page
}

const take = (page: Page) => page.evaluate(() => (globalThis as unknown as { take(): Promise<boolean> }).take())
const letGo = (page: Page) => page.evaluate(() => (globalThis as unknown as { letGo(): Promise<void> }).letGo())

it('refuses a second tab while the first holds the lock, and lets it take over once the first lets go or closes', async () => {
  const context = await browser.newContext()
  const [one, two] = [await tab(context), await tab(context)]
  expect(await take(one)).toBe(true)
  expect(await take(two), 'refused while the first holds it').toBe(false)
  await letGo(one)
  expect(await take(two), 'taken once the first lets go').toBe(true)
  expect(await take(one)).toBe(false)
  await two.close() // closed without letting go
  await expect.poll(() => take(one), { message: 'freed when the holding tab closes' }).toBe(true)
  await context.close()
}, 60_000) // a few page loads in Chromium on a busy machine
