import { DomainError } from '../utils/errors'
import type { DomainErrorKind } from '../utils/errors'

/** A policy violation of a module operation (spec §8); maps to its HTTP status at the edge. */
export class ModuleOperationError extends DomainError {
  constructor(kind: DomainErrorKind, code: string, message: string, readonly details: Record<string, unknown> = {}) {
    super(kind, code, message)
    this.name = 'ModuleOperationError'
  }
}
