/**
 * Proof that the build is self-contained and locked down: the Content Security
 * Policy in dist/index.html, no inline script, fonts and styles bundled, and a
 * browser run in which nothing tries eval(). (Every other spec also fails on any
 * request that leaves the app; see support/app.ts.)
 */
import fs from 'node:fs'
import path from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { en, expect, openWithProgress, roleName, test } from './support/app'
import { distDir } from './support/browser-options'
import { RESULTS_PERSONA } from './support/screens'

function builtIndex(): string {
  return fs.readFileSync(path.join(distDir(), 'index.html'), 'utf8')
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** The policy from the page's <meta http-equiv="Content-Security-Policy">, as directive -> sources. */
function policyOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => /http-equiv\s*=\s*["']?Content-Security-Policy/i.test(tag))
  expect(metas, 'exactly one CSP meta tag').toHaveLength(1)
  const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(metas[0]!)?.[1]
  expect(content, 'the CSP meta tag has content').toBeTruthy()
  const policy = new Map<string, string[]>()
  for (const directive of decodeEntities(content!).split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/)
    if (name) policy.set(name.toLowerCase(), sources)
  }
  return policy
}

test.describe('the built index.html', () => {
  test('carries a strict Content Security Policy', () => {
    const html = builtIndex()
    const policy = policyOf(html)
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(policy.get('connect-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    const scriptSrc = policy.get('script-src')
    expect(scriptSrc, 'script-src is set').toBeDefined()
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(scriptSrc).not.toContain("'unsafe-eval'")
    expect(
      scriptSrc!.every((source) => !/^(https?:|\*|data:|blob:)/.test(source)),
      `script-src ${scriptSrc!.join(' ')}`,
    ).toBe(true)
    expect(policy.get('style-src') ?? []).not.toContain("'unsafe-inline'")
    expect(policy.get('font-src')).toEqual(["'self'"])
    // The policy sits before anything it governs, and is the one the source defines.
    expect(html.search(/Content-Security-Policy/i)).toBeLessThan(html.search(/<script\b/i))
    expect([...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ')).toBe(CONTENT_SECURITY_POLICY)
  })

  test('has no inline script, inline style or inline event handler', () => {
    const html = builtIndex()
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [tag, attributes, body] of scripts) {
      expect(attributes, `${tag.slice(0, 80)} loads a file`).toMatch(/\bsrc\s*=\s*["']\/assets\//)
      expect(body!.trim(), `${tag.slice(0, 80)} has no inline code`).toBe('')
    }
    expect(html).not.toMatch(/<style\b/i)
    expect(html).not.toMatch(/\son[a-z]+\s*=/i)
    expect(html).not.toMatch(/\sstyle\s*=/i)
    expect(html).not.toMatch(/javascript:/i)
  })

  test('bundles its fonts and styles: nothing is fetched from elsewhere', () => {
    const html = builtIndex()
    for (const [, url] of html.matchAll(/\s(?:src|href)\s*=\s*["']([^"']*)["']/gi)) {
      // Root-absolute: the build is always served at the root of its own origin (app://bundle/).
      // Links within the pre-rendered screens are the app's own hash routes (#/roles), fetching nothing.
      expect(url, 'every script, style sheet and icon is local').toMatch(/^(\/assets\/|data:|#)/)
    }
    const assets = path.join(distDir(), 'assets')
    const css = fs.readdirSync(assets).filter((file) => file.endsWith('.css'))
    expect(css.length).toBeGreaterThan(0)
    const fonts = fs.readdirSync(assets).filter((file) => /\.(woff2?|ttf)$/.test(file))
    expect(fonts.some((file) => file.startsWith('atkinson-hyperlegible-'))).toBe(true)
    for (const file of css) {
      const text = fs.readFileSync(path.join(assets, file), 'utf8')
      expect(text, `${file} imports nothing`).not.toMatch(/@import/i)
      for (const [, raw] of text.matchAll(/url\(\s*([^)]*?)\s*\)/gi)) {
        const url = raw!.replace(/^["']|["']$/g, '')
        expect(url, `${file}: url(${url}) is bundled`).toMatch(/^(\/assets\/[\w.-]+\.(woff2?|ttf|svg|png)$|data:)/)
        if (!url.startsWith('data:'))
          expect(fs.existsSync(path.join(distDir(), url)), `${file}: ${url} exists`).toBe(true)
      }
    }
  })
})

test('nothing in the app tries eval(), which the policy would block', async ({ page, guard }) => {
  await page.goto('./')
  await expect(page.locator('main h1').filter({ visible: true })).toHaveText(en.welcome.title)
  await openWithProgress(page, RESULTS_PERSONA.answers, '/results')
  await expect(page.locator('#best-fit-title')).toHaveText(roleName(RESULTS_PERSONA.expected))
  expect(
    guard.blockedEval,
    'Code asked for eval()/new Function(); the CSP blocked it and reported a violation. zod 4 probes ' +
      "`Function('')` once unless configured with `z.config({ jitless: true })` before the first parse.",
  ).toEqual([])
})
