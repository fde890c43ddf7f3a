#!/usr/bin/env node
// Keeps the production server running: starts `.output/server/index.mjs`,
// starts it again whenever it stops on its own (a requested restart, or a
// crash), and stops it when this process is asked to stop. A server that
// keeps dying right after start (bad configuration, database folder in use)
// is not restarted forever: after a few fast failures the supervisor gives up
// with the server's exit code.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createSupervisor } from './supervisor.mjs'

const entry = fileURLToPath(new URL('../.output/server/index.mjs', import.meta.url))
if (!existsSync(entry)) {
  console.error('[dentalpin] No production build found. Run `npm run build` first (or `npm run demo`).')
  process.exit(1)
}

const supervisor = createSupervisor({
  start: () => spawn(process.execPath, [entry], { stdio: 'inherit', env: process.env }),
  log: message => console.log(`[dentalpin] ${message}`),
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => supervisor.stop(signal))
}

supervisor.run().then(code => process.exit(code))
