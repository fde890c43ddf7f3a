// Build-time discovery of modules (runs in the Nuxt config, the Nuxt module
// and the CLI, never in the server bundle): official modules are `layers/*/module.ts`, community
// modules are folders or packages named by DENTALPIN_MODULES (comma
// separated) and/or `dentalpin.modules` in package.json.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { routeOfFile } from '../../server/platform/rules'
import type { RouteFile } from '../../server/platform/rules'

export interface DiscoveredModule {
  /** Folder name (official) or the configured entry (community). */
  id: string
  category: 'official' | 'community'
  /** Absolute folder holding module.ts. */
  dir: string
  moduleFile: string
  /** Migration files (absolute), sorted by name. */
  migrationFiles: string[]
  /** Files under data/ (absolute). */
  dataFiles: string[]
}

function listFiles(dir: string, filter: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(path, filter))
    else if (filter(path)) out.push(path)
  }
  return out.sort()
}

function describe(dir: string, id: string, category: DiscoveredModule['category']): DiscoveredModule {
  return {
    id,
    category,
    dir,
    moduleFile: join(dir, 'module.ts'),
    migrationFiles: listFiles(join(dir, 'migrations'), f => /\.(ts|js|mjs)$/.test(f) && !/[\\/]index\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts')),
    dataFiles: listFiles(join(dir, 'data'), f => /\.ya?ml$/.test(f)),
  }
}

/** Names of community modules from the environment and package.json. */
export function configuredCommunityModules(rootDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.DENTALPIN_MODULES ?? '').split(',').map(s => s.trim()).filter(Boolean)
  let fromPackage: string[] = []
  try {
    const pkg = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8'))
    fromPackage = Array.isArray(pkg?.dentalpin?.modules) ? pkg.dentalpin.modules : []
  }
  catch {
    // no package.json: nothing configured there
  }
  return [...new Set([...fromPackage, ...fromEnv])]
}

function resolveCommunity(rootDir: string, entry: string): string {
  const folder = resolve(rootDir, entry)
  if (entry.startsWith('.') || entry.startsWith('/') || existsSync(folder)) return folder
  // A package name: its folder is where its package.json lives.
  const require = createRequire(join(rootDir, 'package.json'))
  return dirname(require.resolve(`${entry}/package.json`))
}

export interface DiscoveryResult {
  modules: DiscoveredModule[]
  /** Problems found before any module code runs (missing folder, no module.ts). */
  problems: { id: string, message: string }[]
}

export function discoverModules(rootDir: string, env: NodeJS.ProcessEnv = process.env): DiscoveryResult {
  const modules: DiscoveredModule[] = []
  const problems: DiscoveryResult['problems'] = []
  const layersDir = join(rootDir, 'layers')
  if (existsSync(layersDir)) {
    for (const name of readdirSync(layersDir).sort()) {
      const dir = join(layersDir, name)
      if (!statSync(dir).isDirectory()) continue
      if (!existsSync(join(dir, 'module.ts'))) {
        problems.push({ id: `layers/${name}`, message: 'layer has no module.ts (every official layer is a module)' })
        continue
      }
      modules.push(describe(dir, name, 'official'))
    }
  }
  for (const entry of configuredCommunityModules(rootDir, env)) {
    let dir: string
    try {
      dir = resolveCommunity(rootDir, entry)
    }
    catch {
      problems.push({ id: entry, message: 'community module not found (check DENTALPIN_MODULES / dentalpin.modules)' })
      continue
    }
    if (!existsSync(join(dir, 'module.ts'))) {
      problems.push({ id: entry, message: `no module.ts in ${dir}` })
      continue
    }
    modules.push(describe(dir, entry, 'community'))
  }
  return { modules, problems }
}

/** Routes a layer serves, from its server/api and server/routes files (the rule: rules.ts `routeOfFile`). */
export function scanRoutes(serverDir: string): RouteFile[] {
  const routes: RouteFile[] = []
  for (const [base, prefix] of [['api', '/api'], ['routes', '']] as const) {
    const dir = join(serverDir, base)
    for (const file of listFiles(dir, f => /\.(ts|mts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))) {
      routes.push({ ...routeOfFile(relative(dir, file).split(sep).join('/'), prefix), file })
    }
  }
  return routes
}
