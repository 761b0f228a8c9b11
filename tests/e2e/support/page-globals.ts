/**
 * The few browser globals the tests touch inside page.evaluate(). The Node tsconfig
 * that checks tests/e2e has no DOM library (on purpose: Electron's main process and
 * the CLI must not see one), so callbacks cast `globalThis` to this shape instead.
 */
export interface PageElement {
  readonly tagName: string
  readonly id: string
  readonly className: string
  readonly textContent: string | null
  readonly scrollWidth: number
  readonly clientWidth: number
  readonly parentElement: PageElement | null
  getAttribute(name: string): string | null
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number; width: number; height: number }
}

export interface PageGlobals {
  document: {
    readonly documentElement: PageElement
    readonly body: PageElement
    readonly activeElement: PageElement | null
    readonly title: string
    readonly fonts: Iterable<{ family: string; weight: string; status: string }>
    querySelectorAll(selector: string): ArrayLike<PageElement>
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: {
        violatedDirective: string
        blockedURI: string
        sourceFile: string
        lineNumber: number
      }) => void,
    ): void
  }
  localStorage: {
    getItem(key: string): string | null
    setItem(key: string, value: string): void
    readonly length: number
  }
  performance: { getEntriesByType(type: 'resource'): ArrayLike<{ name: string; initiatorType: string }> }
  getComputedStyle(element: PageElement): { transitionDuration: string; animationName: string; display: string }
  console: { error(message: string): void }
}
