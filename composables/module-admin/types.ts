// The module admin screen's types: the API's DTOs (shared/types/modules.ts)
// and the screen's own. Every component, page and composable of the screen
// takes them from here. Not auto-imported (a subfolder of composables/).
import type { ModuleOperationKind } from '#shared/types/modules'
import type { ErrorItem } from '#shared/types/envelope'

export type { ApplyReport, ModuleDoctor, ModuleDryRun, ModuleInfo, ModuleJournalEntry, ModulePlan, ModuleState, ModuleStatus, ScheduleResult } from '#shared/types/modules'
export type ModuleOperation = ModuleOperationKind
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
  /** The server's error (a code worded in the reader's language), or one of ours (`modules.run.*`, already translated in `message`). */
  error: ErrorItem | null
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
