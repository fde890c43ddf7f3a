import { mkdir, realpath, stat, statfs, unlink, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import type { Kysely } from 'kysely'
import { DomainError } from '../utils/errors'

/** Where backups and other files live (local storage; DENTALPIN_STORAGE_DIR overrides). */
export function storageDir(): string {
  return resolve(process.env.DENTALPIN_STORAGE_DIR || join(process.cwd(), '.storage'))
}

/** How long one file-system step of a storage check or a backup may take. */
const STORAGE_TIMEOUT_MS = Number(process.env.DENTALPIN_STORAGE_TIMEOUT_MS || 5000)

// Kernel pseudo-filesystems: writing there never stores a file (and a recursive
// mkdir under /proc used to loop forever in Node, blocking the server).
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev']
const PSEUDO_FS_TYPES = new Set([
  0x9FA0, // proc
  0x62656572, // sysfs
  0x1CD1, // devpts
  0x27E0EB, // cgroup
  0x63677270, // cgroup2
  0x64626720, // debugfs
  0x73636673, // securityfs
  0x6E736673, // nsfs
])

export interface StorageState {
  path: string
  ok: boolean
  /** Why it cannot be used (English, for the log and the admin); null when ok. */
  problem: string | null
}

/** The refusal of an operation that needs the storage folder. */
export function storageUnavailable(state: StorageState): DomainError {
  return new DomainError('unavailable', 'storage.unavailable', `The storage folder cannot be used (${state.path}): ${state.problem}`, { params: { path: state.path } })
}

function bounded<T>(what: string, work: Promise<T>, ms = STORAGE_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

const underPseudoRoot = (path: string) => PSEUDO_ROOTS.some(r => path === r || path.startsWith(`${r}${sep}`))

/** The deepest existing ancestor of `path` (itself when it exists), or a problem with the path. */
async function existingAncestor(path: string): Promise<{ path: string, isDir: boolean }> {
  let current = path
  for (;;) {
    try {
      const s = await stat(current)
      return { path: current, isDir: s.isDirectory() }
    }
    catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
      const parent = dirname(current)
      if (parent === current) throw error
      current = parent
    }
  }
}

/** Creates the missing folders of `path` one level at a time (never a recursive mkdir: it can loop forever). */
async function createFolders(from: string, path: string): Promise<void> {
  const missing: string[] = []
  for (let p = path; p !== from; p = dirname(p)) missing.unshift(p)
  for (const folder of missing) {
    try {
      await mkdir(folder)
    }
    catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (!(await stat(folder)).isDirectory()) throw new Error(`${folder} is not a folder`, { cause: error })
    }
  }
}

async function probe(path: string): Promise<void> {
  if (underPseudoRoot(path)) throw new Error('it is on a kernel pseudo-filesystem (/proc, /sys, /dev), where files cannot be kept')
  const ancestor = await existingAncestor(path)
  if (!ancestor.isDir) throw new Error(ancestor.path === path ? 'it is not a folder' : `${ancestor.path} is a file, not a folder`)
  const real = await realpath(ancestor.path)
  if (underPseudoRoot(real)) throw new Error('it is on a kernel pseudo-filesystem (/proc, /sys, /dev), where files cannot be kept')
  const fs = await statfs(real).catch(() => null)
  if (fs && PSEUDO_FS_TYPES.has(Number(fs.type))) throw new Error('it is on a kernel pseudo-filesystem, where files cannot be kept')
  await createFolders(ancestor.path, path)
  const testFile = join(path, `.dentalpin-write-test-${process.pid}`)
  await writeFile(testFile, 'ok')
  await unlink(testFile)
}

/**
 * Whether a folder can hold files: it is (or can be created as) a real folder
 * on a real filesystem and a file can be written in it. Every step is bounded
 * in time and asynchronous, so a broken or hung filesystem never blocks or
 * spins the server.
 */
export async function checkStorage(path: string = storageDir()): Promise<StorageState> {
  try {
    await bounded('the storage check', probe(path))
    return { path, ok: true, problem: null }
  }
  catch (error) {
    const e = error as NodeJS.ErrnoException
    const problem = e.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '')}` : e.message
    return { path, ok: false, problem }
  }
}

/**
 * Exports the module's tables (those getModels() declares and any other it
 * owns: preview.ts `moduleTables`), with all rows, as one JSON file:
 * `{module, version, created_at, tables: {name: rows[]}}`. Returns its path.
 * A storage folder that cannot be used fails with `storage.unavailable`
 * before anything is read.
 */
export async function backupModuleTables(db: Kysely<any>, module: string, version: string | null, owned: string[]): Promise<{ file: string, tables: Record<string, number> }> {
  const dir = join(storageDir(), 'backups')
  const state = await checkStorage(dir)
  if (!state.ok) throw storageUnavailable(state)
  const tables: Record<string, unknown[]> = {}
  const counts: Record<string, number> = {}
  for (const table of owned) {
    tables[table] = await db.selectFrom(table).selectAll().execute()
    counts[table] = tables[table]!.length
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const file = join(dir, `${module}-${version ?? 'unknown'}-${stamp}.json`)
  try {
    await bounded('writing the backup', writeFile(file, JSON.stringify({ module, version, created_at: new Date().toISOString(), tables }, null, 1)))
  }
  catch (error) {
    throw storageUnavailable({ path: dir, ok: false, problem: (error as Error).message })
  }
  return { file, tables: counts }
}
