import { describe, expect, it } from 'vitest'
import { concretePermissions, declaredPermissions, grantMatches, hasPermission, registerPermissionSource } from '../../server/auth/permissions'

describe('grantMatches', () => {
  it.each([
    ['*', 'admin.users.read', true],
    ['*', 'billing.invoices.write', true],
    ['admin.*', 'admin.users.read', true],
    ['admin.*', 'admin', false],
    ['admin.*', 'administration.read', false],
    ['admin.users.*', 'admin.users.write', true],
    ['admin.users.*', 'admin.clinic.read', false],
    ['admin.users.read', 'admin.users.read', true],
    ['admin.users.read', 'admin.users.write', false],
    ['admin.users.read', 'admin.users.read.extra', false],
    ['billing.read', 'billing.reader', false],
  ])('%s grants %s: %s', (grant, permission, expected) => {
    expect(grantMatches(grant, permission)).toBe(expected)
  })

  it('checks every grant of a list', () => {
    expect(hasPermission(['patients.read', 'agenda.*'], 'agenda.appointments.write')).toBe(true)
    expect(hasPermission(['patients.read', 'agenda.*'], 'patients.write')).toBe(false)
    expect(hasPermission([], 'patients.read')).toBe(false)
  })
})

describe('role permissions', () => {
  it('gives the admin every core permission and the other roles none', () => {
    expect(concretePermissions('admin')).toEqual(['admin.clinic.read', 'admin.clinic.write', 'admin.users.read', 'admin.users.write'])
    for (const role of ['dentist', 'hygienist', 'assistant', 'receptionist'] as const) {
      expect(concretePermissions(role)).toEqual([])
    }
  })

  it('expands grants from a permission source and stops when it is removed', () => {
    const remove = registerPermissionSource({
      declared: () => ['patients.read', 'patients.write', 'patients.medical.read'],
      grants: role => (role === 'hygienist' ? ['patients.read', 'patients.medical.*'] : role === 'dentist' ? ['patients.*'] : []),
    })
    expect(declaredPermissions()).toContain('patients.write')
    expect(concretePermissions('hygienist')).toEqual(['patients.medical.read', 'patients.read'])
    expect(concretePermissions('dentist')).toEqual(['patients.medical.read', 'patients.read', 'patients.write'])
    expect(concretePermissions('admin')).toContain('patients.write')
    expect(concretePermissions('receptionist')).toEqual([])
    remove()
    expect(concretePermissions('dentist')).toEqual([])
    expect(declaredPermissions()).not.toContain('patients.write')
  })
})
