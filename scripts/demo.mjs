#!/usr/bin/env node
// `npm run demo`: builds DentalPin when the build is missing, older than the
// sources or built with other community modules, then serves it supervised on
// the embedded database with demo data.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { STOP_SIGNALS, watchParent } from './supervisor.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
// The demo includes the sample community modules so they can be installed from /settings/modules.
process.env.DENTALPIN_MODULES ??= 'tests/fixtures/sample_base,tests/fixtures/sample_module'
const marker = join(root, '.output', 'nitro.json')
const SKIP = new Set(['node_modules', '.output', '.nuxt', '.data', '.git', 'tests', 'docs', '.storage', 'test-results'])

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

// The community modules configured now (DENTALPIN_MODULES, package.json) must be the ones built.
function configuredCommunity() {
  const fromEnv = (process.env.DENTALPIN_MODULES ?? '').split(',').map(s => s.trim()).filter(Boolean)
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  return [...new Set([...(pkg.dentalpin?.modules ?? []), ...fromEnv])].sort()
}
function builtCommunity() {
  try {
    return JSON.parse(readFileSync(join(root, '.output', 'dentalpin-build.json'), 'utf8')).community
  }
  catch {
    return null
  }
}

// DENTALPIN_DEMO_SKIP_BUILD=1: serve whatever is built (the supervisor's own tests).
const stale = process.env.DENTALPIN_DEMO_SKIP_BUILD !== '1' && (!existsSync(marker) || statSync(marker).mtimeMs < newestSource(root)
  || JSON.stringify(builtCommunity()) !== JSON.stringify(configuredCommunity()))
if (stale) {
  console.log('[dentalpin] Building DentalPin (about a minute)...')
  const build = spawnSync('npx', ['nuxt', 'build'], { cwd: root, stdio: 'inherit', env: process.env })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NUXT_DEMO: 'true', PORT: process.env.PORT || '3000' },
})
// Stopping `npm run demo` (Ctrl-C, SIGTERM, a closed terminal) stops the server
// and waits for it, so .data/ is released; so does the death of whatever started us.
let stopping = false
function stop(signal) {
  if (stopping) return
  stopping = true
  child.kill(signal)
  // A server that does not stop in time is killed; the exit handler below ends this process.
  setTimeout(() => child.kill('SIGKILL'), 20_000).unref()
}
for (const signal of STOP_SIGNALS) process.on(signal, () => stop(signal === 'SIGHUP' ? 'SIGTERM' : signal))
watchParent(() => stop('SIGTERM'))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
