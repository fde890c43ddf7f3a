import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openDatabase } from '../../server/db/database'
import { freePort, spawnServer, waitForStatus } from './process'
import type { ServerProcess } from './process'

export type TestDatabaseKind = 'pglite' | 'postgres'

/** Which database the API suites run on: PGlite unless DENTALPIN_TEST_DB=postgres. */
export function testDatabaseKind(): TestDatabaseKind {
  return process.env.DENTALPIN_TEST_DB === 'postgres' ? 'postgres' : 'pglite'
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

/** Starts the built server on a free port and a fresh database, ready to serve. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const database = options.database ?? await createTestDatabase()
  const port = await freePort()
  // Its own storage folder, removed at close: nothing carries over to a later suite (even on the same port).
  const storageDir = mkdtempSync(join(tmpdir(), 'dentalpin-storage-'))
  // What the earlier runs (before a restart) printed.
  let earlier = ''
  let proc: ServerProcess | undefined

  async function launch() {
    earlier += proc?.output() ?? ''
    proc = await spawnServer({ DENTALPIN_STORAGE_DIR: storageDir, ...database.env, ...options.env }, { port, supervised: options.supervised })
    if (await waitForStatus(proc, '/api/ready', 200, 60_000)) return
    // A server that never became ready must not outlive the suite that started it.
    proc.child.kill('SIGKILL')
    const code = proc.child.exitCode
    throw new Error(`${code === null ? 'server not ready after 60000 ms' : `server exited with ${code}`}:\n${proc.output()}`)
  }

  const stop = () => proc!.stop()
  await launch()
  return {
    url: proc!.url,
    port,
    database,
    output: () => earlier + proc!.output(),
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
