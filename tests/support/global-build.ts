import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { TEST_MODULES } from './test-modules.mjs'

// The API and browser suites run against the production build. scripts/test.mjs
// builds once per run; running a project directly builds only when no build exists.
export default function setup() {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  if (existsSync(`${root}/.output/server/index.mjs`)) return
  const result = spawnSync('npx', ['nuxt', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, DENTALPIN_MODULES: TEST_MODULES } })
  if (result.status !== 0) throw new Error('nuxt build failed')
}
