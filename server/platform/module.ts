import type { ConsolaInstance } from 'consola'
import type { Kysely } from 'kysely'
import type { ZodType } from 'zod'
import type { Migration } from '../db/migrator'
import type { EventBus, EventHandler } from './events/bus'
import type { Manifest } from './manifest'
import { legacyManifest, parseManifest } from './manifest'

/** Passed to lifecycle hooks (docs/core-api.md, "ModuleContext"). */
export interface ModuleContext {
  moduleName: string
  /** The transaction of this unit of work: everything the hook writes commits with the operation or not at all. */
  db: Kysely<any>
  eventBus: EventBus
  /** Tagged `app.modules.<name>`. */
  logger: ConsolaInstance
}

/** Passed to `seedDemo`: the demo clinic and its users, one per role. */
export interface DemoContext extends ModuleContext {
  clinicId: string
  /** User id per role (`admin`, `dentist`, `hygienist`, `assistant`, `receptionist`). */
  users: Record<string, string>
}

/** A module's handler for one event: the function, or the function with subscribe options. */
export type ModuleEventHandler = EventHandler<any> | { handler: EventHandler<any>, publisherOnly?: boolean }

/** A table the module owns: its name (`<module>` or `<module>_*`) and, optionally, its row schema. */
export interface ModuleModel {
  table: string
  schema?: ZodType
}

/**
 * Every module extends this (docs/core-api.md, "BaseModule"). Set `static
 * manifest` (or an instance `manifest`); legacy modules override the
 * `name`/`version`/`dependencies` getters instead and get a synthesised
 * manifest.
 */
export abstract class BaseModule {
  static manifest?: Record<string, unknown>
  manifest?: Record<string, unknown>
  #parsed?: Manifest

  /** The raw manifest (instance field first, then the static one), or undefined for legacy modules. */
  rawManifest(): Record<string, unknown> | undefined {
    return this.manifest ?? (this.constructor as typeof BaseModule).manifest
  }

  get isLegacy(): boolean {
    return this.rawManifest() === undefined
  }

  get name(): string {
    const raw = this.rawManifest()
    if (raw && typeof raw.name === 'string') return raw.name
    throw new Error('module declares neither a manifest nor a name')
  }

  get version(): string {
    const raw = this.rawManifest()
    if (raw && typeof raw.version === 'string') return raw.version
    throw new Error('module declares neither a manifest nor a version')
  }

  get dependencies(): string[] {
    const raw = this.rawManifest()
    return Array.isArray(raw?.depends) ? raw.depends as string[] : []
  }

  /** The parsed, validated manifest; throws ManifestError listing every problem. */
  getManifest(): Manifest {
    this.#parsed ??= this.isLegacy
      ? legacyManifest(this.name, this.version, this.dependencies)
      : parseManifest(this.rawManifest())
    return this.#parsed
  }

  /**
   * The tables the module owns, exactly those its migrations leave behind:
   * the install fails (`modules.models_mismatch`) and `npm run modules --
   * validate` reports it when they differ, and an uninstall backs up these
   * tables first.
   */
  getModels(): ModuleModel[] {
    return []
  }

  /** Module-local permission strings; the registry namespaces them `<module>.<local>`. */
  getPermissions(): string[] {
    return []
  }

  /**
   * `{ [event]: handler }`. A handler that writes to the shared database can
   * be given as `{ handler, publisherOnly: true }`: it then runs only on the
   * instance that published the event, never once per instance.
   */
  getEventHandlers(): Record<string, ModuleEventHandler> {
    return {}
  }

  /** First install, after migrations and seed data. */
  async install(_ctx: ModuleContext): Promise<void> {}

  /** Before the module's data is deleted and its migrations are reverted. */
  async uninstall(_ctx: ModuleContext): Promise<void> {}

  /** After the upgrade's migrations and re-seed; `fromVersion` is the version that was installed. */
  async postUpgrade(_ctx: ModuleContext, _fromVersion: string): Promise<void> {}

  /**
   * Demo data for the README's run command (never in production): called once,
   * in the transaction that creates the demo clinic, for every installed
   * module in dependency order.
   */
  async seedDemo(_ctx: DemoContext): Promise<void> {}
}

export type ModuleClass = (new () => BaseModule) & { manifest?: Record<string, unknown> }

/** One module as the build hands it to the server (`#dentalpin/modules`). */
export interface ModuleEntry {
  id: string
  category: 'official' | 'community'
  /** Folder, relative to the app root when inside it. */
  source: string
  load: () => Promise<{ default: ModuleClass }>
  migrations: Record<string, () => Promise<Migration>>
  /** Seed files by path relative to the module (`data/defaults.yaml`) → content. */
  dataFiles: Record<string, string>
}
