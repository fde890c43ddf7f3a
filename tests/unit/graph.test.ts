import { describe, expect, it } from 'vitest'
import {
  dependencyProblems, dependentsOf, findCycles, GraphError, installChain, orderForInstall, orderForRemoval, type GraphModule,
} from '../../server/platform/graph'

/** `mods({ a: ['b'], b: [] })`, every module at 1.0.0 unless given as `name@version`. */
function mods(spec: Record<string, string[]>): GraphModule[] {
  return Object.entries(spec).map(([key, depends]) => {
    const [name, version = '1.0.0'] = key.split('@') as [string, string?]
    return { name, version, depends }
  })
}

function graphError(fn: () => unknown): GraphError {
  try {
    fn()
  }
  catch (error) {
    expect(error).toBeInstanceOf(GraphError)
    return error as GraphError
  }
  throw new Error('expected a GraphError')
}

describe('findCycles', () => {
  it.each([
    ['no modules', {}, []],
    ['a chain', { a: ['b'], b: ['c'], c: [] }, []],
    ['a diamond', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, []],
    ['two modules', { a: ['b'], b: ['a'] }, [['a', 'b', 'a']]],
    ['three modules, declared out of order', { c: ['a'], b: ['c'], a: ['b'] }, [['a', 'b', 'c', 'a']]],
    ['starts at the smallest member', { z: ['m'], m: ['q'], q: ['z'] }, [['m', 'q', 'z', 'm']]],
    ['a self dependency', { a: ['a'] }, [['a', 'a']]],
    ['two cycles through one module', { a: ['b', 'c'], b: ['a'], c: ['a'] }, [['a', 'b', 'a'], ['a', 'c', 'a']]],
    ['two separate cycles', { x: ['y'], y: ['x'], a: ['b'], b: ['a'], k: ['a'] }, [['a', 'b', 'a'], ['x', 'y', 'x']]],
    ['nested cycles', { a: ['b'], b: ['c', 'a'], c: ['a'] }, [['a', 'b', 'a'], ['a', 'b', 'c', 'a']]],
    ['ranges and missing modules are ignored', { 'a': ['b@^1', 'ghost'], 'b@1.5.0': ['a@>=2'] }, [['a', 'b', 'a']]],
  ])('%s', (_label, spec, expected) => {
    expect(findCycles(mods(spec))).toEqual(expected)
  })

  it('reports each cycle once however the input is ordered', () => {
    const forward = findCycles(mods({ a: ['b'], b: ['c'], c: ['a', 'd'], d: ['b'] }))
    const backward = findCycles(mods({ d: ['b'], c: ['d', 'a'], b: ['c'], a: ['b'] }))
    expect(forward).toEqual([['a', 'b', 'c', 'a'], ['b', 'c', 'd', 'b']])
    expect(backward).toEqual(forward)
  })
})

describe('dependencyProblems', () => {
  it.each([
    ['all present', { a: ['b'], b: [] }, []],
    ['missing', { a: ['ghost'] }, [{ module: 'a', dependency: 'ghost', kind: 'missing' }]],
    ['missing with a range', { a: ['ghost@^1'] }, [{ module: 'a', dependency: 'ghost', kind: 'missing' }]],
    ['range satisfied', { 'a': ['b@^1.2'], 'b@1.4.0': [] }, []],
    ['range not satisfied', { 'a': ['b@^2'], 'b@1.4.0': [] }, [{ module: 'a', dependency: 'b', kind: 'range', range: '^2', found: '1.4.0' }]],
    ['range below', { 'a': ['b@>=1.5.0 <2'], 'b@1.4.0': [] }, [{ module: 'a', dependency: 'b', kind: 'range', range: '>=1.5.0 <2', found: '1.4.0' }]],
    ['prerelease counts within the range', { 'a': ['b@^1.2'], 'b@1.3.0-beta.1': [] }, []],
    ['prerelease of the next major does not', { 'a': ['b@^1.2'], 'b@2.0.0-beta.1': [] }, [{ module: 'a', dependency: 'b', kind: 'range', range: '^1.2', found: '2.0.0-beta.1' }]],
    ['sorted by module then dependency', { c: ['z', 'y'], a: ['x'] }, [
      { module: 'a', dependency: 'x', kind: 'missing' },
      { module: 'c', dependency: 'y', kind: 'missing' },
      { module: 'c', dependency: 'z', kind: 'missing' },
    ]],
  ])('%s', (_label, spec, expected) => {
    expect(dependencyProblems(mods(spec))).toEqual(expected)
  })
})

describe('installChain', () => {
  it.each([
    ['no dependencies', 'a', { a: [] }, ['a']],
    ['a chain', 'a', { a: ['b'], b: ['c'], c: [] }, ['c', 'b', 'a']],
    ['ties alphabetical', 'app', { app: ['zeta', 'alpha', 'mid'], zeta: [], alpha: [], mid: [] }, ['alpha', 'mid', 'zeta', 'app']],
    ['a diamond, shared dependency once', 'a', { a: ['c', 'b'], b: ['d'], c: ['d'], d: [] }, ['d', 'b', 'c', 'a']],
    ['deeper dependency first, not alphabetical', 'top', { top: ['a', 'z'], a: ['z'], z: [] }, ['z', 'a', 'top']],
    ['only the chain, not unrelated modules', 'a', { a: ['b'], b: [], other: ['ghost'], x: ['y'], y: ['x'] }, ['b', 'a']],
    ['ranges that hold', 'a', { 'a': ['b@^1.2'], 'b@1.9.9': [] }, ['b', 'a']],
  ])('%s', (_label, name, spec, expected) => {
    expect(installChain(name, mods(spec))).toEqual(expected)
  })

  it('throws unknown for a module that is not there', () => {
    const error = graphError(() => installChain('ghost', mods({ a: [] })))
    expect(error.kind).toBe('unknown')
    expect(error.message).toContain('ghost')
  })

  it('throws missing, naming the module and the dependency, anywhere in the chain', () => {
    const error = graphError(() => installChain('a', mods({ a: ['b'], b: ['ghost'] })))
    expect(error).toMatchObject({ kind: 'missing', module: 'b', dependency: 'ghost' })
    expect(error.message).toMatch(/"b".*"ghost"/)
  })

  it('throws range, naming the module, the dependency, the range and the version found', () => {
    const error = graphError(() => installChain('a', mods({ 'a': ['b@^2.0.0'], 'b@1.4.0': [] })))
    expect(error).toMatchObject({ kind: 'range', module: 'a', dependency: 'b' })
    expect(error.message).toContain('^2.0.0')
    expect(error.message).toContain('1.4.0')
  })

  it.each([
    ['a cycle through the module', 'a', { a: ['b'], b: ['c'], c: ['a'] }, ['a', 'b', 'c', 'a']],
    ['a cycle further down the chain', 'top', { top: ['m'], m: ['n'], n: ['m'] }, ['m', 'n', 'm']],
    ['a self dependency', 'a', { a: ['a'] }, ['a', 'a']],
  ])('throws cycle with the path: %s', (_label, name, spec, path) => {
    const error = graphError(() => installChain(name, mods(spec)))
    expect(error.kind).toBe('cycle')
    expect(error.path).toEqual(path)
    expect(error.message).toContain(path.join(' -> '))
  })
})

describe('dependentsOf', () => {
  const graph = mods({ core: [], patients: ['core'], billing: ['patients@^1'], agenda: ['patients'], reports: ['billing', 'agenda'], alone: [] })

  it.each([
    ['patients', false, ['agenda', 'billing']],
    ['patients', true, ['agenda', 'billing', 'reports']],
    ['core', false, ['patients']],
    ['core', true, ['agenda', 'billing', 'patients', 'reports']],
    ['reports', true, []],
    ['alone', false, []],
    ['ghost', true, []],
  ])('%s (transitive: %s)', (name, transitive, expected) => {
    expect(dependentsOf(name, graph, { transitive })).toEqual(expected)
  })

  it('is direct by default and never lists the module itself, even in a cycle', () => {
    const cyclic = mods({ a: ['b'], b: ['a'], c: ['b'] })
    expect(dependentsOf('a', cyclic)).toEqual(['b'])
    expect(dependentsOf('a', cyclic, { transitive: true })).toEqual(['b', 'c'])
  })
})

describe('orderForInstall / orderForRemoval', () => {
  const graph = mods({ core: [], patients: ['core'], billing: ['patients'], agenda: ['patients'], reports: ['billing'], zz: [] })

  it.each([
    [['reports', 'billing', 'patients'], ['patients', 'billing', 'reports']],
    [['billing', 'agenda', 'patients', 'core'], ['core', 'patients', 'agenda', 'billing']],
    // reports depends on core only through modules not in the list.
    [['reports', 'core'], ['core', 'reports']],
    [['zz', 'agenda', 'reports'], ['agenda', 'reports', 'zz']],
    [['ghost', 'billing', 'patients'], ['ghost', 'patients', 'billing']],
    [['billing', 'billing', 'patients'], ['patients', 'billing']],
    [[], []],
  ])('install %j -> %j', (names, expected) => {
    expect(orderForInstall(names, graph)).toEqual(expected)
  })

  it.each([
    [['patients', 'reports', 'billing'], ['reports', 'billing', 'patients']],
    [['core', 'reports'], ['reports', 'core']],
  ])('removal %j -> %j (dependents first)', (names, expected) => {
    expect(orderForRemoval(names, graph)).toEqual(expected)
  })

  it('removal is exactly the reverse of install', () => {
    const names = ['zz', 'agenda', 'core', 'reports', 'patients', 'billing']
    expect(orderForRemoval(names, graph)).toEqual([...orderForInstall(names, graph)].reverse())
  })

  it('throws cycle when the given names wait on each other', () => {
    const error = graphError(() => orderForInstall(['a', 'b'], mods({ a: ['b'], b: ['c'], c: ['a'] })))
    expect(error.kind).toBe('cycle')
    expect(error.path).toEqual(['a', 'b', 'c', 'a'])
  })
})
