/**
 * Files the counselor e2e specs hand to the app or read from it: a session export made
 * from a persona's answers, importing it through the client page, and counting a PDF's pages.
 */
import type { Page } from '@playwright/test'
import { scoreAnswers } from '../../../src/domain/scoring'
import type { Answers, Content } from '../../../src/domain/types'
import { en, expect } from './app'
import { activate } from './keyboard'

/** A session file as the app exports it, made here from a persona's answers. */
export function sessionFile(
  content: Content,
  answers: Answers,
  startedAt: string,
  id: string,
  counselorNotes: Record<string, string> = {},
): string {
  const result = scoreAnswers(content, answers)
  return JSON.stringify({
    format: 'health-it-role-finder/counselor-session',
    formatVersion: 1,
    exportedAt: startedAt,
    client: { id: 'elsewhere-client', displayName: 'Someone' },
    session: {
      id,
      clientId: 'elsewhere-client',
      startedAt,
      completedAt: startedAt,
      locale: 'en',
      answers,
      counselorNotes,
      result: {
        fits: Object.fromEntries(result.ranking.map((s) => [s.roleId, s.shownFit])),
        bestFit: result.bestFit,
        contentVersion: result.contentVersion,
      },
    },
  })
}

/** Imports a session file through the open client page and waits for the app to say so. */
export async function importSession(page: Page, text: string, name: string): Promise<void> {
  await page
    .getByLabel(en.counselor.client.importLabel)
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
  await activate(page, page.getByRole('button', { name: en.counselor.client.importButton }))
  await expect(page.getByRole('status').filter({ hasText: /imported/ })).toBeVisible()
}

/** Pages in a PDF made by Chromium (one page object each). */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length
}
