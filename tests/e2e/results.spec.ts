/**
 * The results page says everything in words as well as in bars: colour and length
 * are never the only signal, and the bars keep still for people who ask for less motion.
 */
import { en, expect, openWithProgress, roleName, test } from './support/app'
import type { PageGlobals } from './support/page-globals'
import { RESULTS_PERSONA } from './support/screens'
import { ROLE_IDS } from '../../src/domain/types'
import { activate } from './support/keyboard'

test.beforeEach(async ({ page }) => {
  await openWithProgress(page, RESULTS_PERSONA.answers, '/results')
  await expect(page.locator('#best-fit-title')).toHaveText(roleName(RESULTS_PERSONA.expected))
})

test('every fit bar has its value in text, and ineligible roles say why in words', async ({ page }) => {
  const rows = page.locator('.fit-chart__row')
  await expect(rows).toHaveCount(ROLE_IDS.length)
  let ineligible = 0
  const fromBars = new Map<string, number>()
  for (const row of await rows.all()) {
    const name = (await row.getByRole('link').textContent())!.trim()
    const value = (await row.locator('.fit-chart__value').textContent())!.trim()
    const fit = /^(\d{1,3}) out of 100\b/.exec(value)
    expect(fit, `"${name}" shows its fit as text, got "${value}"`).not.toBeNull()
    fromBars.set(name, Number(fit![1]))
    // The bar is decoration: hidden from assistive technology, and as long as the number says.
    await expect(row.locator('.fit-chart__track')).toHaveAttribute('aria-hidden', 'true')
    expect(await row.locator('.fit-chart__bar').getAttribute('style')).toContain(`width: ${fit![1]}%`)

    const note = row.locator('.fit-chart__note')
    if ((await row.getAttribute('class'))!.includes('fit-chart__row--ineligible')) {
      ineligible += 1
      await expect(note).toHaveText(en.results.all.notEligible)
    } else {
      await expect(note).toHaveCount(0)
    }
  }
  expect(ineligible, 'this persona has no license, so a license-only role is ineligible').toBeGreaterThan(0)

  // The table alternative gives the same figures and the same written note.
  await activate(page, page.getByText(en.results.all.showTable))
  const table = page.getByRole('table', { name: en.results.all.tableCaption })
  await expect(table).toBeVisible()
  const bodyRows = table.locator('tbody tr')
  await expect(bodyRows).toHaveCount(ROLE_IDS.length)
  let notes = 0
  for (const row of await bodyRows.all()) {
    const header = (await row.locator('th').textContent())!.replace(/\s+/g, ' ').trim()
    const name = [...fromBars.keys()].find((n) => header.startsWith(n))
    expect(name, `table row "${header}" names a role`).toBeDefined()
    await expect(row.locator('td.numeric')).toHaveText(String(fromBars.get(name!)))
    if (header.includes(en.results.all.notEligible)) notes += 1
  }
  expect(notes).toBe(ineligible)
})

test('bars animate by default and keep still with prefers-reduced-motion: reduce', async ({ page }) => {
  const bar = page.locator('.fit-chart__bar').first()
  const duration = () =>
    bar.evaluate((element) => (globalThis as unknown as PageGlobals).getComputedStyle(element).transitionDuration)
  expect(await duration()).toBe('0.4s')

  await page.emulateMedia({ reducedMotion: 'reduce' })
  expect(await duration()).toBe('0s')
  // Nothing else on the page moves either.
  const moving = await page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as PageGlobals
    return Array.from(document.querySelectorAll('*'))
      .filter((element) => {
        const style = getComputedStyle(element)
        return style.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || style.animationName !== 'none'
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
  })
  expect(moving).toEqual([])
})

test('at 320 px the "why" table stacks its rows but stays a table to assistive technology', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 })
  // The exact points sit behind "Show the exact points"; a closed <details> keeps them out of
  // the accessibility tree, as it should.
  await page.getByText(en.journey.result.exactPoints).click()
  const table = page.locator('.why__table')
  await expect(table).toBeVisible()
  expect(
    await table.evaluate((element) => (globalThis as unknown as PageGlobals).getComputedStyle(element).display),
  ).toBe('block')
  // Chromium's own accessibility tree (what Electron exposes to screen readers), not the DOM.
  const cdp = await page.context().newCDPSession(page)
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { role?: { value: string }; name?: { value: string } }[]
  }
  const named = (role: string) => nodes.filter((n) => n.role?.value === role).map((n) => n.name?.value ?? '')
  expect(named('table').some((name) => name.startsWith(en.results.why.caption.split('{')[0]!))).toBe(true)
  expect(named('columnheader')).toEqual(
    expect.arrayContaining([en.results.why.question, en.results.why.answer, en.results.why.points]),
  )
  expect(named('rowheader')).toContain(en.results.why.total)
  expect(named('cell').length).toBeGreaterThan(3)
})
