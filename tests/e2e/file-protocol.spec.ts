/**
 * The build opened from file://, as Electron's loadFile() does: hash routes, a
 * seeded journey's results, and a reload on the results page.
 *
 * Plain Chromium refuses module scripts from file:// pages (CORS, origin "null");
 * Electron allows them. --allow-file-access-from-files gives this Chromium the
 * same rule, and nothing else changes.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { PERSONAS } from '../fixtures/personas'
import { en, expect, openWithProgress, roleName, savedProgress, test } from './support/app'
import { CHROMIUM_ARGS, distDir, LAUNCH_OPTIONS } from './support/browser-options'
import { activate, mainHeading } from './support/keyboard'
import { expectBestFit, expectFreshWelcome, expectNothingStored } from './support/journey'
import type { PageGlobals } from './support/page-globals'

test.use({ launchOptions: { ...LAUNCH_OPTIONS, args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'] } })

const persona = PERSONAS.find((p) => p.expected === 'trainer')!

test('dist/index.html works from file://, through hash routes and a reload on the results', async ({
  page,
  context,
  guard,
}) => {
  const index = pathToFileURL(path.join(distDir(), 'index.html')).href

  await page.goto(index)
  await expectFreshWelcome(page)
  const faces = await page.evaluate(() =>
    [...(globalThis as unknown as PageGlobals).document.fonts]
      .filter((face) => face.family.includes('Atkinson Hyperlegible') && face.status === 'loaded')
      .map((face) => face.weight),
  )
  expect(faces).toContain('400')

  // Hash routes by keyboard: the roles list, one role, and back.
  await activate(page, page.getByRole('link', { name: en.app.nav.roles, exact: true }))
  await expect(page).toHaveURL(`${index}#/roles`)
  await expect(mainHeading(page)).toBeFocused()
  await expect(mainHeading(page)).toHaveText(en.roles.title)
  await activate(page, page.getByRole('link', { name: roleName('trainer'), exact: true }))
  await expect(page).toHaveURL(`${index}#/roles/trainer`)
  await expect(mainHeading(page)).toHaveText(roleName('trainer'))
  await page.goBack()
  await expect(page).toHaveURL(`${index}#/roles`)
  await page.goto(`${index}#/no/such/page`)
  await expect(mainHeading(page)).toHaveText(en.notFound.title)

  // A journey left at the results: opening the file again resumes there, and so does a reload.
  await openWithProgress(page, persona.answers, '/results', index)
  await expectBestFit(page, persona.expected)
  await page.goto('about:blank')
  await page.goto(index)
  await expect(page).toHaveURL(`${index}#/results`)
  await expectBestFit(page, persona.expected)
  await page.reload()
  await expectBestFit(page, persona.expected)

  // Still working after the reload: review and back, then start over.
  await activate(page, page.getByRole('button', { name: en.results.actions.review }))
  await expect(page).toHaveURL(`${index}#/review`)
  await expect(mainHeading(page)).toBeFocused()
  await activate(page, page.getByRole('button', { name: en.review.seeResult }))
  await expectBestFit(page, persona.expected)
  expect((await savedProgress(page))?.route).toBe('/results')
  await activate(page, page.getByRole('button', { name: en.results.actions.startOver, exact: true }))
  await activate(page, page.getByRole('button', { name: en.startOver.confirm }))
  await expect(page).toHaveURL(`${index}#/`)
  await expectFreshWelcome(page)
  await expectNothingStored(page, context)

  // Nothing but the files themselves (and data: URLs) was asked for.
  expect(guard.requested.filter((url) => !/^(file|data):/.test(url))).toEqual([])
})
