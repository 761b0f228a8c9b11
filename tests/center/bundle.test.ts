/**
 * The center code as the desktop app ships it: built by the real vite.electron.config.ts
 * (every dependency bundled, node-postgres included; only Node and Electron left outside),
 * here with the center gateway as the entry so it can run without Electron, then used
 * against a real PostgreSQL. Electron itself cannot be started on this machine.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createBuilder } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Gateway from '../../electron/main/center/center-gateway'
import { createCenterDatabase, uniqueSuffix, type CenterDatabase } from './support/center-fixture'
import { startTestServer, type TestServer } from './support/pg-server'

const root = fileURLToPath(new URL('../..', import.meta.url))
let out: string
let server: TestServer
let database: CenterDatabase
const login = `ana_${uniqueSuffix()}`
const PASSWORD = 'correct horse battery staple'

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'center-bundle-'))
  const builder = await createBuilder({
    configFile: path.join(root, 'vite.electron.config.ts'),
    logLevel: 'silent',
    environments: {
      main: {
        build: {
          outDir: path.join(out, 'main'),
          rolldownOptions: { input: path.join(root, 'electron/main/center/center-gateway.ts') },
        },
      },
      preload: { build: { outDir: path.join(out, 'preload') } },
    },
  })
  await builder.buildApp()
  server = await startTestServer()
  database = await createCenterDatabase(server)
  await database.addCenter('east', 'East Side Center')
  await database.addLogin(login, 'east', 'counselor', PASSWORD)
}, 180_000) // a production build and a server on a busy machine

afterAll(async () => {
  await database?.drop().catch(() => undefined)
  await server?.dispose()
  fs.rmSync(out, { recursive: true, force: true })
}, 120_000) // stops the server; slow on a busy machine

describe('the bundled center gateway', () => {
  it('imports nothing but Node built-ins: node-postgres is inside the bundle', () => {
    const code = fs.readFileSync(path.join(out, 'main', 'index.js'), 'utf8')
    const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1])
    expect(
      imports.every(
        (name) =>
          name!.startsWith('node:') ||
          ['crypto', 'fs', 'net', 'tls', 'dns', 'events', 'util', 'stream', 'path', 'os', 'string_decoder'].includes(
            name!,
          ),
      ),
    ).toBe(true)
    expect(code).toContain('node_modules/pg/lib/client.js')
  })

  it('signs in over TLS and calls the center functions', async () => {
    const bundled = (await import(pathToFileURL(path.join(out, 'main', 'index.js')).href)) as typeof Gateway
    const session = await bundled.openCenterSession(database.settingsFor(login, PASSWORD))
    try {
      expect(session.encrypted).toBe(true)
      expect(session.identity).toEqual({ login, kind: 'counselor', centerCode: 'east', centerName: 'East Side Center' })
      expect(await session.listClients('')).toEqual([])
      expect(await session.openConflictCount()).toBe(0)
    } finally {
      await session.close()
    }
  }, 60_000)
})
