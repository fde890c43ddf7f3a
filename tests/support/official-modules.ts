// The official module layers (layers/<name>) as build entries for the
// in-process suites: the same module.ts, migrations and seed files the build
// bundles, loaded straight from disk.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Migration } from '../../server/db/migrator'
import type { ModuleClass, ModuleEntry } from '../../server/platform/module'

const layersDir = fileURLToPath(new URL('../../layers/', import.meta.url))

export const OFFICIAL_MODULES = ['patients', 'clinical_notes', 'agenda', 'patient_timeline', 'catalog', 'odontogram', 'treatment_plan'] as const

export function officialEntry(name: string): ModuleEntry {
  const dir = `${layersDir}${name}`
  const migrationsDir = `${dir}/migrations`
  const migrations: Record<string, () => Promise<Migration>> = {}
  if (existsSync(migrationsDir)) {
    for (const file of readdirSync(migrationsDir).filter(f => f.endsWith('.ts')).sort()) {
      migrations[file.replace(/\.ts$/, '')] = () => import(`${migrationsDir}/${file}`) as Promise<Migration>
    }
  }
  const dataFiles: Record<string, string> = {}
  if (existsSync(`${dir}/data`)) {
    for (const file of readdirSync(`${dir}/data`)) dataFiles[`data/${file}`] = readFileSync(`${dir}/data/${file}`, 'utf8')
  }
  return {
    id: name,
    category: 'official',
    source: `layers/${name}`,
    load: () => import(`${dir}/module.ts`) as Promise<{ default: ModuleClass }>,
    migrations,
    dataFiles,
  }
}

/** Entries of the given official modules (all of them by default). */
export function officialEntries(...names: string[]): ModuleEntry[] {
  return (names.length ? names : [...OFFICIAL_MODULES]).map(officialEntry)
}
