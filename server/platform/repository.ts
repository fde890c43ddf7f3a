// Every read and write of `core_module` (one row per module: its state,
// installed version, manifests and last error), in one place.
import { sql } from 'kysely'
import type { Kysely, Selectable } from 'kysely'
import type { ErrorItem } from '#shared/types/envelope'
import type { CoreModuleTable, Database, ModuleState } from '../db/types'
import type { Manifest } from './manifest'

type Db = Kysely<Database>
export type ModuleRow = Selectable<CoreModuleTable>

/** States with an operation waiting to be applied. */
export const PENDING_STATES: ModuleState[] = ['to_install', 'to_upgrade', 'to_remove']
/** States whose module is served (its schema is in place). */
const SERVED_STATES: ModuleState[] = ['installed', 'to_upgrade', 'to_remove']

const now = () => sql<Date>`now()`

export class ModuleRepository {
  constructor(readonly db: Db) {}

  /** The same repository inside a transaction. */
  in(trx: Db): ModuleRepository {
    return new ModuleRepository(trx)
  }

  all(): Promise<ModuleRow[]> {
    return this.db.selectFrom('core_module').selectAll().execute()
  }

  get(name: string): Promise<ModuleRow | undefined> {
    return this.db.selectFrom('core_module').selectAll().where('name', '=', name).executeTakeFirst()
  }

  async states(): Promise<Map<string, ModuleState>> {
    const rows = await this.db.selectFrom('core_module').select(['name', 'state']).execute()
    return new Map(rows.map(r => [r.name, r.state]))
  }

  /** Modules with a pending operation. */
  pending(): Promise<{ name: string, state: ModuleState }[]> {
    return this.db.selectFrom('core_module').select(['name', 'state']).where('state', 'in', PENDING_STATES).execute()
  }

  /** Names of the modules whose schema is in place (what the runtime serves). */
  async served(): Promise<string[]> {
    const rows = await this.db.selectFrom('core_module').select('name').where('state', 'in', SERVED_STATES).execute()
    return rows.map(r => r.name)
  }

  /**
   * Records a module seen on disk: a new row (`to_install` when it installs
   * itself) or the known row's metadata refreshed; never touches state or
   * installed_version. True when the row is new.
   */
  async upsertSeen(manifest: Manifest): Promise<boolean> {
    const values = { category: manifest.category, removable: manifest.removable, auto_install: manifest.auto_install, manifest: JSON.stringify(manifest) }
    const row = await this.db.insertInto('core_module')
      .values({ name: manifest.name, state: manifest.auto_install ? 'to_install' : 'uninstalled', ...values })
      .onConflict(oc => oc.column('name').doUpdateSet(values))
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .executeTakeFirstOrThrow()
    return row.inserted
  }

  /** Moves modules to a state; `clearError` forgets their last error, `force` is kept for the apply. */
  async setState(names: string[], state: ModuleState, options: { clearError?: boolean, force?: boolean, onlyFrom?: ModuleState } = {}): Promise<number> {
    if (names.length === 0) return 0
    let q = this.db.updateTable('core_module').set({
      state,
      last_state_change: now(),
      ...(options.clearError ? { error_code: null, error_params: null, error_at: null } : {}),
      ...(options.force !== undefined ? { pending_force: options.force } : {}),
    }).where('name', 'in', names)
    if (options.onlyFrom) q = q.where('state', '=', options.onlyFrom)
    const res = await q.executeTakeFirst()
    return Number(res.numUpdatedRows)
  }

  /** A module no longer on disk is forgotten as uninstalled. False when there is no such row. */
  async forget(name: string): Promise<boolean> {
    const res = await this.db.updateTable('core_module').set({ state: 'uninstalled', installed_version: null, last_state_change: now() })
      .where('name', '=', name).executeTakeFirst()
    return Number(res.numUpdatedRows) > 0
  }

  /** A pending operation that failed or was skipped: back to its stable state, with the error. */
  async revert(name: string, from: ModuleState, to: ModuleState, error: ErrorItem): Promise<void> {
    await this.db.updateTable('core_module').set({
      state: to,
      pending_force: false,
      error_code: error.code,
      error_params: JSON.stringify(error.params ?? {}),
      error_at: now(),
      last_state_change: now(),
    }).where('name', '=', name).where('state', '=', from).execute()
  }

  /** An install or upgrade went through: installed at this manifest's version. */
  async markInstalled(manifest: Manifest, firstInstall: boolean): Promise<void> {
    await this.db.updateTable('core_module').set({
      state: 'installed',
      installed_version: manifest.version,
      installed_manifest: JSON.stringify(manifest),
      ...(firstInstall ? { installed_at: now() } : {}),
      last_state_change: now(),
      error_code: null,
      error_params: null,
      error_at: null,
      pending_force: false,
    }).where('name', '=', manifest.name).execute()
  }

  /** An uninstall went through. */
  async markUninstalled(name: string): Promise<void> {
    await this.db.updateTable('core_module').set({
      state: 'uninstalled',
      installed_version: null,
      installed_manifest: null,
      installed_at: null,
      last_state_change: now(),
      error_code: null,
      error_params: null,
      error_at: null,
      pending_force: false,
    }).where('name', '=', name).execute()
  }
}
