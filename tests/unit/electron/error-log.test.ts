import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { WebContents } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createErrorReporter,
  createRendererErrorSink,
  plainErrorMessage,
  reportProcessErrors,
  watchWebContents,
} from '../../../electron/main/error-reporting'
import { createErrorLog, ERROR_LOG_FILE_NAME, formatEntry } from '../../../electron/main/services/error-log'
import { CONDITION_WAIT } from '../../fixtures/waiting'

let folder: string
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'error-log-'))
})
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }))

const fixedTime = () => new Date('2026-11-25T10:00:00.000Z')
const read = (name: string) => fs.readFileSync(path.join(folder, name), 'utf8')

describe('createErrorLog', () => {
  it('appends time, source, message and stack', () => {
    const log = createErrorLog({ folder, now: fixedTime })
    log.record('main:ipc', new Error('disk went away'))
    log.record('preload', 'a plain string')
    const text = read(ERROR_LOG_FILE_NAME)
    expect(text).toMatch(/^2026-11-25T10:00:00\.000Z \[main:ipc\] Error: disk went away\n\s+at /)
    expect(text).toContain('2026-11-25T10:00:00.000Z [preload] a plain string\n')
    expect(log.file).toBe(path.join(folder, ERROR_LOG_FILE_NAME))
  })

  it('rotates to errors.log.1 when the cap would be passed, keeping one old file', () => {
    const log = createErrorLog({ folder, maxBytes: 400, now: fixedTime })
    for (let i = 0; i < 20; i += 1) log.record('main:ipc', `error number ${i}`)
    expect(fs.readdirSync(folder).sort()).toEqual([ERROR_LOG_FILE_NAME, `${ERROR_LOG_FILE_NAME}.1`])
    expect(fs.statSync(path.join(folder, ERROR_LOG_FILE_NAME)).size).toBeLessThanOrEqual(400)
    expect(fs.statSync(path.join(folder, `${ERROR_LOG_FILE_NAME}.1`)).size).toBeLessThanOrEqual(400)
    expect(read(ERROR_LOG_FILE_NAME)).toContain('error number 19')
    expect(read(`${ERROR_LOG_FILE_NAME}.1`)).not.toContain('error number 0\n')
  })

  it('cuts one huge entry down so it cannot fill the log', () => {
    const entry = formatEntry(fixedTime(), 'main:ipc', 'x'.repeat(10_000), 100)
    expect(Buffer.byteLength(entry)).toBeLessThanOrEqual(101)
    expect(entry.endsWith('\n')).toBe(true)
  })

  it('never throws, even when the log cannot be written', () => {
    const blocked = path.join(folder, 'a-file')
    fs.writeFileSync(blocked, '')
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => createErrorLog({ folder: blocked }).record('main:ipc', new Error('x'))).not.toThrow()
    expect(consoleError).toHaveBeenCalled()
    consoleError.mockRestore()
  })
})

describe('createErrorReporter', () => {
  it('logs every error but shows the plain dialog only once', () => {
    const log = createErrorLog({ folder, now: fixedTime })
    const showError = vi.fn()
    const report = createErrorReporter(log, { showError })
    report('main:uncaughtException', new Error('first'))
    report('main:unhandledRejection', new Error('second'))
    expect(showError).toHaveBeenCalledOnce()
    expect(showError).toHaveBeenCalledWith('Something went wrong', plainErrorMessage(log.file))
    expect(read(ERROR_LOG_FILE_NAME)).toMatch(/first[\s\S]*second/)
  })

  it('keeps stacks out of the message the person sees', () => {
    const message = plainErrorMessage('/home/ada/.config/app/logs/errors.log')
    expect(message).not.toMatch(/\bat \S+ \(/)
    expect(message).toContain('/home/ada/.config/app/logs/errors.log')
  })
})

describe('reportProcessErrors', () => {
  it('reports uncaught exceptions and unhandled rejections with their source', () => {
    const process = new EventEmitter()
    const report = vi.fn()
    reportProcessErrors(process, report)
    const boom = new Error('boom')
    process.emit('uncaughtException', boom)
    process.emit('unhandledRejection', 'why')
    expect(report.mock.calls).toEqual([
      ['main:uncaughtException', boom],
      ['main:unhandledRejection', 'why'],
    ])
  })
})

describe('watchWebContents', () => {
  function setup(reload: boolean) {
    const contents = Object.assign(new EventEmitter(), { isDestroyed: () => false })
    const log = createErrorLog({ folder, now: fixedTime })
    const report = vi.fn()
    const recovery = { askToReload: vi.fn(async () => reload), reload: vi.fn(), quit: vi.fn() }
    watchWebContents(contents as unknown as WebContents, { log, report, recovery })
    return { contents, report, recovery }
  }

  it('logs a renderer crash and reloads the page when the person chooses Reload', async () => {
    const { contents, recovery, report } = setup(true)
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    await vi.waitFor(() => expect(recovery.reload).toHaveBeenCalledWith(contents), CONDITION_WAIT)
    expect(recovery.quit).not.toHaveBeenCalled()
    // The reload question is the only dialog; the details go to the log.
    expect(report).not.toHaveBeenCalled()
    expect(read(ERROR_LOG_FILE_NAME)).toContain('[renderer:gone] Error: Renderer gone: crashed (exit code 139)')
  })

  it('quits when the person chooses Quit', async () => {
    const { contents, recovery } = setup(false)
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 })
    await vi.waitFor(() => expect(recovery.quit).toHaveBeenCalledOnce(), CONDITION_WAIT)
  })

  it('ignores a clean exit', () => {
    const { contents, recovery } = setup(true)
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 })
    expect(recovery.askToReload).not.toHaveBeenCalled()
  })

  it('reports a preload that failed', () => {
    const { contents, report } = setup(true)
    contents.emit('preload-error', {}, '/app/dist-electron/preload/index.cjs', new Error('SyntaxError'))
    expect(report).toHaveBeenCalledWith(
      'preload',
      expect.objectContaining({ message: expect.stringContaining('index.cjs failed') }),
    )
  })
})

describe('createRendererErrorSink', () => {
  it('logs page errors under renderer:<kind>, and stops after its limit with a note saying so', () => {
    const entries: [string, unknown][] = []
    const sink = createRendererErrorSink(
      { file: '/logs/errors.log', record: (source, error) => entries.push([source, error]) },
      3,
    )
    for (let i = 0; i < 5; i += 1)
      sink.record({ kind: 'error', message: `boom ${i}`, stack: 'at x', where: 'a.js:1:2' })
    expect(entries.map(([source]) => source)).toEqual(['renderer:error', 'renderer:error', 'renderer:error'])
    expect(entries[0]![1]).toBe('boom 0\nat x\n(a.js:1:2)')
    expect(String(entries[2]![1])).toContain('3 page errors logged; later ones this run are not')
  })
})
