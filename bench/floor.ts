/**
 * The styled floor: our real question 1 as the built app renders it, saved as a static page
 * with the app's stylesheet and fonts and no script — the fastest a page showing that
 * question with our look can paint. Generated at bench time from the built app, so it
 * follows the question bank, the components and the CSS.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import { probeScript, readMark, type MarkPlan } from './probe'

/** The captured page without anything that runs: scripts, module preloads and Vue's mount marker. */
export function floorHtml(captured: string): string {
  const html = captured
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, '')
    .replace(/ data-v-app=""/g, '')
  if (/<script\b|<[^>]*\son[a-z]+=|javascript:/i.test(html)) {
    throw new Error('bench: the styled floor would still hold a script, an event handler or a javascript: link')
  }
  if (!/<link\b[^>]*\brel="stylesheet"/i.test(html)) {
    throw new Error("bench: the captured page links no stylesheet; the floor would not have the app's look")
  }
  return html
}

/**
 * Opens the built app at `appUrl`, presses Start, waits for question 1 (`plan`), and writes
 * what is on screen to `outDir/index.html`, with the app's stylesheets and fonts beside it.
 */
export async function buildFloor(
  browser: Browser,
  { appUrl, distDir, outDir, plan }: { appUrl: string; distDir: string; outDir: string; plan: MarkPlan },
): Promise<void> {
  const context = await browser.newContext()
  let captured: string
  try {
    await context.addInitScript(probeScript(plan))
    const page = await context.newPage()
    await page.goto(appUrl, { waitUntil: 'commit' })
    await readMark(page)
    captured = await page.content()
  } finally {
    await context.close()
  }
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  // Same relative paths as in dist/; only the stylesheets and fonts are copied (no script).
  cpSync(join(distDir, 'assets'), join(outDir, 'assets'), {
    recursive: true,
    filter: (source) => !/\.(m?js|map)$/.test(source),
  })
  writeFileSync(join(outDir, 'index.html'), floorHtml(captured))
}
