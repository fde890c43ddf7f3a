// useAuthStore().can(): the permission check slot entries and pages use,
// over the signed-in user's grants (`*`, `prefix.*` or exact).
import { describe, expect, it } from 'vitest'
import { signIn } from '../../support/slot-harness'

describe('useAuthStore().can()', () => {
  it.each([
    // `*` grants everything.
    [['*'], 'patients.read', true],
    [['*'], 'billing.invoices.write', true],
    [['*'], 'admin', true],
    // `prefix.*` grants every permission under the prefix, at any depth, and nothing else.
    [['patients.*'], 'patients.read', true],
    [['patients.*'], 'patients.medical.write', true],
    [['patients.*'], 'patients', false],
    [['patients.*'], 'patientsx.read', false],
    [['patients.*'], 'billing.read', false],
    [['patients.medical.*'], 'patients.medical.read', true],
    [['patients.medical.*'], 'patients.read', false],
    // An exact grant matches itself only.
    [['patients.read'], 'patients.read', true],
    [['patients.read'], 'patients.write', false],
    [['patients.read'], 'patients.read.extra', false],
    [['patients.read'], 'patients.reader', false],
    [['patients.read'], 'patients', false],
    // Any of several grants.
    [['patients.read', 'agenda.*'], 'agenda.appointments.write', true],
    [['patients.read', 'agenda.*'], 'patients.read', true],
    [['patients.read', 'agenda.*'], 'patients.write', false],
    // No grants, nothing.
    [[], 'patients.read', false],
  ])('grants %j → can(%s) is %s', (grants, permission, expected) => {
    signIn(grants)
    expect(useAuthStore().can(permission)).toBe(expected)
  })

  it('is false for everything while signed out', () => {
    const auth = useAuthStore()
    expect(auth.me).toBeNull()
    expect(auth.can('patients.read')).toBe(false)
    expect(auth.can('*')).toBe(false)
  })

  it('follows the signed-in user', () => {
    const auth = useAuthStore()
    signIn(['patients.read'])
    expect(auth.can('billing.read')).toBe(false)

    signIn(['billing.*'])
    expect(auth.can('billing.read')).toBe(true)
    expect(auth.can('patients.read')).toBe(false)

    auth.me = null
    expect(auth.can('billing.read')).toBe(false)
  })
})
