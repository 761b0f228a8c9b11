import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h, nextTick, ref } from 'vue'
import { tellHostTheLanguage } from '../../src/host/interface-language'
import { describePageError, PAGE_ERRORS_PER_LOAD, reportPageErrors } from '../../src/host/page-errors'
import { RENDERER_ERROR_LIMITS, rendererErrorSchema, type RendererError } from '../../src/shared/host-contract'

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

/** A window stand-in: the reporter listens on it, the test dispatches on it. */
function fakeWindow() {
  return new EventTarget() as unknown as Window
}

function recordingHost() {
  const reports: RendererError[] = []
  return { reports, host: { logError: vi.fn(async (report: RendererError) => void reports.push(report)) } }
}

describe('describePageError', () => {
  it.each([
    [new TypeError('x is undefined'), 'TypeError: x is undefined'],
    ['plain words', 'plain words'],
    [{ code: 42 }, '{"code":42}'],
    [undefined, 'undefined'],
  ])('turns %o into a report the host accepts', (thrown, message) => {
    const report = describePageError('error', thrown)
    expect(report.message).toBe(message)
    expect(rendererErrorSchema.safeParse(report).success).toBe(true)
  })

  it('cuts long messages, stacks and places to the contract limits, and survives a cycle', () => {
    const error = new Error('m'.repeat(5_000))
    error.stack = 's'.repeat(50_000)
    const report = describePageError('vue', error, 'w'.repeat(1_000))
    expect(report.message).toHaveLength(RENDERER_ERROR_LIMITS.message)
    expect(report.stack).toHaveLength(RENDERER_ERROR_LIMITS.stack)
    expect(report.where).toHaveLength(RENDERER_ERROR_LIMITS.where)
    expect(rendererErrorSchema.safeParse(report).success).toBe(true)
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(describePageError('unhandledrejection', cycle).message).toBe('[object Object]')
  })
})

/** A component whose setup throws, for Vue's errorHandler (the only component in this file). */
const Broken = defineComponent({
  setup() {
    throw new RangeError('broken setup')
  },
  render: () => h('p'),
})

describe('reportPageErrors', () => {
  it('sends uncaught errors, unhandled rejections and Vue errors to the host log', async () => {
    const target = fakeWindow()
    const { host, reports } = recordingHost()
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const app = createApp(Broken)
    reportPageErrors(app, host, target)
    app.mount(document.createElement('div'))
    target.dispatchEvent(
      Object.assign(new Event('error'), {
        error: new Error('uncaught'),
        message: 'uncaught',
        filename: 'app://bundle/assets/index.js',
        lineno: 3,
        colno: 7,
      }),
    )
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: 'nobody caught me' }))
    await flushPromises()
    expect(reports.map((report) => [report.kind, report.message])).toEqual([
      ['vue', 'RangeError: broken setup'],
      ['error', 'Error: uncaught'],
      ['unhandledrejection', 'nobody caught me'],
    ])
    expect(reports[0]!.where).toBe('setup function')
    expect(reports[1]!.where).toBe('app://bundle/assets/index.js:3:7')
    // Developers still see Vue's error in the console, as without a handler.
    expect(consoleError).toHaveBeenCalledWith(expect.objectContaining({ message: 'broken setup' }))
  })

  it(`sends at most ${PAGE_ERRORS_PER_LOAD} per page load, and a failing log throws nothing`, async () => {
    const target = fakeWindow()
    const logError = vi.fn(async () => {
      throw new Error('disk full')
    })
    reportPageErrors(createApp(Broken), { logError }, target)
    for (let i = 0; i < PAGE_ERRORS_PER_LOAD + 5; i += 1) {
      target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: `again ${i}` }))
    }
    await flushPromises()
    expect(logError).toHaveBeenCalledTimes(PAGE_ERRORS_PER_LOAD)
  })
})

describe('tellHostTheLanguage', () => {
  it('tells the host each change of language, not the first one, and ignores a host that fails', async () => {
    const locale = ref<'en' | 'es'>('en')
    const setInterfaceLanguage = vi.fn(async (language: 'en' | 'es') => {
      if (language === 'es') throw new Error('no window to rebuild the menu of')
    })
    tellHostTheLanguage(locale, { setInterfaceLanguage })
    await nextTick()
    expect(setInterfaceLanguage).not.toHaveBeenCalled()
    locale.value = 'es'
    await nextTick()
    locale.value = 'en'
    await nextTick()
    expect(setInterfaceLanguage.mock.calls).toEqual([['es'], ['en']])
  })
})
