// Reads module.ts files at build time (with jiti) to learn their names and
// community layer paths, and checks the rules the build enforces.
import { readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { createJiti } from 'jiti'
import type { DiscoveredModule, RouteFile } from './discovery'
import { routeKey, scanRoutes } from './discovery'

export interface InspectedModule extends DiscoveredModule {
  /** The manifest name, or null when module.ts could not be read at build time. */
  name: string | null
  layerPath: string | null
  loadError: string | null
}

export function platformAliases(rootDir: string): Record<string, string> {
  return {
    '#dentalpin': resolve(rootDir, 'server/platform/public.ts'),
    '#shared': resolve(rootDir, 'shared'),
    // Nuxt's alias for the official layers: a module may import the published
    // models of the modules it depends on (`#layers/patients/models`).
    '#layers': resolve(rootDir, 'layers'),
  }
}

export async function inspectModules(rootDir: string, modules: DiscoveredModule[]): Promise<InspectedModule[]> {
  const jiti = createJiti(join(rootDir, 'nuxt.config.ts'), { alias: platformAliases(rootDir), moduleCache: false, fsCache: false })
  const out: InspectedModule[] = []
  for (const m of modules) {
    try {
      const mod = await jiti.import<{ default?: { manifest?: Record<string, unknown>, new (): { manifest?: Record<string, unknown>, name?: string } } }>(m.moduleFile)
      const Cls = mod.default
      if (typeof Cls !== 'function') throw new Error('module.ts has no default export class')
      const instance = new Cls()
      const manifest = (instance.manifest ?? Cls.manifest) as { name?: unknown, frontend?: { layer_path?: unknown } } | undefined
      const name = typeof manifest?.name === 'string' ? manifest.name : typeof instance.name === 'string' ? instance.name : null
      const layerPath = typeof manifest?.frontend?.layer_path === 'string' ? manifest.frontend.layer_path : null
      out.push({ ...m, name, layerPath, loadError: null })
    }
    catch (error) {
      out.push({ ...m, name: null, layerPath: null, loadError: (error as Error).message })
    }
  }
  return out
}

/** The Nuxt layer folder of a module: the module itself (official) or `frontend.layer_path` (community). */
export function layerDirOf(m: InspectedModule): string | null {
  if (m.category === 'official') return m.dir
  return m.layerPath ? resolve(m.dir, m.layerPath) : null
}

export interface BuildProblem {
  module: string
  message: string
}

/**
 * The rules that fail the build: a route outside `/api/v1/<name>/`, two files
 * claiming one method and path, two modules sharing a name.
 */
export function checkBuildRules(rootDir: string, modules: InspectedModule[]): BuildProblem[] {
  const problems: BuildProblem[] = []
  const byName = new Map<string, InspectedModule[]>()
  for (const m of modules) {
    if (!m.name) continue
    byName.set(m.name, [...(byName.get(m.name) ?? []), m])
  }
  for (const [name, list] of byName) {
    if (list.length > 1) problems.push({ module: name, message: `two modules are named "${name}": ${list.map(m => relative(rootDir, m.dir) || m.dir).join(', ')}` })
  }

  const claims = new Map<string, RouteFile & { owner: string }>()
  const claim = (route: RouteFile, owner: string) => {
    const key = routeKey(route.path)
    for (const method of route.method === '*' ? ['*'] : [route.method]) {
      for (const [other, existing] of claims) {
        const [m2, p2] = other.split(' ', 2)
        if (p2 !== key) continue
        if (m2 === method || m2 === '*' || method === '*') {
          problems.push({ module: owner, message: `${method} ${route.path} (${relative(rootDir, route.file)}) is also claimed by ${relative(rootDir, existing.file)}` })
        }
      }
      claims.set(`${method} ${key}`, { ...route, owner })
    }
  }
  for (const route of scanRoutes(join(rootDir, 'server'))) {
    // The core's catch-all 404 yields to every real route.
    if (!route.path.includes('**')) claim(route, 'core')
  }
  for (const m of modules) {
    const layer = layerDirOf(m)
    if (!layer || !m.name) continue
    const prefix = `/api/v1/${m.name}`
    for (const route of scanRoutes(join(layer, 'server'))) {
      if (route.path !== prefix && !route.path.startsWith(`${prefix}/`)) {
        problems.push({ module: m.name, message: `route ${route.method} ${route.path} (${relative(rootDir, route.file)}) is outside ${prefix}/` })
        continue
      }
      claim(route, m.name)
    }
  }
  return problems
}

/** Source of the `#dentalpin/modules` virtual module: every module, lazily loaded. */
export function modulesVirtualSource(rootDir: string, modules: InspectedModule[]): string {
  const entries = modules.map((m) => {
    const migrations = m.migrationFiles.map((file) => {
      const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.(ts|js|mjs)$/, '')
      return `${JSON.stringify(name)}: () => import(${JSON.stringify(file)})`
    })
    const data = m.dataFiles.map(file => `${JSON.stringify(relative(m.dir, file).split('\\').join('/'))}: ${JSON.stringify(readFileSync(file, 'utf8'))}`)
    return `  {
    id: ${JSON.stringify(m.id)},
    category: ${JSON.stringify(m.category)},
    source: ${JSON.stringify(relative(rootDir, m.dir) || m.dir)},
    load: () => import(${JSON.stringify(m.moduleFile)}),
    migrations: { ${migrations.join(', ')} },
    dataFiles: { ${data.join(', ')} },
  }`
  })
  return `export default [\n${entries.join(',\n')}\n]\n`
}
