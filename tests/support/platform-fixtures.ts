// In-memory module entries for the platform suites (tests/platform): a module
// class extending BaseModule with a static manifest, Kysely migrations, YAML
// seed files, optional hooks and event handlers, and fault injection (a flag
// object read at run time that makes a migration, a seed record, the install
// hook or the post-upgrade hook throw). Plus small database probes the suites
// share (table lists, journal, module rows, whole-database snapshots).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, expect } from 'vitest'
import { stringify as toYaml } from 'yaml'
import type { Migration } from '../../server/db/migrator'
import type { ErrorItem } from '../../shared/types/envelope'
import { ModuleOperationError, storedError } from '../../server/platform/errors'
import { startPlatform, stopPlatform } from '../../server/platform'
import type { Platform } from '../../server/platform'
import { BaseModule } from '../../server/platform/module'
import type { ModuleClass, ModuleContext, ModuleEntry, ModuleEventHandler } from '../../server/platform/module'
import { openTestDb } from './database'
import type { OpenTestDb } from './database'

/** Flags read when the pipeline runs: set one to make that step of the module throw. */
export interface Faults {
  /** The module's last migration throws after doing its work. */
  migrate?: boolean
  /** A seed record into a column that does not exist is appended to the last data file. */
  seed?: boolean
  /** The install hook throws after its own work (and after publishing its events). */
  install?: boolean
  /** postUpgrade throws after its own work. */
  postUpgrade?: boolean
  /** The uninstall hook throws. */
  uninstall?: boolean
}

/** A table created by one generated migration: `id uuid` primary key, `code`, `label`, optional `clinic_id`. */
export interface TableSpec {
  name: string
  /** Adds `clinic_id uuid not null references clinics` (a tenant-scoped table). */
  tenant?: boolean
  /** Extra columns: name → SQL type (`'integer'`, `'text'`, …); `{ references: 'table.col' }` for a foreign key. */
  columns?: Record<string, string | { type: string, references: string }>
}

export interface SeedRecord {
  id: string
  table: string
  values: Record<string, unknown>
  noupdate?: boolean
}

export interface HookCall {
  hook: 'install' | 'uninstall' | 'postUpgrade'
  fromVersion?: string
}

export interface TestModuleSpec {
  name: string
  version?: string
  category?: 'official' | 'community'
  depends?: string[]
  installable?: boolean
  auto_install?: boolean
  removable?: boolean
  min_core_version?: string
  max_core_version?: string
  summary?: string
  role_permissions?: Record<string, string[]>
  /** Extra or overriding manifest keys (anything, even invalid, for broken-module tests). */
  manifest?: Record<string, unknown>
  /** One generated migration per table, named `2026010100000<i>_create_<table>`, in this order. */
  tables?: (string | TableSpec)[]
  /** Hand-written migrations, added to the generated ones. */
  migrations?: Record<string, Migration>
  /** What getModels() declares; by default the `tables`. */
  models?: string[]
  /** Data files: `data/x.yaml` → records (stringified to YAML) or raw YAML. Listed in the manifest in this order. */
  data?: Record<string, SeedRecord[] | string>
  hooks?: {
    install?: (ctx: ModuleContext) => unknown
    uninstall?: (ctx: ModuleContext) => unknown
    postUpgrade?: (ctx: ModuleContext, fromVersion: string) => unknown
  }
  eventHandlers?: Record<string, ModuleEventHandler>
  /** Module-local permissions (`read`, `write`): namespaced by the registry. */
  permissions?: string[]
  /** Makes `load()` reject with this message. */
  loadError?: string
  faults?: Faults
}

export interface TestModule {
  name: string
  entry: ModuleEntry
  faults: Faults
  /** Every hook call, in order (including calls whose transaction rolled back). */
  calls: HookCall[]
  /** Names of the generated migrations, in order. */
  migrationNames: string[]
}

const FAULT_COLUMN = 'no_such_column'

function tableSpec(t: string | TableSpec): TableSpec {
  return typeof t === 'string' ? { name: t } : t
}

export function migrationName(index: number, table: string): string {
  return `2026010100${String(index).padStart(4, '0')}_create_${table}`
}

function createTableMigration(spec: TableSpec): Migration {
  return {
    async up(db) {
      let builder = db.schema.createTable(spec.name)
        .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('code', 'text')
        .addColumn('label', 'text')
      if (spec.tenant) builder = builder.addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
      for (const [column, def] of Object.entries(spec.columns ?? {})) {
        if (typeof def === 'string') builder = builder.addColumn(column, sql.raw(def), c => c)
        else builder = builder.addColumn(column, sql.raw(def.type), c => c.references(def.references))
      }
      await builder.execute()
    },
    async down(db) {
      await db.schema.dropTable(spec.name).execute()
    },
  }
}

/** Builds one in-memory module entry (an official module unless `category` says otherwise). */
export function defineTestModule(spec: TestModuleSpec): TestModule {
  const faults: Faults = spec.faults ?? {}
  const calls: HookCall[] = []
  const tables = (spec.tables ?? []).map(tableSpec)
  const category = spec.category ?? 'official'
  const dataFileNames = Object.keys(spec.data ?? {})

  const manifest: Record<string, unknown> = {
    name: spec.name,
    version: spec.version ?? '1.0.0',
    category,
    depends: spec.depends ?? [],
    installable: spec.installable ?? true,
    auto_install: spec.auto_install ?? false,
    removable: spec.removable ?? true,
    ...(spec.summary !== undefined ? { summary: spec.summary } : {}),
    ...(spec.min_core_version ? { min_core_version: spec.min_core_version } : {}),
    ...(spec.max_core_version ? { max_core_version: spec.max_core_version } : {}),
    ...(spec.role_permissions ? { role_permissions: spec.role_permissions } : {}),
    ...(dataFileNames.length ? { data_files: dataFileNames } : {}),
    ...spec.manifest,
  }

  // Migrations: generated ones first, then hand-written; the last one (by name) carries the migrate fault.
  const migrationObjects: Record<string, Migration> = {}
  const migrationNames: string[] = []
  tables.forEach((t, i) => {
    const name = migrationName(i, t.name)
    migrationNames.push(name)
    migrationObjects[name] = createTableMigration(t)
  })
  Object.assign(migrationObjects, spec.migrations ?? {})
  const lastMigration = Object.keys(migrationObjects).sort().at(-1)
  const migrations: ModuleEntry['migrations'] = {}
  for (const [name, m] of Object.entries(migrationObjects)) {
    const wrapped: Migration = name === lastMigration
      ? {
          async up(db) {
            await m.up(db)
            if (faults.migrate) throw new Error(`injected migration fault in ${spec.name}`)
          },
          ...(m.down ? { down: m.down } : {}),
        }
      : m
    migrations[name] = async () => wrapped
  }

  // Data files, rendered when read so the seed fault can be switched on after the entry is built.
  const dataFiles: Record<string, string> = {}
  const faultTable = tables[0]?.name ?? spec.name
  dataFileNames.forEach((file, i) => {
    const content = spec.data![file]!
    const isLast = i === dataFileNames.length - 1
    Object.defineProperty(dataFiles, file, {
      enumerable: true,
      get() {
        const text = typeof content === 'string' ? content : toYaml(content)
        if (!isLast || !faults.seed) return text
        const bad: SeedRecord = { id: 'injected_fault', table: faultTable, values: { [FAULT_COLUMN]: 1 } }
        return typeof content === 'string' ? `${content.trimEnd()}\n${toYaml([bad])}` : toYaml([...content, bad])
      },
    })
  })

  const hooks = spec.hooks ?? {}
  const models = (spec.models ?? tables.map(t => t.name)).map(table => ({ table }))
  const permissions = spec.permissions ?? []
  const eventHandlers = spec.eventHandlers ?? {}

  class TestModuleClass extends BaseModule {
    static override manifest = manifest

    override getPermissions(): string[] {
      return permissions
    }

    override getModels() {
      return models
    }

    override getEventHandlers(): Record<string, ModuleEventHandler> {
      return eventHandlers
    }

    override async install(ctx: ModuleContext): Promise<void> {
      calls.push({ hook: 'install' })
      await hooks.install?.(ctx)
      if (faults.install) throw new Error(`injected install hook fault in ${spec.name}`)
    }

    override async uninstall(ctx: ModuleContext): Promise<void> {
      calls.push({ hook: 'uninstall' })
      await hooks.uninstall?.(ctx)
      if (faults.uninstall) throw new Error(`injected uninstall hook fault in ${spec.name}`)
    }

    override async postUpgrade(ctx: ModuleContext, fromVersion: string): Promise<void> {
      calls.push({ hook: 'postUpgrade', fromVersion })
      await hooks.postUpgrade?.(ctx, fromVersion)
      if (faults.postUpgrade) throw new Error(`injected postUpgrade fault in ${spec.name}`)
    }
  }

  const entry: ModuleEntry = {
    id: spec.name,
    category,
    source: category === 'official' ? `layers/${spec.name}` : `community/${spec.name}`,
    load: async () => {
      if (spec.loadError) throw new Error(spec.loadError)
      return { default: TestModuleClass as unknown as ModuleClass }
    },
    migrations,
    dataFiles,
  }
  return { name: spec.name, entry, faults, calls, migrationNames }
}

export function entriesOf(...modules: TestModule[]): ModuleEntry[] {
  return modules.map(m => m.entry)
}

// ---------------------------------------------------------------- database probes

/** Base tables of the current schema, sorted. */
export async function tableNames(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
  return rows.map(r => r.name)
}

export async function tableExists(db: Kysely<any>, table: string): Promise<boolean> {
  return (await tableNames(db)).includes(table)
}

export async function moduleRow(db: Kysely<any>, name: string) {
  return db.selectFrom('core_module').selectAll().where('name', '=', name).executeTakeFirst()
}

export interface JournalEntry {
  id: string
  module: string
  operation: string
  status: string
  from_version: string | null
  to_version: string | null
  plan: Record<string, any>
  steps: { step: string, status: string, details?: Record<string, any>, error_code?: string, error_params?: Record<string, any> }[]
  error_code: string | null
  error_params: Record<string, any> | null
  failed_step: string | null
  created_at: Date
}

/** Journal entries, oldest first (optionally of one module). */
export async function journal(db: Kysely<any>, module?: string): Promise<JournalEntry[]> {
  let q = db.selectFrom('core_module_operation').selectAll()
  if (module) q = q.where('module', '=', module)
  const rows = await q.orderBy('created_at').orderBy('started_at').execute()
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v)
  return rows.map(r => ({ ...r, plan: json(r.plan), steps: json(r.steps), error_params: json(r.error_params) })) as JournalEntry[]
}

export interface Snapshot {
  columns: Record<string, string[]>
  rows: Record<string, unknown[]>
  modules: Record<string, { state: string, installed_version: string | null }>
}

const NOT_DUMPED = new Set(['core_module_operation', 'core_module', 'sessions'])

/**
 * The whole database as comparable data: every table of the current schema
 * with its columns (information_schema), every row of every table (sorted)
 * except the journal, sessions and core_module, of which only state and
 * installed_version are kept. `ignore` drops tables owned by the named modules
 * and their rows in core_migration / core_module_record / core_module.
 */
export async function snapshot(db: Kysely<any>, ignore: string[] = []): Promise<Snapshot> {
  const owned = (t: string) => ignore.some(m => t === m || t.startsWith(`${m}_`))
  const { rows: cols } = await sql<{ table_name: string, column_name: string, data_type: string, is_nullable: string }>`
    select c.table_name, c.column_name, c.data_type, c.is_nullable
    from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db)
  const columns: Record<string, string[]> = {}
  for (const c of cols) {
    if (owned(c.table_name)) continue
    const list = columns[c.table_name] ??= []
    list.push(`${c.column_name}:${c.data_type}:${c.is_nullable}`)
  }
  const rows: Record<string, unknown[]> = {}
  for (const table of Object.keys(columns).sort()) {
    if (NOT_DUMPED.has(table)) continue
    let dump = (await db.selectFrom(table).selectAll().execute()).map(r => JSON.stringify(r))
    if (table === 'core_migration') dump = dump.filter(r => !ignore.includes(JSON.parse(r).history))
    if (table === 'core_module_record') dump = dump.filter(r => !ignore.includes(JSON.parse(r).module))
    rows[table] = dump.sort()
  }
  const modules: Snapshot['modules'] = {}
  for (const r of await db.selectFrom('core_module').select(['name', 'state', 'installed_version']).orderBy('name').execute()) {
    if (!ignore.includes(r.name)) modules[r.name] = { state: r.state, installed_version: r.installed_version }
  }
  return { columns, rows, modules }
}

/** Creates a clinic directly (outside any module) and returns its id. */
export async function createClinic(db: Kysely<any>, name: string): Promise<string> {
  const row = await db.insertInto('clinics').values({ name }).returning('id').executeTakeFirstOrThrow()
  return row.id as string
}

/** Awaits a rejection with a ModuleOperationError of this HTTP status whose message contains every fragment. */
export async function expectOperationError(promise: Promise<unknown>, status: number, ...fragments: string[]): Promise<ModuleOperationError> {
  let caught: unknown
  try {
    await promise
  }
  catch (error) {
    caught = error
  }
  expect(caught, 'expected a ModuleOperationError').toBeInstanceOf(ModuleOperationError)
  const error = caught as ModuleOperationError
  expect(error.status, error.message).toBe(status)
  for (const f of fragments) expect(error.message).toContain(f)
  return error
}

/**
 * Points DENTALPIN_STORAGE_DIR (uninstall backups) at a fresh temp folder;
 * `restore()` puts the previous value back and removes the folder.
 */
export function useTempStorage(): { dir: string, restore: () => void } {
  const saved = process.env.DENTALPIN_STORAGE_DIR
  const dir = mkdtempSync(join(tmpdir(), 'dentalpin-storage-'))
  process.env.DENTALPIN_STORAGE_DIR = dir
  return {
    dir,
    restore() {
      if (saved === undefined) delete process.env.DENTALPIN_STORAGE_DIR
      else process.env.DENTALPIN_STORAGE_DIR = saved
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A stored error (a module row, a journal entry or one of its steps) as the API hands it out. */
export function errorOf(r: { error_code?: string | null, error_params?: Record<string, any> | null } | null | undefined): ErrorItem | null {
  return storedError(r?.error_code, r?.error_params)
}

/** One suite's database and platform (see `usePlatformSuite`). */
export interface PlatformSuite {
  readonly db: OpenTestDb['db']
  readonly platform: Platform
  /** The suite's storage folder (uninstall backups). */
  readonly storageDir: string
  /** Stops the running platform and starts it again on these modules (a new process, in effect). */
  boot: (...modules: TestModule[]) => Promise<Platform>
}

/**
 * One suite's platform: temp storage and a fresh test database before the
 * suite (then `setup`, then the platform started on `modules` when there are
 * any); the platform stopped, the database closed and the storage removed
 * after it.
 */
export function usePlatformSuite(modules: TestModule[] = [], setup?: (db: OpenTestDb['db']) => Promise<void>): PlatformSuite {
  let storage: ReturnType<typeof useTempStorage> | undefined
  let t: OpenTestDb | undefined
  let platform: Platform | undefined
  const suite: PlatformSuite = {
    get db() {
      return t!.db
    },
    get platform() {
      return platform!
    },
    get storageDir() {
      return storage!.dir
    },
    async boot(...list) {
      stopPlatform()
      platform = await startPlatform(t!.db, entriesOf(...list))
      return platform
    },
  }
  beforeAll(async () => {
    storage = useTempStorage()
    t = await openTestDb()
    await setup?.(t.db)
    if (modules.length) await suite.boot(...modules)
  })
  afterAll(async () => {
    stopPlatform()
    await t?.close()
    storage?.restore()
  })
  return suite
}
