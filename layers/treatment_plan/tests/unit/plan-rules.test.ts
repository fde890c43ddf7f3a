import { describe, expect, it } from 'vitest'
import { allowedActions, checkTransition, defaultPhase, isComplete, itemsLocked, planReadOnly, planSessions } from '../../models'

describe('the plan status machine', () => {
  it.each([
    ['draft', 'propose', 'ok'], ['draft', 'close', 'ok'], ['draft', 'reopen', 'same_state'], ['draft', 'reactivate', 'same_state'], ['draft', 'accept', 'illegal'],
    ['proposed', 'accept', 'ok'], ['proposed', 'reopen', 'ok'], ['proposed', 'close', 'ok'], ['proposed', 'propose', 'same_state'], ['proposed', 'reactivate', 'illegal'],
    ['accepted', 'close', 'ok'], ['accepted', 'accept', 'same_state'], ['accepted', 'propose', 'illegal'], ['accepted', 'reopen', 'illegal'],
    ['completed', 'close', 'illegal'], ['completed', 'reactivate', 'illegal'], ['completed', 'accept', 'illegal'],
    ['closed', 'reactivate', 'ok'], ['closed', 'close', 'same_state'], ['closed', 'propose', 'illegal'], ['closed', 'reopen', 'illegal'],
  ] as const)('%s, %s: %s', (status, action, expected) => {
    expect(checkTransition(status, action)).toBe(expected)
  })

  it('offers only the actions the caller holds the permission of', () => {
    const receptionist = (p: string) => ['treatment_plan.plans.close', 'treatment_plan.plans.reactivate'].includes(p)
    expect(allowedActions('proposed', receptionist)).toEqual(['close'])
    expect(allowedActions('closed', receptionist)).toEqual(['reactivate'])
    // Reopening is the proposer's call.
    expect(allowedActions('proposed', p => p === 'treatment_plan.plans.propose')).toEqual(['reopen'])
    expect(allowedActions('completed', () => true)).toEqual([])
  })

  it('locks items while proposed and freezes them once over', () => {
    expect(['draft', 'proposed', 'accepted', 'completed', 'closed'].map(s => [itemsLocked(s as never), planReadOnly(s as never)])).toEqual([
      [false, false], [true, false], [false, false], [false, true], [false, true],
    ])
  })

  it('completes an accepted plan with items and none pending', () => {
    expect(isComplete('accepted', ['completed', 'cancelled'])).toBe(true)
    expect(isComplete('accepted', ['completed', 'pending'])).toBe(false)
    expect(isComplete('accepted', [])).toBe(false)
    expect(isComplete('draft', ['completed'])).toBe(false)
  })
})

describe('sessions and phases', () => {
  it('one session at the price without a template', () => {
    expect(planSessions('70', null)).toEqual([{ label: null, amount: '70.00' }])
    expect(planSessions('70.00', [])).toEqual([{ label: null, amount: '70.00' }])
  })

  it('scales the template to the treatment price, summing exactly', () => {
    const template = [{ label: { en: 'A' }, amount: '18.34' }, { label: { en: 'B' }, amount: '18.33' }, { label: { en: 'C' }, amount: '18.33' }]
    // 70.00 in 1834 : 1833 : 1833 → 23.341 / 23.329 / 23.329: the two cents left go to the larger remainders.
    expect(planSessions('70.00', template).map(s => s.amount)).toEqual(['23.34', '23.33', '23.33'])
    expect(planSessions('55.00', template).map(s => s.amount)).toEqual(['18.34', '18.33', '18.33'])
    const crown = [{ label: { en: 'Preparation', es: 'Preparación' }, amount: '220.00' }, { label: { en: 'Fitting' }, amount: '330.00' }]
    expect(planSessions('1100.00', crown)).toEqual([{ label: { en: 'Preparation', es: 'Preparación' }, amount: '440.00' }, { label: { en: 'Fitting' }, amount: '660.00' }])
    expect(planSessions('0.00', crown).map(s => s.amount)).toEqual(['0.00', '0.00'])
  })

  it('puts a treatment in the phase of its catalog category', () => {
    expect([defaultPhase('surgery'), defaultPhase('prevention'), defaultPhase('restorative'), defaultPhase('implants'), defaultPhase(null), defaultPhase('unknown')]).toEqual([1, 2, 3, 4, 2, 2])
  })
})
