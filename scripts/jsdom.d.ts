/** The little of jsdom the build's pre-render uses (scripts/prerender.ts); jsdom ships no types. */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { url?: string })
    readonly window: Window & typeof globalThis & { close(): void }
  }
}
