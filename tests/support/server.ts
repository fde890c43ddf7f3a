import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { openDatabase } from '../../server/db/database'

const root = fileURLToPath(new URL('../..', import.meta.url))
const entry = join(root, '.output/server/index.mjs')

export type TestDatabaseKind = 'pglite' | 'postgres'

/** Which database the API suites run on: PGlite unless DENTALPIN_TEST_DB=postgres. */
export function testDatabaseKind(): TestDatabaseKind {
  return process.env.DENTALPIN_TEST_DB === 'postgres' ? 'postgres' : 'pglite'
}

async function freePort(): Promise<number> {
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

/** A fresh database per suite: a temp folder for PGlite, a new database on the PostgreSQL server. */
export interface TestDatabase {
  kind: TestDatabaseKind
  env: Record<string, string>
  drop(): Promise<void>
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL
    if (!adminUrl) throw new Error('DENTALPIN_TEST_DB=postgres needs TEST_DATABASE_URL')
    const name = `dentalpin_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    return {
      kind: 'postgres',
      env: { DATABASE_URL: url.toString() },
      async drop() {
        const c = new pg.Client({ connectionString: adminUrl })
        await c.connect()
        await c.query(`drop database if exists ${name} with (force)`)
        await c.end()
      },
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'dentalpin-test-'))
  return {
    kind: 'pglite',
    env: { DENTALPIN_DATA_DIR: dir },
    async drop() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface TestServer {
  url: string
  port: number
  database: TestDatabase
  /** Everything the server printed, for assertions on logs. */
  output(): string
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<number | null>
  /** Stops and starts the server again on the same database. */
  restart(): Promise<void>
  /** Stops the server and drops its database. */
  close(): Promise<void>
}

export interface StartOptions {
  env?: Record<string, string>
  database?: TestDatabase
  /** Run under scripts/serve.mjs (the README's supervisor), so the server restarts by itself. */
  supervised?: boolean
}

async function waitForReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(`${url}/api/ready`)
      if (res.status === 200) return
    }
    catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output()}`)
}

/** Starts the built server on a free port and a fresh database, ready to serve. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const database = options.database ?? await createTestDatabase()
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // Its own storage folder, removed at close: nothing carries over to a later suite (even on the same port).
  const storageDir = mkdtempSync(join(tmpdir(), 'dentalpin-storage-'))
  let log = ''
  let child: ChildProcess

  async function launch() {
    child = spawn(process.execPath, [options.supervised ? join(root, 'scripts/serve.mjs') : entry], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'test',
        NITRO_HOST: '127.0.0.1',
        NITRO_PORT: String(port),
        DENTALPIN_TEST_ROUTES: '1',
        DENTALPIN_STORAGE_DIR: storageDir,
        ...database.env,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const append = (d: Buffer) => {
      log += d
    }
    child.stdout!.on('data', append)
    child.stderr!.on('data', append)
    try {
      await waitForReady(url, child, () => log)
    }
    catch (error) {
      // A server that never became ready must not outlive the suite that started it.
      child.kill('SIGKILL')
      throw error
    }
  }

  async function stop(): Promise<number | null> {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
    const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    const code = await exited
    clearTimeout(timer)
    return code
  }

  await launch()
  return {
    url,
    port,
    database,
    output: () => log,
    stop,
    async restart() {
      await stop()
      await launch()
    },
    async close() {
      await stop()
      if (!options.database) await database.drop()
      rmSync(storageDir, { recursive: true, force: true })
    },
  }
}

/** Opens the server's database in this process (the server must be stopped for PGlite). */
export async function withServerDatabase(server: TestServer, fn: (db: any) => Promise<void>) {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DENTALPIN_DATA_DIR: process.env.DENTALPIN_DATA_DIR }
  process.env.DATABASE_URL = server.database.env.DATABASE_URL ?? ''
  process.env.DENTALPIN_DATA_DIR = server.database.env.DENTALPIN_DATA_DIR ?? ''
  try {
    const handle = await openDatabase()
    try {
      await fn(handle.db)
    }
    finally {
      await handle.close()
    }
  }
  finally {
    process.env.DATABASE_URL = saved.DATABASE_URL ?? ''
    process.env.DENTALPIN_DATA_DIR = saved.DENTALPIN_DATA_DIR ?? ''
  }
}
