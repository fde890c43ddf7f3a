// What the module-admin API (`/api/v1/modules`, docs/core-api.md "Module
// lifecycle REST") answers: the server builds these and the browser reads
// them. Every error is an ErrorItem: a stable code, its params and the
// English message the server made from them (a client words the code in the
// reader's language; nothing parses the message back).
import type { ErrorItem, ErrorParams } from './envelope'

export type ModuleState = 'uninstalled' | 'to_install' | 'installed' | 'to_upgrade' | 'to_remove' | 'disabled'
export type ModuleOperationKind = 'install' | 'upgrade' | 'uninstall'
export type OperationStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'interrupted'
export type OperationStepName = 'migrate' | 'seed' | 'hook' | 'finalize' | 'backup' | 'delete_data' | 'migrate_down'

/** One problem of a manifest, at its path (`frontend.navigation[0].permission`). */
export interface ManifestProblem {
  path: string
  message: string
}

export interface ModuleInfo {
  name: string
  version: string | null
  installed_version: string | null
  upgrade_available: boolean
  in_disk: boolean
  installable: boolean
  depends: string[]
  dependents: string[]
  summary: string | null
  author: string | null
  license: string | null
  category: 'official' | 'community' | null
  removable: boolean
  auto_install: boolean
  state: ModuleState
  legacy: boolean
  source: string | null
  installed_at: string | null
  last_state_change: string | null
  /** Why its last operation failed or was skipped (`modules.step_failed.migrate`, `{ operation, step, detail }`). */
  error: ErrorItem | null
  error_at: string | null
  /** Why a module on disk is kept out (failed to load or validate); the manifest's problems are in `load_issues`. */
  load_error: ErrorItem | null
  /** Dependency problems that make it uninstallable now (missing, unsatisfied range, cycle). */
  problems: ErrorItem[]
  load_issues: ManifestProblem[]
  applied_migrations: string[]
  migrations_on_disk: string[]
}

/** The answer of install/uninstall/upgrade (202 when something was scheduled). */
export interface ScheduleResult {
  scheduled: string[]
  requires_restart: boolean
  message?: string
}

/** `GET /modules/-/status`. */
export interface ModuleStatus {
  by_state: Record<string, number>
  pending: { name: string, state: ModuleState }[]
  errored: { name: string, error: ErrorItem, error_at: string | null }[]
  total: number
  applying: boolean
}

/** What an operation on one module would do (a dry run, and the plan recorded in the journal). */
export interface ModulePlan {
  module: string
  operation: ModuleOperationKind
  from_version: string | null
  to_version: string | null
  /** Migrations to run (install, upgrade) or to revert (uninstall), in order. */
  migrations: string[]
  tables_created: string[]
  tables_dropped: string[]
  seeds: { file: string, records: number, error?: string }[]
  /** Uninstall: the tables backed up first (those getModels() declares). */
  backup: { tables: string[] } | null
  /** A dry run whose migrations failed: why. */
  error?: ErrorItem
}

/** A dry run of install/uninstall/upgrade: the chain and each member's plan. */
export interface ModuleDryRun {
  chain: string[]
  plans: ModulePlan[]
}

export interface JournalStep {
  step: OperationStepName
  status: 'succeeded' | 'failed'
  started_at: string
  duration_ms: number
  details?: Record<string, unknown>
  error: ErrorItem | null
}

/** One entry of a module's operation journal (`GET /modules/{name}/-/operations`). */
export interface ModuleJournalEntry {
  id: string
  module: string
  operation: ModuleOperationKind
  status: OperationStatus
  from_version: string | null
  to_version: string | null
  plan: Record<string, unknown>
  steps: JournalStep[]
  error: ErrorItem | null
  failed_step: string | null
  created_at: string
  started_at: string | null
  finished_at: string | null
  duration_ms: number | null
}

/** One operation of an applied batch (`POST /modules/-/apply`). */
export interface AppliedOperation {
  module: string
  operation: ModuleOperationKind
  status: 'succeeded' | 'failed' | 'skipped'
  error: ErrorItem | null
  failed_step: string | null
}

export interface ApplyReport {
  operations: AppliedOperation[]
}

/** A finding an admin can acknowledge: it stays listed but no longer makes the doctor fail. */
export interface Acknowledgeable {
  key: string
  acknowledged: boolean
}

/** A finding worded by its code and params. */
export interface Coded {
  code: string
  params: ErrorParams
}

/** `GET /modules/-/doctor`. */
export interface ModuleDoctor {
  ok: boolean
  orphans: string[]
  missing_dependencies: ({ module: string, dependency: string, state: ModuleState, problem: string } & Coded)[]
  cycles: string[]
  manifest_errors: { source: string, name: string | null, error: ErrorItem, issues: ManifestProblem[] }[]
  errored_modules: ({ name: string, error: ErrorItem, error_at: string | null } & Acknowledgeable)[]
  legacy_modules: string[]
  migration_drift: ({ name: string, not_on_disk: string[] } & Coded & Acknowledgeable)[]
  stuck_operations: ({ id: string, module: string, operation: ModuleOperationKind, owner: string | null, started_at: string | null } & Coded)[]
  interrupted_operations: ({ id: string, module: string, operation: ModuleOperationKind, owner: string | null, started_at: string | null, finished_at: string | null } & Coded & Acknowledgeable)[]
  incompatible_modules: ({ name: string, version: string | null, state: ModuleState } & Coded & Acknowledgeable)[]
  storage: { path: string, ok: boolean, problem: string | null, key: string | null, acknowledged: boolean, code: string | null, params: ErrorParams }
  database: { kind: string | null, warning: string | null, code: string | null, params: ErrorParams }
}

/** A navigation entry of an installed module. */
export interface ModuleNavigationItem {
  label: string
  to: string
  icon?: string
  permission?: string
  order?: number
}

/** `GET /modules/-/active`: an installed module as the caller may see it. */
export interface ActiveModule {
  name: string
  version: string
  category: 'official' | 'community'
  summary: string | null
  navigation: ModuleNavigationItem[]
  permissions: string[]
}
