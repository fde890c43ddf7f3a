import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DataDirLockedError, lockDataDir } from '../../server/db/lock'

const dirs: string[] = []
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'dentalpin-lock-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('embedded database folder lock', () => {
  it('writes our pid and removes the lock on release', () => {
    const dir = tempDir()
    const release = lockDataDir(dir)
    expect(readFileSync(join(dir, 'dentalpin.lock'), 'utf8')).toBe(String(process.pid))
    release()
    expect(existsSync(join(dir, 'dentalpin.lock'))).toBe(false)
  })

  it('refuses a folder owned by another live process, naming it', async () => {
    const dir = tempDir()
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'])
    try {
      writeFileSync(join(dir, 'dentalpin.lock'), String(other.pid))
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
      expect(() => lockDataDir(dir)).toThrow(`in use by another DentalPin process (pid ${other.pid})`)
    }
    finally {
      other.kill()
    }
  })

  it('takes over a lock left by a process that is gone', async () => {
    const dir = tempDir()
    const gone = spawn(process.execPath, ['-e', ''])
    await new Promise(r => gone.on('exit', r))
    writeFileSync(join(dir, 'dentalpin.lock'), String(gone.pid))
    const release = lockDataDir(dir)
    expect(readFileSync(join(dir, 'dentalpin.lock'), 'utf8')).toBe(String(process.pid))
    release()
  })
})
