// Running the built server as a child process: `startServer()`
// (tests/support/server.ts) builds the usual ready server on it; tests that
// need a second process (data-folder locking, several servers on one
// PostgreSQL) or a server that never becomes ready use it directly.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

export interface ServerProcess {
  child: ChildProcess
  url: string
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>
  output(): string
  /** SIGTERM (SIGKILL after 10 s) and wait for the exit; resolves with the exit code. */
  stop(): Promise<number | null>
}

export interface SpawnOptions {
  /** The port to listen on (a free one by default). */
  port?: number
  /** Run under scripts/serve.mjs (the README's supervisor), so the server restarts by itself. */
  supervised?: boolean
}

/** Starts `node .output/server/index.mjs` with the harness's base environment plus `env`; does not wait for readiness. */
export async function spawnServer(env: Record<string, string>, options: SpawnOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? await freePort()
  const script = options.supervised ? 'scripts/serve.mjs' : '.output/server/index.mjs'
  const child = spawn(process.execPath, [join(root, script)], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      NITRO_HOST: '127.0.0.1',
      NITRO_PORT: String(port),
      DENTALPIN_TEST_ROUTES: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (d: Buffer) => {
    output += d
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    exited,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      const code = await exited
      clearTimeout(timer)
      return code
    },
  }
}

/** Polls `path` until it answers `status` (true) or the time runs out / the process exits (false). */
export async function waitForStatus(proc: ServerProcess, path: string, status: number, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && proc.child.exitCode === null) {
    const got = await fetch(proc.url + path).then(r => r.status, () => 0)
    if (got === status) return true
    await new Promise(r => setTimeout(r, 100))
  }
  return false
}
