// Dependency graph helpers over the modules on disk: cycles, missing
// dependencies and unsatisfied ranges, install chains, dependents and the
// install/removal order (dependencies first, dependents removed first). Pure
// functions: no state, no I/O; deterministic (ties broken alphabetically).
import semver from 'semver'
import { parseDependency } from './manifest'

/** The part of a module the graph needs. `depends` entries are `"name"` or `"name@<semver range>"`. */
export interface GraphModule {
  name: string
  version: string
  depends: string[]
}

export interface DependencyProblem {
  module: string
  dependency: string
  kind: 'missing' | 'range'
  /** The range the module asks for (`kind: 'range'`). */
  range?: string
  /** The version on disk (`kind: 'range'`). */
  found?: string
}

export type GraphErrorKind = 'unknown' | 'missing' | 'range' | 'cycle'

export class GraphError extends Error {
  readonly kind: GraphErrorKind
  readonly module?: string
  readonly dependency?: string
  /** The cycle, as a closed path (`['a', 'b', 'a']`), for `kind: 'cycle'`. */
  readonly path?: string[]

  constructor(kind: GraphErrorKind, message: string, details: { module?: string, dependency?: string, path?: string[] } = {}) {
    super(message)
    this.name = 'GraphError'
    this.kind = kind
    this.module = details.module
    this.dependency = details.dependency
    this.path = details.path
  }
}

/** Cycle enumeration stops after this many cycles (the count of cycles can grow exponentially). */
const MAX_CYCLES = 1000

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Satisfies with prereleases counted (a `1.3.0-beta` on disk satisfies `^1.2`). */
export function satisfiesRange(version: string, range: string): boolean {
  return semver.valid(version) !== null && semver.satisfies(version, range, { includePrerelease: true })
}

/** name → module; the first module wins when a name appears twice (the validator reports duplicates). */
function index(modules: readonly GraphModule[]): Map<string, GraphModule> {
  const map = new Map<string, GraphModule>()
  for (const m of modules) if (!map.has(m.name)) map.set(m.name, m)
  return map
}

/** name → the names of its dependencies that exist, sorted, without repeats. */
function edges(modules: Map<string, GraphModule>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [name, m] of modules) {
    const deps = new Set(m.depends.map(d => parseDependency(d).name).filter(d => modules.has(d)))
    out.set(name, [...deps].sort(byName))
  }
  return out
}

/** Every name reachable from `start` (itself included) following existing edges. */
function reachable(start: string, graph: Map<string, string[]>): Set<string> {
  const seen = new Set<string>([start])
  const stack = [start]
  while (stack.length) {
    for (const next of graph.get(stack.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next)
        stack.push(next)
      }
    }
  }
  return seen
}

function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = []
  const names = [...graph.keys()].sort(byName)
  // Each elementary cycle is found once, from its alphabetically smallest member:
  // from `start`, only walk through members greater than it that can reach it back.
  for (const start of names) {
    const allowed = (n: string) => n >= start
    const canReachStart = new Set<string>()
    for (const n of names) {
      if (allowed(n) && reachableWithin(n, start, graph, allowed)) canReachStart.add(n)
    }
    const path = [start]
    const onPath = new Set(path)
    const walk = (node: string): boolean => {
      for (const next of graph.get(node) ?? []) {
        if (next === start) {
          cycles.push([...path, start])
          if (cycles.length >= MAX_CYCLES) return false
        }
        else if (next > start && !onPath.has(next) && canReachStart.has(next)) {
          path.push(next)
          onPath.add(next)
          const go = walk(next)
          path.pop()
          onPath.delete(next)
          if (!go) return false
        }
      }
      return true
    }
    if (!walk(start)) break
  }
  return cycles
}

function reachableWithin(from: string, to: string, graph: Map<string, string[]>, allowed: (n: string) => boolean): boolean {
  const seen = new Set<string>([from])
  const stack = [from]
  while (stack.length) {
    for (const next of graph.get(stack.pop()!) ?? []) {
      if (next === to) return true
      if (allowed(next) && !seen.has(next)) {
        seen.add(next)
        stack.push(next)
      }
    }
  }
  return false
}

/**
 * Every dependency cycle, each once, as a closed path starting (and ending)
 * at its alphabetically smallest member: `[['a', 'b', 'c', 'a']]`.
 * Dependencies on modules that are not in the list are ignored here.
 */
export function findCycles(modules: readonly GraphModule[]): string[][] {
  return cyclesOf(edges(index(modules)))
}

/** Missing dependencies and ranges the version on disk does not satisfy, sorted by module then dependency. */
export function dependencyProblems(modules: readonly GraphModule[]): DependencyProblem[] {
  const map = index(modules)
  const problems: DependencyProblem[] = []
  for (const m of [...map.values()].sort((a, b) => byName(a.name, b.name))) {
    for (const entry of m.depends) {
      const { name, range } = parseDependency(entry)
      const found = map.get(name)
      if (!found) problems.push({ module: m.name, dependency: name, kind: 'missing' })
      else if (range !== null && !satisfiesRange(found.version, range)) {
        problems.push({ module: m.name, dependency: name, kind: 'range', range, found: found.version })
      }
    }
  }
  return problems.sort((a, b) => byName(a.module, b.module) || byName(a.dependency, b.dependency))
}

/** The message of a problem, naming the module and the dependency. */
export function describeProblem(problem: DependencyProblem): string {
  return problem.kind === 'missing'
    ? `module "${problem.module}" depends on "${problem.dependency}", which is not available`
    : `module "${problem.module}" requires "${problem.dependency}@${problem.range}" but ${problem.dependency} ${problem.found} is available`
}

export function describeCycle(path: readonly string[]): string {
  return `dependency cycle: ${path.join(' -> ')}`
}

/**
 * Topological order of `nodes` (dependencies first), ties alphabetical.
 * `dependsOn(n)` lists the members of `nodes` that `n` must come after.
 * Returns the order, or the members left over when they wait on each other.
 */
function topoSort(nodes: Iterable<string>, dependsOn: (n: string) => Iterable<string>): { order: string[], stuck: string[] } {
  const pending = new Map<string, Set<string>>()
  for (const n of nodes) pending.set(n, new Set(dependsOn(n)))
  const order: string[] = []
  while (pending.size) {
    const ready = [...pending].filter(([, deps]) => deps.size === 0).map(([n]) => n).sort(byName)
    if (!ready.length) break
    const next = ready[0]!
    order.push(next)
    pending.delete(next)
    for (const deps of pending.values()) deps.delete(next)
  }
  return { order, stuck: [...pending.keys()].sort(byName) }
}

/**
 * The module and its transitive dependencies, dependencies first (ties
 * alphabetical), the module itself last. Throws a GraphError when the module
 * is unknown (`unknown`), a dependency in the chain is missing (`missing`) or
 * outside its range (`range`), or the chain has a cycle (`cycle`, with `path`).
 */
export function installChain(name: string, modules: readonly GraphModule[]): string[] {
  const map = index(modules)
  if (!map.has(name)) throw new GraphError('unknown', `unknown module "${name}"`, { module: name })
  const graph = edges(map)
  const chain = reachable(name, graph)
  const problem = dependencyProblems([...chain].map(n => map.get(n)!))[0]
  if (problem) throw new GraphError(problem.kind, describeProblem(problem), { module: problem.module, dependency: problem.dependency })
  const { order, stuck } = topoSort(chain, n => graph.get(n)!)
  if (stuck.length) throw cycleError(graph, stuck)
  return order
}

function cycleError(graph: Map<string, string[]>, among: string[]): GraphError {
  const members = new Set(among)
  const path = cyclesOf(graph).find(c => c.some(n => members.has(n)))
    // Unreachable in practice: a set of nodes that cannot be ordered contains a cycle.
    ?? [...among, among[0]!]
  return new GraphError('cycle', describeCycle(path), { module: path[0], dependency: path[1], path })
}

/** The modules that depend on `name` — directly, or with `transitive` through other modules too — sorted. */
export function dependentsOf(name: string, modules: readonly GraphModule[], options: { transitive?: boolean } = {}): string[] {
  const graph = edges(index(modules))
  const reverse = new Map<string, string[]>()
  for (const [from, deps] of graph) for (const to of deps) reverse.set(to, [...(reverse.get(to) ?? []), from])
  const out = options.transitive ? reachable(name, reverse) : new Set(reverse.get(name) ?? [])
  out.delete(name)
  return [...out].sort(byName)
}

/**
 * The given names in install order: each after every given name it depends on
 * (directly or through modules not in the list), ties alphabetical. Names not in
 * `modules` have no dependencies. Throws a GraphError `cycle` when the given names
 * cannot be ordered.
 */
export function orderForInstall(names: readonly string[], modules: readonly GraphModule[]): string[] {
  const graph = edges(index(modules))
  const given = new Set(names)
  const { order, stuck } = topoSort(given, (n) => {
    const deps = reachable(n, graph)
    deps.delete(n)
    return [...deps].filter(d => given.has(d))
  })
  if (stuck.length) throw cycleError(graph, stuck)
  return order
}

/** The given names in removal order: dependents first — exactly the reverse of orderForInstall. */
export function orderForRemoval(names: readonly string[], modules: readonly GraphModule[]): string[] {
  return orderForInstall(names, modules).reverse()
}
