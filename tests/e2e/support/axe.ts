import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect } from './app'
import type { PageGlobals } from './page-globals'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>

/** One readable block per violation: rule, impact, what to fix, and each element. */
export function formatViolations(violations: AxeResults['violations']): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) => `    - ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n')
      return `* ${violation.id} [${violation.impact ?? 'unknown'}] ${violation.help}\n  ${violation.helpUrl}\n${nodes}`
    })
    .join('\n')
}

/** Runs axe-core with the WCAG 2.2 AA rule set and fails on any violation, listing them. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  expect(
    results.violations.map((v) => v.id),
    `axe found WCAG violations on "${screen}":\n${formatViolations(results.violations)}`,
  ).toEqual([])
  // A scan that checked nothing would prove nothing.
  expect(results.passes.length, `axe checked no rules on "${screen}"`).toBeGreaterThan(5)
  // axe only asks for a review of repeated ids (reviewOnFail); labels and descriptions point at ids, so they must be unique.
  const repeated = await page.evaluate(() => {
    const ids = Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('[id]')).map(
      (element) => element.id,
    )
    return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))]
  })
  expect(repeated, `ids used more than once on "${screen}"`).toEqual([])
}
