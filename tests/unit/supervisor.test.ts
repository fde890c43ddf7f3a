import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSupervisor } from '../../scripts/supervisor.mjs'

// Real child processes: each "server" is a tiny node script with a given behaviour.
function script(code: string) {
  return () => spawn(process.execPath, ['-e', code], { stdio: 'ignore' })
}

describe('server supervisor', () => {
  it('starts the server again when it stops on its own (a requested restart)', async () => {
    let starts = 0
    const supervisor = createSupervisor({
      start: () => {
        starts++
        // The first run exits cleanly, as after a restart request; the second keeps running.
        return starts === 1 ? spawn(process.execPath, ['-e', 'process.exit(0)']) : spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
      },
      restartDelayMs: 10,
    })
    const done = supervisor.run()
    while (starts < 2) await new Promise(r => setTimeout(r, 20))
    expect(supervisor.pid).toBeTypeOf('number')
    supervisor.stop()
    expect(await done).toBe(0)
    expect(starts).toBe(2)
  })

  it('gives up with the exit code after repeated failures right after start', async () => {
    let starts = 0
    const messages: string[] = []
    const supervisor = createSupervisor({
      start: () => {
        starts++
        return script('process.exit(3)')()
      },
      log: (m: string) => messages.push(m),
      restartDelayMs: 10,
      maxFastFailures: 3,
    })
    expect(await supervisor.run()).toBe(3)
    expect(starts).toBe(3)
    expect(messages.at(-1)).toContain('giving up')
  })

  it('stops the server and itself when asked to stop', async () => {
    const supervisor = createSupervisor({ start: script('setTimeout(() => {}, 30000)'), restartDelayMs: 10 })
    const done = supervisor.run()
    await new Promise(r => setTimeout(r, 100))
    const pid = supervisor.pid
    supervisor.stop()
    expect(await done).toBe(0)
    expect(() => process.kill(pid, 0)).toThrow()
  })
})

// The real scripts, with a stand-in server (DENTALPIN_SERVER_ENTRY): whatever
// stops `npm run demo` or the supervisor must stop the server too, and the
// server must not outlive a supervisor that was killed outright.
describe('stopping npm run demo / npm start stops the server', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  let dir: string

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dentalpin-supervisor-'))
    // Records its pid, and whether it was stopped gracefully (SIGTERM), then runs until stopped.
    writeFileSync(join(dir, 'server.mjs'), [
      'import { writeFileSync } from \'node:fs\'',
      'writeFileSync(process.env.PID_FILE, String(process.pid))',
      'process.on(\'SIGTERM\', () => { writeFileSync(process.env.PID_FILE + \'.stopped\', \'SIGTERM\'); process.exit(0) })',
      'process.on(\'SIGINT\', () => { writeFileSync(process.env.PID_FILE + \'.stopped\', \'SIGINT\'); process.exit(0) })',
      'setInterval(() => {}, 1000)',
    ].join('\n'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** Alive and not a zombie waiting to be reaped. */
  function alive(pid: number): boolean {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
    }
    catch {
      return false
    }
  }

  async function until(check: () => boolean, ms = 8000): Promise<boolean> {
    const deadline = Date.now() + ms
    while (Date.now() < deadline) {
      if (check()) return true
      await new Promise(r => setTimeout(r, 50))
    }
    return check()
  }

  let n = 0
  /** Starts `node scripts/<script>` with the stand-in server; resolves once the server runs. */
  async function start(script: 'serve.mjs' | 'demo.mjs') {
    const pidFile = join(dir, `server-${++n}.pid`)
    const proc = spawn(process.execPath, [join(root, 'scripts', script)], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, DENTALPIN_SERVER_ENTRY: join(dir, 'server.mjs'), DENTALPIN_DEMO_SKIP_BUILD: '1', PID_FILE: pidFile, PORT: '0' },
    })
    const exited = new Promise<void>(resolve => proc.once('exit', () => resolve()))
    expect(await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').length > 0), `${script} did not start the server`).toBe(true)
    const server = Number(readFileSync(pidFile, 'utf8'))
    expect(alive(server)).toBe(true)
    return { proc, server, exited, stoppedGracefully: () => existsSync(`${pidFile}.stopped`) }
  }

  it.each([
    ['serve.mjs', 'SIGTERM'],
    ['serve.mjs', 'SIGINT'],
    ['serve.mjs', 'SIGHUP'],
    ['demo.mjs', 'SIGTERM'],
    ['demo.mjs', 'SIGINT'],
    ['demo.mjs', 'SIGHUP'],
  ] as const)('%s stopped by %s stops the server (gracefully) and waits for it', async (script, signal) => {
    const run = await start(script)
    run.proc.kill(signal)
    await run.exited
    // The script waited for its server: once it has exited, the server is gone.
    expect(await until(() => !alive(run.server), 2000)).toBe(true)
    expect(run.stoppedGracefully()).toBe(true)
  })

  it.each(['serve.mjs', 'demo.mjs'] as const)('%s killed outright (SIGKILL): the server notices and stops within seconds', async (script) => {
    const run = await start(script)
    run.proc.kill('SIGKILL')
    await run.exited
    expect(await until(() => !alive(run.server), 8000)).toBe(true)
    expect(run.stoppedGracefully()).toBe(true)
  })
})
