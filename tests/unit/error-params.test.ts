// Server side of translatable errors: a domain error's params travel on its
// ErrorResponse item next to the English message, and the run errors the
// applier stores as English text read back into their code and params.
import { describe, expect, it } from 'vitest'
import { mapError } from '../../server/error-handler'
import { journalError, ModuleOperationError, operationFailed, readRunError, skippedAfterFailure, skippedMissingDependency } from '../../server/platform/errors'
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
  ])('writes %#: the same English text as before, and reads it back to its code and params', (item, text, code, params) => {
    expect(item).toEqual({ code, message: text, params })
    expect(readRunError(text)).toEqual(item)
  })

  it('reads text it did not write as a plain detail', () => {
    expect(readRunError('the server was killed')).toEqual({ code: 'modules.error', message: 'the server was killed', params: { detail: 'the server was killed' } })
    expect(readRunError('skipped: Bad Name failed')!.code).toBe('modules.error')
    expect(readRunError(null)).toBeNull()
    expect(readRunError('')).toBeNull()
  })

  it('gives a journal entry its error item: a failed step with its lead, a skip with its reason', () => {
    expect(journalError({ operation: 'install', status: 'failed', error: 'syntax error at or near "x"', failed_step: 'migrate' }))
      .toEqual({ code: 'modules.step_failed.migrate', message: 'install failed at migrate: syntax error at or near "x"', params: { operation: 'install', step: 'migrate', detail: 'syntax error at or near "x"' } })
    expect(journalError({ operation: 'install', status: 'skipped', error: 'skipped: sample_base failed', failed_step: null }))
      .toEqual(skippedAfterFailure('sample_base'))
    expect(journalError({ operation: 'install', status: 'succeeded', error: null, failed_step: null })).toBeNull()
  })
})
