// Reads module.ts files at build time (with jiti) to learn their names and
// community layer paths, checks the rules the build enforces, and writes the
// `#dentalpin/modules` source.
import { readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { createJiti } from 'jiti'
import { checkDuplicateNames, checkRoutes, readModuleExport } from '../../server/platform/rules'
import type { RouteFile } from '../../server/platform/rules'
import type { DiscoveredModule } from './discovery'
import { scanRoutes } from './discovery'

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

/**
 * Imports module files the way the build does (jiti, with the platform's
 * aliases): the build and `npm run modules -- validate` load modules alike.
 */
export function moduleImporter(rootDir: string): (file: string) => Promise<Record<string, unknown>> {
  const jiti = createJiti(join(rootDir, 'nuxt.config.ts'), { alias: platformAliases(rootDir), moduleCache: false, fsCache: false })
  return file => jiti.import<Record<string, unknown>>(file)
}

/** The manifest name and community layer path of each module, read with the loading rule (rules.ts `readModuleExport`). */
export async function inspectModules(rootDir: string, modules: DiscoveredModule[]): Promise<InspectedModule[]> {
  const importFile = moduleImporter(rootDir)
  const out: InspectedModule[] = []
  for (const m of modules) {
    try {
      const read = readModuleExport((await importFile(m.moduleFile)).default)
      if (!read.ok) throw new Error(read.message)
      const manifest = read.manifest as { name?: unknown, frontend?: { layer_path?: unknown } }
      const name = typeof manifest.name === 'string' ? manifest.name : null
      const layerPath = typeof manifest.frontend?.layer_path === 'string' ? manifest.frontend.layer_path : null
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
 * The rules that fail the build (rules.ts, the same functions the CLI and the
 * server use): two modules sharing a name, a route outside `/api/v1/<name>/`,
 * two files (the core's included) claiming one method and path.
 */
export function checkBuildRules(rootDir: string, modules: InspectedModule[]): BuildProblem[] {
  const named = modules.filter((m): m is InspectedModule & { name: string } => m.name !== null)
  const problems: BuildProblem[] = []
  checkDuplicateNames(named.map(m => ({ name: m.name, source: relative(rootDir, m.dir) || m.dir })))
    .forEach((issues, i) => problems.push(...issues.map(p => ({ module: named[i]!.name, message: p.message }))))
  const rel = (routes: RouteFile[]) => routes.map(r => ({ ...r, file: relative(rootDir, r.file) }))
  const owners = [
    { name: 'core', core: true, routes: rel(scanRoutes(join(rootDir, 'server'))) },
    ...named.map((m) => {
      const layer = layerDirOf(m)
      return { name: m.name, routes: layer ? rel(scanRoutes(join(layer, 'server'))) : [] }
    }),
  ]
  checkRoutes(owners).forEach((issues, i) => problems.push(...issues.map(p => ({ module: owners[i]!.name, message: p.message }))))
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
