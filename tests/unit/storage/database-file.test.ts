import fs from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it as vitestIt } from 'vitest'
import { createDatabaseFileAdapter } from '../../../electron/main/services/database-file'
import { describeAdapterContract } from './adapter-contract'
import { DB_NAME, makeTempFolder, removeFolder } from './helpers'
import { STORE_TEST_TIMEOUT } from '../../fixtures/waiting'

/** Every test here drives the real encrypted store: STORE_TEST_TIMEOUT (fixtures/waiting.ts) says why 5 s is not enough. */
const it = (name: string, body: () => unknown) => vitestIt(name, body, STORE_TEST_TIMEOUT)

const folders: string[] = []
async function newFolder(): Promise<string> {
  const folder = await makeTempFolder()
  folders.push(folder)
  return folder
}
afterEach(async () => {
  await Promise.all(folders.splice(0).map(removeFolder))
})

describe('database file adapter', () => {
  describeAdapterContract(async () => createDatabaseFileAdapter(path.join(await newFolder(), 'nested', DB_NAME)))

  let folder: string
  let file: string
  beforeEach(async () => {
    folder = await newFolder()
    file = path.join(folder, DB_NAME)
  })

  it('keeps its three files next to each other, readable only by this account', async () => {
    const adapter = createDatabaseFileAdapter(file)
    await adapter.write(new Uint8Array([1]))
    await adapter.writeJournal(new Uint8Array([2]))
    await adapter.writeMeta(new Uint8Array([3]))
    expect((await fs.readdir(folder)).sort()).toEqual([DB_NAME, `${DB_NAME}.journal`, `${DB_NAME}.meta.json`])
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600)
  })

  it('refuses to append to a journal that is not there, rather than start one without its header', async () => {
    const adapter = createDatabaseFileAdapter(file)
    await expect(adapter.appendJournal(new Uint8Array([1]))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await fs.readdir(folder)).toEqual([])
  })

  it('removes temp files left by a process that died mid-write, but not its own', async () => {
    const adapter = createDatabaseFileAdapter(file)
    const dead = path.join(folder, `.${DB_NAME}.999999.deadbeef.tmp`)
    const own = path.join(folder, `.${DB_NAME}.${process.pid}.cafebabe.tmp`)
    await fs.writeFile(dead, 'half a database')
    await fs.writeFile(own, 'being written right now')
    await adapter.read()
    expect((await fs.readdir(folder)).sort()).toEqual([path.basename(own)])
  })

  it('never overwrites an earlier kept copy', async () => {
    const adapter = createDatabaseFileAdapter(file)
    const first = await adapter.keepCopy('same-stamp', { snapshot: new Uint8Array([1]) })
    const second = await adapter.keepCopy('same-stamp', { snapshot: new Uint8Array([2]) })
    expect(first).toBe(`${file}.damaged-same-stamp`)
    expect(second).toBe(`${file}.damaged-same-stamp-2`)
    expect([...(await fs.readFile(first))]).toEqual([1])
    expect([...(await fs.readFile(second))]).toEqual([2])
  })

  it('erases its own files and kept copies, and nothing else in the folder', async () => {
    const adapter = createDatabaseFileAdapter(file)
    await adapter.write(new Uint8Array([1]))
    await adapter.writeJournal(new Uint8Array([1]))
    await adapter.keepCopy('x', { snapshot: new Uint8Array([1]), journal: new Uint8Array([1]) })
    await adapter.write(new Uint8Array([1]))
    await adapter.writeMeta(new Uint8Array([1]))
    await fs.writeFile(path.join(folder, 'progress.json'), '{}')
    await fs.writeFile(path.join(folder, `other-${DB_NAME}`), 'not ours')
    await adapter.eraseAll()
    expect((await fs.readdir(folder)).sort()).toEqual([`other-${DB_NAME}`, 'progress.json'])
  })
})
