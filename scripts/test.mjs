#!/usr/bin/env node
// `npm test`: the whole suite. Builds the app once, then runs the unit tests,
// the Vue component tests (happy-dom, no build needed), the API tests on
// PGlite, the API tests again on PostgreSQL when TEST_DATABASE_URL is set, and
// the browser flows in system Chromium.
// Prints each suite's counts and a closing "N passed, N failed" line; exits
// non-zero on any failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
// The test build also contains the fixture community modules the platform tests install.
const { TEST_MODULES } = await import('../tests/support/test-modules.mjs')
const tmp = mkdtempSync(join(tmpdir(), 'dentalpin-results-'))
const only = process.argv.slice(2)

const suites = [
  { name: 'unit', project: 'unit', env: {} },
  { name: 'components', project: 'components', env: {} },
  { name: 'platform (pglite)', project: 'platform', env: { DENTALPIN_TEST_DB: 'pglite' } },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'platform (postgres)', project: 'platform', env: { DENTALPIN_TEST_DB: 'postgres' } }]
    : []),
  { name: 'api (pglite)', project: 'api', env: { DENTALPIN_TEST_DB: 'pglite' } },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'api (postgres)', project: 'api', env: { DENTALPIN_TEST_DB: 'postgres' } }]
    : []),
  { name: 'e2e', project: 'e2e', env: {} },
].filter(s => only.length === 0 || only.includes(s.project))

if (!process.env.TEST_DATABASE_URL && (only.length === 0 || only.includes('api'))) {
  console.log('[test] TEST_DATABASE_URL is not set: the API suite runs on PGlite only.')
}

function run(command, args, env = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
}

if (suites.some(s => s.project === 'api' || s.project === 'e2e') && process.env.DENTALPIN_SKIP_BUILD !== '1') {
  console.log('\n[test] Building the app once for the API and browser suites...')
  const build = run('npx', ['nuxt', 'build'], { DENTALPIN_MODULES: TEST_MODULES })
  if (build.status !== 0) {
    console.error('[test] nuxt build failed')
    process.exit(1)
  }
}

const results = []
for (const suite of suites) {
  console.log(`\n[test] ── ${suite.name} ──`)
  const out = join(tmp, `${suite.project}-${results.length}.json`)
  const res = run('npx', ['vitest', 'run', '--project', suite.project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], suite.env)
  let counts = { passed: 0, failed: 0, skipped: 0 }
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'))
    counts = {
      passed: report.numPassedTests,
      failed: report.numFailedTests + (report.numFailedTestSuites ?? 0),
      skipped: report.numPendingTests + (report.numTodoTests ?? 0),
    }
  }
  // A crashed run, a failing file without tests, or an empty run is a failure.
  if (res.status !== 0 && counts.failed === 0) counts.failed = 1
  if (counts.passed + counts.failed === 0) {
    console.error(`[test] ${suite.name}: no test ran`)
    counts.failed = 1
  }
  results.push({ suite: suite.name, ...counts })
}
rmSync(tmp, { recursive: true, force: true })

console.log('\n[test] Summary')
for (const r of results) {
  console.log(`  ${r.suite.padEnd(16)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`)
}
const passed = results.reduce((n, r) => n + r.passed, 0)
const failed = results.reduce((n, r) => n + r.failed, 0)
const skipped = results.reduce((n, r) => n + r.skipped, 0)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
