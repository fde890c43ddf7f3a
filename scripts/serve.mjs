#!/usr/bin/env node
// Keeps the production server running: starts `.output/server/index.mjs`,
// starts it again whenever it stops on its own (a requested restart, or a
// crash), and stops it when this process is asked to stop (SIGINT, SIGTERM,
// SIGHUP) or when the process that started this one is gone. A server that
// keeps dying right after start (bad configuration, database folder in use)
// is not restarted forever: after a few fast failures the supervisor gives up
// with the server's exit code. The server watches this process in turn
// (scripts/orphan-guard.mjs), so killing the supervisor outright stops it too.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createSupervisor, STOP_SIGNALS, watchParent } from './supervisor.mjs'

// DENTALPIN_SERVER_ENTRY: another server script (the supervisor's own tests).
const entry = process.env.DENTALPIN_SERVER_ENTRY || fileURLToPath(new URL('../.output/server/index.mjs', import.meta.url))
const guard = fileURLToPath(new URL('./orphan-guard.mjs', import.meta.url))
if (!existsSync(entry)) {
  console.error('[dentalpin] No production build found. Run `npm run build` first (or `npm run demo`).')
  process.exit(1)
}

const supervisor = createSupervisor({
  start: () => spawn(process.execPath, ['--import', guard, entry], { stdio: 'inherit', env: process.env }),
  log: message => console.log(`[dentalpin] ${message}`),
})

for (const signal of STOP_SIGNALS) {
  // SIGHUP (terminal closed) stops the server with SIGTERM, its usual graceful stop.
  process.on(signal, () => supervisor.stop(signal === 'SIGHUP' ? 'SIGTERM' : signal))
}
watchParent(() => {
  console.log('[dentalpin] the process that started the server is gone; stopping it.')
  supervisor.stop('SIGTERM')
})

supervisor.run().then(code => process.exit(code))
