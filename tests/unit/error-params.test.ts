// Server side of translatable errors: a domain error's params travel on its
// ErrorResponse item next to the English message, and the run errors the
// applier stores as a code and params come back as the same item.
import { describe, expect, it } from 'vitest'
import { mapError } from '../../server/error-handler'
import { ModuleOperationError, operationFailed, RuleViolation, runError, skippedAfterFailure, skippedMissingDependency, stepFailed, storedError } from '../../server/platform/errors'
import { badRequest, conflict, DomainError, forbidden, invalid, notFound } from '../../server/utils/errors'

describe('error params on the ErrorResponse item', () => {
  it('puts a module refusal\'s params on its item, keeping the English message', () => {
    const error = new ModuleOperationError('conflict', 'modules.has_dependents', 'patients is needed by installed modules: agenda, patient_timeline', { module: 'patients', dependents: ['agenda', 'patient_timeline'] })
    expect(mapError(error)).toEqual({
      status: 409,
      headers: {},
      body: {
        data: null,
        message: 'patients is needed by installed modules: agenda, patient_timeline',
        errors: [{ code: 'modules.has_dependents', message: 'patients is needed by installed modules: agenda, patient_timeline', params: { module: 'patients', dependents: ['agenda', 'patient_timeline'] } }],
      },
    })
    expect(error.params).toEqual({ module: 'patients', dependents: ['agenda', 'patient_timeline'] })
  })

  it('leaves params out when there are none (the envelope is unchanged for old callers)', () => {
    expect(new ModuleOperationError('conflict', 'modules.busy', 'Busy').errors).toEqual([{ code: 'modules.busy', message: 'Busy' }])
    expect(conflict('agenda.slot_taken', 'Slot taken').errors).toEqual([{ code: 'agenda.slot_taken', message: 'Slot taken' }])
    expect(notFound('patients.not_found').errors).toEqual([{ code: 'patients.not_found', message: 'Not found' }])
  })

  it('accepts params in every helper module authors use', () => {
    const params = { patient: 'p1' }
    expect(conflict('a.b', 'm', params).errors[0]!.params).toEqual(params)
    expect(notFound('a.b', 'm', params).errors[0]!.params).toEqual(params)
    expect(forbidden('a.b', 'm', params).errors[0]!.params).toEqual(params)
    expect(badRequest('a.b', 'm', params).errors[0]!.params).toEqual(params)
    expect(invalid('starts_at', 'agenda.outside_hours', 'Outside opening hours', { opens: '09:00' }).errors)
      .toEqual([{ field: 'starts_at', code: 'agenda.outside_hours', message: 'Outside opening hours', params: { opens: '09:00' } }])
    expect(new DomainError('conflict', 'a.b', 'm', { params }).errors).toEqual([{ code: 'a.b', message: 'm', params }])
  })
})

describe('stored run errors', () => {
  it.each([
    [operationFailed('install', 'migrate', 'relation "x" already exists'), 'install failed at migrate: relation "x" already exists', 'modules.step_failed.migrate', { operation: 'install', step: 'migrate', detail: 'relation "x" already exists' }],
    [operationFailed('uninstall', 'delete_data', 'boom: a\nmultiline: detail'), 'uninstall failed at delete_data: boom: a\nmultiline: detail', 'modules.step_failed.delete_data', { operation: 'uninstall', step: 'delete_data', detail: 'boom: a\nmultiline: detail' }],
    [operationFailed('upgrade', null, 'sample is no longer to_upgrade'), 'upgrade failed: sample is no longer to_upgrade', 'modules.operation_failed', { operation: 'upgrade', detail: 'sample is no longer to_upgrade' }],
    [skippedAfterFailure('sample_base'), 'skipped: sample_base failed', 'modules.skipped_dependency_failed', { dependency: 'sample_base' }],
    [skippedMissingDependency('patients'), 'skipped: dependency patients is not installed', 'modules.skipped_dependency_missing', { dependency: 'patients' }],
  ])('writes %#: a code and params, the English message made from them', (item, text, code, params) => {
    expect(item).toEqual({ code, message: text, params })
    // Stored as code and params, it comes back as the same item.
    expect(storedError(item.code, item.params)).toEqual(item)
  })

  it('words a stored code it has no sentence for by its detail, and nothing stored as null', () => {
    expect(runError('modules.error', { detail: 'the server was killed' })).toEqual({ code: 'modules.error', message: 'the server was killed', params: { detail: 'the server was killed' } })
    expect(runError('modules.interrupted_operation', { operation: 'install' }).message).toContain('interrupted')
    expect(storedError(null, null)).toBeNull()
  })

  it('records a failed step under its own code, and a broken rule under the rule\'s', () => {
    expect(stepFailed('install', 'seed', new Error('bad row'))).toEqual(operationFailed('install', 'seed', 'bad row'))
    const rule = new RuleViolation('modules.models_mismatch', 'getModels() declares a_x, which no migration creates', { module: 'a', missing: ['a_x'], undeclared: [] })
    expect(stepFailed('install', 'migrate', rule)).toEqual({
      code: 'modules.models_mismatch',
      message: 'install failed at migrate: getModels() declares a_x, which no migration creates',
      params: { module: 'a', missing: ['a_x'], undeclared: [], operation: 'install', step: 'migrate', detail: 'getModels() declares a_x, which no migration creates' },
    })
  })
})
