import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
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
