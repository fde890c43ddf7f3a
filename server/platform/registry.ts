import { consola } from 'consola'
import type { ErrorParams } from '#shared/types/envelope'
import type { MigrationSet } from '../db/migrator'
import type { GraphModule } from './graph'
import type { Manifest, ManifestIssue } from './manifest'
import { ManifestError } from './manifest'
import type { BaseModule, ModuleEntry } from './module'
import { checkEntry, readModuleExport } from './rules'

/** A module on disk whose code loaded and whose manifest is valid. */
export interface RegisteredModule {
  name: string
  source: string
  category: 'official' | 'community'
  manifest: Manifest
  instance: BaseModule
  legacy: boolean
  migrations: MigrationSet
  dataFiles: Record<string, string>
  /** Declared permissions, namespaced `<module>.<local>`. */
  permissions: string[]
}

/** A module on disk that is kept out: it failed to load or to validate. */
export interface BrokenModule {
  id: string
  source: string
  name: string | null
  error: string
  /** `error` as a stable code and params: `modules.manifest_invalid`, `modules.duplicate_name` or `modules.load_failed`. */
  code: string
  params: ErrorParams
  issues: ManifestIssue[]
}

class DuplicateNameError extends Error {
  constructor(readonly moduleName: string) {
    super(`another module is already named "${moduleName}"`)
  }
}

const log = consola.withTag('dentalpin:modules')

/** The modules on disk, as loaded at boot. */
export class ModuleRegistry {
  readonly modules = new Map<string, RegisteredModule>()
  readonly broken: BrokenModule[] = []

  get(name: string): RegisteredModule | undefined {
    return this.modules.get(name)
  }

  all(): RegisteredModule[] {
    return [...this.modules.values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  /** The dependency graph of the loaded modules. */
  graph(): GraphModule[] {
    return this.all().map(m => ({ name: m.name, version: m.manifest.version, depends: m.manifest.depends }))
  }

  /** Loads every entry; one that fails is recorded as broken, never stops the others. */
  async load(entries: ModuleEntry[]): Promise<void> {
    for (const entry of entries) {
      try {
        const registered = await loadEntry(entry)
        if (this.modules.has(registered.name)) throw new DuplicateNameError(registered.name)
        this.modules.set(registered.name, registered)
      }
      catch (error) {
        const issues = error instanceof ManifestError ? error.issues : []
        const name = error instanceof ManifestError ? error.moduleName ?? null : null
        const message = (error as Error)?.message ?? String(error)
        const [code, params]: [string, ErrorParams] = error instanceof ManifestError
          ? ['modules.manifest_invalid', { module: name ?? entry.id, source: entry.source }]
          : error instanceof DuplicateNameError
            ? ['modules.duplicate_name', { module: error.moduleName, source: entry.source }]
            : ['modules.load_failed', { module: entry.id, source: entry.source, detail: message }]
        this.broken.push({ id: entry.id, source: entry.source, name, error: message, code, params, issues })
        log.error(`module ${entry.source} is kept out: ${(error as Error).message}`)
      }
    }
  }
}

async function loadEntry(entry: ModuleEntry): Promise<RegisteredModule> {
  const mod = await entry.load()
  if (typeof mod.default !== 'function') throw new Error('module.ts has no default export class')
  const read = readModuleExport(mod.default)
  if (!read.ok) throw new Error(read.message)
  const instance = read.instance as unknown as BaseModule
  if (typeof instance.getManifest !== 'function') throw new Error('the default export does not extend BaseModule')
  const manifest = instance.getManifest()
  const problems = checkEntry({ id: entry.id, category: entry.category, dataFiles: Object.keys(entry.dataFiles) }, manifest)
  if (problems.length > 0) throw new ManifestError(problems.map(p => ({ path: p.path, message: p.message })), manifest.name)
  const migrations: MigrationSet = { history: manifest.name, migrations: {} }
  for (const [name, loadMigration] of Object.entries(entry.migrations)) {
    const m = await loadMigration()
    if (typeof m.up !== 'function') throw new Error(`migration ${name} has no up()`)
    migrations.migrations[name] = m
  }
  return {
    name: manifest.name,
    source: entry.source,
    category: entry.category,
    manifest,
    instance,
    legacy: instance.isLegacy,
    migrations,
    dataFiles: entry.dataFiles,
    permissions: instance.getPermissions().map(p => `${manifest.name}.${p}`),
  }
}
