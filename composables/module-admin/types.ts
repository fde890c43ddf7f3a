// The module admin screen's types. The ONLY client file that names the
// server's module-admin types: every component, page and composable takes
// them from here (switch these imports to `#shared/types/modules` once the
// DTOs live there). Not auto-imported (a subfolder of composables/).
import type { ModuleInfo, ModuleService, ScheduleResult } from '~~/server/platform/service'
import type { ApplyReport, ModuleApplier } from '~~/server/platform/apply'
import type { listOperations } from '~~/server/platform/journal'
import type { ModuleOperationKind, ModuleState } from '~~/server/db/types'
import type { ErrorItem } from '#shared/types/envelope'

export type { ApplyReport, ModuleInfo, ModuleState, ScheduleResult }
export type ModuleOperation = ModuleOperationKind
/** One module's dry-run plan, as `ModuleApplier.plan()` returns it. */
export type ModulePlan = Awaited<ReturnType<ModuleApplier['plan']>>
export interface ModuleDryRun {
  chain: string[]
  plans: ModulePlan[]
}
export type ModuleStatus = Awaited<ReturnType<ModuleService['status']>> & { applying: boolean }
export type ModuleDoctor = Awaited<ReturnType<ModuleService['doctor']>>
export type ModuleJournalEntry = Awaited<ReturnType<typeof listOperations>>[number]
/** POST /api/v1/modules/-/restart (202). */
export interface RestartAccepted {
  restarting: boolean
  mode: 'process' | 'in_process'
}

// The screen's own types.

/** What the confirmation modal is about. */
export interface ModulePlanTarget {
  name: string
  operation: ModuleOperation
}

export type LoadStatus = 'idle' | 'pending' | 'success' | 'error'
/** A loaded resource: the last data stays while a reload runs or fails. */
export interface Remote<T> {
  data: T | null
  status: LoadStatus
  error: string | null
}

/** Why the server refused an operation (409 and friends): `code` is the stable error code, `message` in the reader's language. */
export interface ModuleRefusal {
  status: number | null
  code: string | null
  message: string
}
export type DryRunResult = { plan: ModuleDryRun, refusal?: undefined } | { plan?: undefined, refusal: ModuleRefusal }

/** `running` while the batch is in flight, `finished` once the module left the pending state (before the report). */
export type ModuleRunStatus = 'running' | 'finished' | 'succeeded' | 'failed' | 'skipped' | 'not_applied'
export interface ModuleRunResult {
  module: string
  operation: ModuleOperation
  status: ModuleRunStatus
  /** The server's English text, or one of ours (already translated) when `error_item` is null. */
  error: string | null
  /** The server's error as a code and params, to word it in the reader's language. */
  error_item: ErrorItem | null
  failed_step: string | null
}
export type RunPhase = 'idle' | 'applying' | 'restarting' | 'done' | 'failed' | 'lost'
export interface RunState {
  phase: RunPhase
  results: ModuleRunResult[]
  message: string | null
  /** When the restart was requested (client clock), to tell the new server from the old one. */
  requestedAt: number | null
}
