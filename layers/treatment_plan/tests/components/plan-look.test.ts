// The pure helpers of the plan's screens: the stepper's states, grouping by
// phase and the order after a move (what the reorder route receives).
import { describe, expect, it } from 'vitest'
import { itemsByPhase, moveItem, stepStates } from '../../lib/plan-look'

const items = [
  { id: 'a', phase: 1, position: 1 },
  { id: 'b', phase: 3, position: 2 },
  { id: 'c', phase: 3, position: 3 },
  { id: 'd', phase: 4, position: 4 },
]

describe('stepStates', () => {
  it.each([
    ['draft', ['current', 'todo', 'todo', 'todo']],
    ['proposed', ['done', 'current', 'todo', 'todo']],
    ['accepted', ['done', 'done', 'current', 'todo']],
    ['completed', ['done', 'done', 'done', 'done']],
    ['closed', ['todo', 'todo', 'todo', 'todo']],
  ] as const)('%s', (status, states) => {
    expect(stepStates(status).map(s => s.state)).toEqual(states)
  })
})

describe('itemsByPhase', () => {
  it('groups by phase, lowest first, each in position order; empty phases left out', () => {
    const shuffled = [items[3]!, items[2]!, items[0]!, items[1]!]
    expect(itemsByPhase(shuffled).map(g => [g.phase, g.items.map(i => i.id)])).toEqual([[1, ['a']], [3, ['b', 'c']], [4, ['d']]])
  })
})

describe('moveItem', () => {
  it.each([
    ['before another of its phase', 'c', 3, 'b', [['a', 1], ['c', 3], ['b', 3], ['d', 4]]],
    ['to the end of its phase', 'b', 3, null, [['a', 1], ['c', 3], ['b', 3], ['d', 4]]],
    ['into another phase, before an item', 'd', 1, 'a', [['d', 1], ['a', 1], ['b', 3], ['c', 3]]],
    ['to the end of another phase', 'a', 3, null, [['b', 3], ['c', 3], ['a', 3], ['d', 4]]],
    ['to the end of an empty phase', 'b', 2, null, [['a', 1], ['b', 2], ['c', 3], ['d', 4]]],
    ['to the last phase', 'a', 5, null, [['b', 3], ['c', 3], ['d', 4], ['a', 5]]],
  ] as const)('%s', (_, id, phase, before, expected) => {
    expect(moveItem(items, id, phase, before)).toEqual(expected.map(([i, p]) => ({ id: i, phase: p })))
  })

  it('leaves the order alone for an unknown item', () => {
    expect(moveItem(items, 'x', 1, null).map(i => i.id)).toEqual(['a', 'b', 'c', 'd'])
  })
})
