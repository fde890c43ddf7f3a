// The client-side rules behind the patient screens: the list's URL state,
// age from a birth date, and which fields an edit sends.
import { describe, expect, it } from 'vitest'
import { patientCreateSchema } from '../../models'
import { patientsListQueryFromState, patientsListStateFromQuery, patientsNormalizeSearch } from '../../composables/usePatientsList'
import { patientsAge } from '../../composables/usePatientsFormat'
import { patientsChangedFields, patientsFormInput, patientsFormState } from '../../composables/usePatientsForm'
import { patient } from './harness'

const DEFAULTS = { search: '', status: 'active', contact: 'any', sort: 'last_name', order: 'asc', page: 1 }

describe('list state in the URL', () => {
  it.each([
    [{}, DEFAULTS],
    [{ search: '  ana   lópez ', page: '3' }, { ...DEFAULTS, search: 'ana lópez', page: 3 }],
    [{ status: 'archived', do_not_contact: 'true', sort: 'last_visit', order: 'desc' }, { ...DEFAULTS, status: 'archived', contact: 'only', sort: 'last_visit', order: 'desc' }],
    [{ status: 'all', do_not_contact: 'false' }, { ...DEFAULTS, status: 'all', contact: 'exclude' }],
    [{ status: 'deleted', sort: 'password', order: 'sideways', page: '-2', do_not_contact: 'maybe' }, DEFAULTS],
    [{ page: 'abc' }, DEFAULTS],
    [{ search: ['first', 'second'] }, { ...DEFAULTS, search: 'first' }],
  ])('reads %j', (query, expected) => {
    expect(patientsListStateFromQuery(query)).toEqual(expected)
  })

  it('writes only what differs from the defaults, and reads it back', () => {
    expect(patientsListQueryFromState(DEFAULTS as never)).toEqual({})
    const state = { search: 'ana', status: 'archived', contact: 'exclude', sort: 'created_at', order: 'desc', page: 2 } as const
    const query = patientsListQueryFromState(state)
    expect(query).toEqual({ search: 'ana', status: 'archived', do_not_contact: 'false', sort: 'created_at', order: 'desc', page: '2' })
    expect(patientsListStateFromQuery(query)).toEqual(state)
  })

  it('normalizes the search (spaces collapsed, length capped)', () => {
    expect(patientsNormalizeSearch('\t ana \n  600 ')).toBe('ana 600')
    expect(patientsNormalizeSearch('x'.repeat(300))).toHaveLength(200)
  })
})

describe('age', () => {
  const today = new Date(2026, 4, 17) // 17 May 2026, local time
  it.each([
    ['1980-05-17', 46],
    ['1980-05-18', 45],
    ['1980-06-01', 45],
    ['2025-12-31', 0],
    ['2026-05-18', null],
    [null, null],
    ['17/05/1980', null],
  ])('born %s → %s', (dob, age) => {
    expect(patientsAge(dob, today)).toBe(age)
  })
})

describe('edit sends only the changed fields', () => {
  const current = patient({ phone: '600', email: 'ana@example.com', gender: 'female', billing_name: null })

  it('sends nothing when nothing changed', () => {
    const parsed = patientCreateSchema.parse(patientsFormInput(patientsFormState(current)))
    expect(patientsChangedFields(current, parsed)).toEqual({})
  })

  it('sends changed, cleared and normalized values only', () => {
    const state = patientsFormState(current)
    state.phone = ''
    state.email = ' ANA@example.com '
    state.gender = 'unspecified'
    state.billing_name = 'Ana SL'
    state.do_not_contact = true
    const parsed = patientCreateSchema.parse(patientsFormInput(state))
    expect(patientsChangedFields(current, parsed)).toEqual({ phone: null, gender: null, billing_name: 'Ana SL', do_not_contact: true })
  })
})
