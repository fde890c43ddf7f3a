import semver from 'semver'
import type { ErrorItem, ErrorParams } from '#shared/types/envelope'
import { DomainError } from '../utils/errors'
import type { DomainErrorKind } from '../utils/errors'

/**
 * A policy violation of a module operation (spec §8); maps to its HTTP status
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

// What went wrong while applying a module is stored as English text
// (core_module.error_message, the journal's error). These builders write
// that text, and readRunError() reads it back into the same code and params,
// so the API can hand the admin screen something to translate without a
// schema change — rows written by earlier versions read back the same way.
// The technical part (a database error) stays as `detail`, untranslated.

type Step = string

/** An operation that failed: at a step (`modules.step_failed.<step>`) or before any (`modules.operation_failed`). */
export function operationFailed(operation: string, step: Step | null, detail: string): ErrorItem {
  return {
    code: step ? `modules.step_failed.${step}` : 'modules.operation_failed',
    message: `${operation} failed${step ? ` at ${step}` : ''}: ${detail}`,
    params: { operation, ...(step ? { step } : {}), detail },
  }
}

/** An operation skipped because a module it needs failed earlier in the same batch. */
export function skippedAfterFailure(dependency: string): ErrorItem {
  return { code: 'modules.skipped_dependency_failed', message: `skipped: ${dependency} failed`, params: { dependency } }
}

/** An operation skipped because a module it needs is not installed. */
export function skippedMissingDependency(dependency: string): ErrorItem {
  return { code: 'modules.skipped_dependency_missing', message: `skipped: dependency ${dependency} is not installed`, params: { dependency } }
}

/**
 * A module whose core range excludes this core (`min_core_version` /
 * `max_core_version`): the same codes as a refused manual install.
 */
export function coreRangeProblem(manifest: { name: string, min_core_version?: string, max_core_version?: string }, core: string): ErrorItem | null {
  const { name, min_core_version: min, max_core_version: max } = manifest
  if (min && semver.lt(core, min)) {
    return { code: 'modules.core_too_old', message: `${name} needs core ${min} or newer; this core is ${core}`, params: { module: name, required: min, core } }
  }
  if (max && semver.gt(core, max)) {
    return { code: 'modules.core_too_new', message: `${name} supports core up to ${max}; this core is ${core}`, params: { module: name, supported: max, core } }
  }
  return null
}

const OPERATION_FAILED = /^(install|upgrade|uninstall) failed(?: at ([a-z_]+))?: ([\s\S]*)$/
const SKIPPED_FAILED = /^skipped: ([a-z][a-z0-9_]*) failed$/
const SKIPPED_MISSING = /^skipped: dependency ([a-z][a-z0-9_]*) is not installed$/
const CORE_TOO_OLD = /^([a-z][a-z0-9_]*) needs core (\S+) or newer; this core is (\S+)$/
const CORE_TOO_NEW = /^([a-z][a-z0-9_]*) supports core up to (\S+); this core is (\S+)$/

/**
 * The code and params of a stored run error. Text this file did not write
 * comes back as `modules.error` with the text as `detail` (shown as is).
 */
export function readRunError(text: string | null | undefined): ErrorItem | null {
  if (!text) return null
  let m = OPERATION_FAILED.exec(text)
  if (m) return operationFailed(m[1]!, m[2] ?? null, m[3]!)
  m = SKIPPED_FAILED.exec(text)
  if (m) return skippedAfterFailure(m[1]!)
  m = SKIPPED_MISSING.exec(text)
  if (m) return skippedMissingDependency(m[1]!)
  m = CORE_TOO_OLD.exec(text)
  if (m) return { code: 'modules.core_too_old', message: text, params: { module: m[1]!, required: m[2]!, core: m[3]! } }
  m = CORE_TOO_NEW.exec(text)
  if (m) return { code: 'modules.core_too_new', message: text, params: { module: m[1]!, supported: m[2]!, core: m[3]! } }
  return { code: 'modules.error', message: text, params: { detail: text } }
}

/** A journal entry's error: a failed step's own message, or the reason it was skipped. */
export function journalError(entry: { operation: string, status: string, error: string | null, failed_step: string | null }): ErrorItem | null {
  if (!entry.error) return null
  if (entry.status === 'failed') return operationFailed(entry.operation, entry.failed_step, entry.error)
  if (entry.status === 'interrupted') return { code: 'modules.interrupted_operation', message: entry.error, params: { operation: entry.operation } }
  return readRunError(entry.error)
}
