import semver from 'semver'
import type { ErrorItem, ErrorParams } from '#shared/types/envelope'
import { DomainError } from '../utils/errors'
import type { DomainErrorKind } from '../utils/errors'

/**
 * A policy violation of a module operation (docs/core-api.md, "Module
 * lifecycle REST"); maps to its HTTP status
 * at the edge. `params` (`{ module, dependents }`) travel on the ErrorResponse
 * item so the admin screen can word the refusal in the reader's language;
 * `details` is extra data for in-process callers (`{ dependents }`).
 */
export class ModuleOperationError extends DomainError {
  constructor(kind: DomainErrorKind, code: string, message: string, readonly params: ErrorParams = {}, readonly details: Record<string, unknown> = {}) {
    super(kind, code, message, { params })
    this.name = 'ModuleOperationError'
  }
}

// What went wrong while applying a module is stored as a code and its params
// (core_module.error_code/error_params, the journal's, each failed step's);
// any technical text (a database error) is the `detail` param, untranslated.
// runError() makes the ErrorItem the API hands out, its English message
// written from the code and params — never read back.

type Step = string
const text = (v: ErrorParams[string] | undefined) => (Array.isArray(v) ? v.join(', ') : String(v ?? ''))

/** The message of an operation interrupted by a stop (its transaction was rolled back). */
export const INTERRUPTED_MESSAGE = 'interrupted: the process running this operation stopped before it finished; its transaction was rolled back'

const MESSAGES: Record<string, (p: ErrorParams) => string> = {
  'modules.operation_failed': p => `${text(p.operation)} failed: ${text(p.detail)}`,
  'modules.skipped_dependency_failed': p => `skipped: ${text(p.dependency)} failed`,
  'modules.skipped_dependency_missing': p => `skipped: dependency ${text(p.dependency)} is not installed`,
  'modules.core_too_old': p => `${text(p.module)} needs core ${text(p.required)} or newer; this core is ${text(p.core)}`,
  'modules.core_too_new': p => `${text(p.module)} supports core up to ${text(p.supported)}; this core is ${text(p.core)}`,
  'modules.interrupted_operation': () => INTERRUPTED_MESSAGE,
}

/** The ErrorItem of a stored code and params, its English message made from them. */
export function runError(code: string, params: ErrorParams = {}): ErrorItem {
  const write = MESSAGES[code]
  let message: string
  if (write) message = write(params)
  else if (code.startsWith('modules.step_failed.')) message = `${text(params.operation)} failed at ${text(params.step)}: ${text(params.detail)}`
  else if (params.operation && params.step) message = `${text(params.operation)} failed at ${text(params.step)}: ${text(params.detail)}`
  else message = params.detail !== undefined ? text(params.detail) : code
  return { code, message, params }
}

/** A stored code and params as an ErrorItem; null when nothing is stored. */
export function storedError(code: string | null | undefined, params: ErrorParams | null | undefined): ErrorItem | null {
  return code ? runError(code, params ?? {}) : null
}

/** An operation that failed: at a step (`modules.step_failed.<step>`) or before any (`modules.operation_failed`). */
export function operationFailed(operation: string, step: Step | null, detail: string): ErrorItem {
  return step
    ? runError(`modules.step_failed.${step}`, { operation, step, detail })
    : runError('modules.operation_failed', { operation, detail })
}

/** An operation skipped because a module it needs failed earlier in the same batch. */
export function skippedAfterFailure(dependency: string): ErrorItem {
  return runError('modules.skipped_dependency_failed', { dependency })
}

/** An operation skipped because a module it needs is not installed. */
export function skippedMissingDependency(dependency: string): ErrorItem {
  return runError('modules.skipped_dependency_missing', { dependency })
}

/**
 * A module whose core range excludes this core (`min_core_version` /
 * `max_core_version`): the same codes as a refused manual install.
 */
export function coreRangeProblem(manifest: { name: string, min_core_version?: string, max_core_version?: string }, core: string): ErrorItem | null {
  const { name, min_core_version: min, max_core_version: max } = manifest
  if (min && semver.lt(core, min)) return runError('modules.core_too_old', { module: name, required: min, core })
  if (max && semver.gt(core, max)) return runError('modules.core_too_new', { module: name, supported: max, core })
  return null
}

/**
 * A module rule broken while applying (rules.ts: tables it does not own,
 * getModels() against its tables): recorded with the rule's own code, the
 * operation and step added to its params.
 */
export class RuleViolation extends Error {
  constructor(readonly code: string, message: string, readonly params: ErrorParams) {
    super(message)
    this.name = 'RuleViolation'
  }
}

/** What a failed step records: a rule's own code, else `modules.step_failed.<step>` with the error's text as `detail`. */
export function stepFailed(operation: string, step: Step, error: unknown): ErrorItem {
  const detail = (error as Error)?.message ?? String(error)
  if (error instanceof RuleViolation) return runError(error.code, { ...error.params, operation, step, detail })
  return operationFailed(operation, step, detail)
}
