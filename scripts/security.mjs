/**
 * `npm run security`: Electronegativity over the Electron sources (electron/) and the
 * built app (dist/, dist-electron/, package.json; rebuilt first if stale), scanned together so its global
 * checks (CSP, navigation limits, permission handler) see the whole app. Writes a CSV
 * report to a temp folder, prints every finding, and exits 1 on any finding at all.
 *
 * Electronegativity is driven through its Node API rather than its CLI because, with
 * `-o`, the CLI drops parse errors silently (a file it could not read would pass) and
 * writes the CSV header and rows with two un-awaited writes that can land out of order.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfStale } from './build-freshness.mjs'
import { parseCsv } from './csv.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SCANNED = ['electron', 'dist', 'dist-electron', 'package.json']

/** Checks left out, and why. Everything else Electronegativity knows is run. */
const EXCLUDED_CHECKS = {
  // Downloads Electron's release list from GitHub, which cannot be reached offline.
  AvailableSecurityFixesGlobalCheck: 'needs the network',
  // Only feeds the check above; on its own it reports "uses Electron" as a finding.
  ElectronVersionJSONCheck: 'input of AvailableSecurityFixesGlobalCheck only',
}

const requireFromHere = createRequire(import.meta.url)
const engPackageDir = path.dirname(requireFromHere.resolve('@doyensec/electronegativity/package.json'))
const requireFromEng = createRequire(path.join(engPackageDir, 'package.json'))

/**
 * Electronegativity fetches updated UI translations from the internet on every run
 * (1 s timeout, then falls back to its bundled English). Answer that request locally
 * so a scan never reaches out, and never waits on, the network.
 */
function keepTranslationsOffline() {
  const gotPath = requireFromEng.resolve('got')
  const offline = () => Promise.reject(new Error('offline: using bundled translations'))
  requireFromEng.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: { __esModule: true, default: offline },
  }
  process.env.LANG = 'en-US' // its bundled locales are keyed like this, not like "C.UTF-8"
}

/** Runs `task` without the fallback notice above, which would wrongly suggest a failure. */
async function withoutTranslationNotice(task) {
  const log = console.log
  console.log = (...args) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args)
  }
  try {
    return await task()
  } finally {
    console.log = log
  }
}

/** The scanned paths, copied into one folder (source maps left out: they repeat the sources). */
function stageInputs(stage) {
  for (const input of SCANNED) {
    fs.cpSync(path.join(ROOT, input), path.join(stage, input), {
      recursive: true,
      filter: (source) => !source.endsWith('.map'),
    })
  }
}

function csvField(value) {
  return `"${String(value ?? '').replace(/"/g, '""')}"`
}

function writeCsv(file, issues) {
  const header = 'issue,severity,confidence,file,location,sample,description,manual_review'
  const rows = issues.map((issue) =>
    [
      issue.id,
      issue.severity.name,
      issue.confidence.name,
      issue.file,
      `${issue.location.line}:${issue.location.column}`,
      issue.sample,
      issue.description,
      issue.manualReview,
    ]
      .map(csvField)
      .join(','),
  )
  fs.writeFileSync(file, [header, ...rows].join('\n') + '\n')
}

/** The report above as one object per finding, keyed by its header row. */
function readReport(text) {
  const [header = [], ...body] = parseCsv(text)
  return body.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])))
}

async function main() {
  buildIfStale(ROOT)
  keepTranslationsOffline()
  const electronVersion = requireFromHere('electron/package.json').version
  const run = requireFromEng('./dist/runner.js')

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'))
  const stage = path.join(workDir, 'app')
  stageInputs(stage)

  const result = await withoutTranslationNotice(() =>
    run(
      {
        input: stage,
        isSarif: false,
        customScan: [],
        excludeFromScan: Object.keys(EXCLUDED_CHECKS),
        isRelative: true,
        isVerbose: true,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    ),
  )

  const report = path.join(workDir, 'electronegativity.csv')
  writeCsv(report, result.issues)
  const findings = readReport(fs.readFileSync(report, 'utf8'))
  const unreadable = result.errors.filter((error) => !error.tolerable)

  console.log(
    `Electronegativity ${requireFromEng('./package.json').version} (Electron ${electronVersion}): ` +
      `${result.globalChecks + result.atomicChecks} checks over ${SCANNED.join(', ')}; ` +
      `excluded ${Object.entries(EXCLUDED_CHECKS)
        .map(([check, why]) => `${check} (${why})`)
        .join(', ')}.`,
  )
  for (const finding of findings) {
    console.log(
      `- ${finding.issue} [${finding.severity}/${finding.confidence}] ${finding.file} ${finding.location}\n` +
        `    ${finding.description}${finding.sample ? `\n    > ${finding.sample}` : ''}`,
    )
  }
  for (const error of unreadable) console.log(`- could not scan ${path.relative(stage, error.file)}: ${error.message}`)
  console.log(`Report: ${report}`)

  const failed = findings.length + unreadable.length
  console.log(failed === 0 ? 'No findings.' : `${findings.length} finding(s), ${unreadable.length} unreadable file(s).`)
  process.exitCode = failed === 0 ? 0 : 1
}

await main()
