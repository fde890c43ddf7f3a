import { consola } from 'consola'
import type { Kysely } from 'kysely'
import type { RoleName } from '#shared/schemas/auth'
import { registerPermissionSource } from '../auth/permissions'
import type { Database } from '../db/types'
import { announceRegistryChange } from './cluster'
import { eventBus } from './events/bus'
import type { ModuleRegistry, RegisteredModule } from './registry'
import { ModuleRepository } from './repository'

const log = consola.withTag('dentalpin:modules')

/** A manifest grant `*` becomes `<module>.*`, any other grant `g` becomes `<module>.g`. */
export function namespaceGrant(module: string, grant: string): string {
  return grant === '*' ? `${module}.*` : `${module}.${grant}`
}

/**
 * What is served right now: the installed modules. Routes, permissions and
 * event handlers follow this set; it is refreshed from the database at boot
 * and after every applied operation.
 */
export class ModuleRuntime {
  #installed = new Set<string>()
  #subscribed = new Set<string>()
  #unregister: () => void

  constructor(readonly registry: ModuleRegistry) {
    this.#unregister = registerPermissionSource({
      declared: () => this.active().flatMap(m => m.permissions),
      grants: (role: RoleName) => this.active().flatMap(m => (m.manifest.role_permissions?.[role] ?? []).map(g => namespaceGrant(m.name, g))),
    })
  }

  /** Stops serving: permissions and handlers of every module are withdrawn. */
  dispose(): void {
    this.#unregister()
    for (const name of this.#subscribed) eventBus.unsubscribeOwner(name)
    this.#subscribed.clear()
    this.#installed.clear()
  }

  isInstalled(name: string): boolean {
    return this.#installed.has(name)
  }

  /** Installed modules that are on disk and loaded. */
  active(): RegisteredModule[] {
    return [...this.#installed].map(n => this.registry.get(n)).filter((m): m is RegisteredModule => m !== undefined)
  }

  /**
   * Reloads the served set from the database. `announce`: this instance made
   * the change, so every other instance on the database reloads too.
   */
  async refresh(db: Kysely<Database>, options: { announce?: boolean } = {}): Promise<void> {
    const served = await new ModuleRepository(db).served()
    this.#installed = new Set(served.filter(n => this.registry.get(n)))
    this.#syncHandlers()
    if (options.announce) announceRegistryChange()
  }

  // Handlers run while the module is installed, in a fresh unit of work of their own.
  #syncHandlers(): void {
    for (const name of [...this.#subscribed]) {
      if (!this.#installed.has(name)) {
        eventBus.unsubscribeOwner(name)
        this.#subscribed.delete(name)
      }
    }
    for (const m of this.active()) {
      if (this.#subscribed.has(m.name)) continue
      for (const [event, entry] of Object.entries(m.instance.getEventHandlers())) {
        const { handler, publisherOnly } = typeof entry === 'function' ? { handler: entry, publisherOnly: false } : entry
        eventBus.subscribe(event, (payload, e) => eventBus.unitOfWork(async () => handler(payload, e)), m.name, { publisherOnly })
      }
      this.#subscribed.add(m.name)
      log.debug(`handlers of ${m.name} subscribed`)
    }
  }
}
