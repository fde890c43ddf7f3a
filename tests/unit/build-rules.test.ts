import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { discoverModules, routeKey, scanRoutes } from '../../server/platform/build/discovery'
import { checkBuildRules } from '../../server/platform/build/inspect'
import type { InspectedModule } from '../../server/platform/build/inspect'

const roots: string[] = []
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true })
})

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'dentalpin-build-'))
  roots.push(root)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

function official(root: string, id: string, name = id): InspectedModule {
  const dir = join(root, 'layers', id)
  return { id, category: 'official', dir, moduleFile: join(dir, 'module.ts'), migrationFiles: [], dataFiles: [], name, layerPath: null, loadError: null }
}

const handler = 'export default defineEventHandler(() => null)\n'

describe('route scanning', () => {
  it('follows Nitro file naming', () => {
    const root = project({
      'server/api/v1/x/index.get.ts': handler,
      'server/api/v1/x/[id].put.ts': handler,
      'server/api/v1/x/[id]/transitions.post.ts': handler,
      'server/api/v1/x/(group)/all.ts': handler,
      'server/routes/feed.xml.get.ts': handler,
    })
    expect(scanRoutes(join(root, 'server')).map(r => `${r.method} ${r.path}`)).toEqual([
      '* /api/v1/x/all',
      'PUT /api/v1/x/:id',
      'POST /api/v1/x/:id/transitions',
      'GET /api/v1/x',
      'GET /feed.xml',
    ])
    expect(routeKey('/api/v1/x/:id/notes/:noteId')).toBe('/api/v1/x/:/notes/:')
  })
})

describe('build rules', () => {
  it('accepts modules whose routes stay under their prefix', () => {
    const root = project({ 'layers/billing/module.ts': '', 'layers/billing/server/api/v1/billing/invoices/index.get.ts': handler })
    expect(checkBuildRules(root, [official(root, 'billing')])).toEqual([])
  })

  it('refuses a route outside /api/v1/<name>/', () => {
    const root = project({ 'layers/billing/module.ts': '', 'layers/billing/server/api/v1/patients/hack.get.ts': handler })
    const problems = checkBuildRules(root, [official(root, 'billing')])
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toContain('route GET /api/v1/patients/hack')
    expect(problems[0]!.message).toContain('is outside /api/v1/billing/')
  })

  it('refuses two files claiming one method and path, and a method-less file against any method', () => {
    const root = project({
      'layers/billing/module.ts': '',
      'layers/billing/server/api/v1/billing/[id].get.ts': handler,
      'layers/billing/server/api/v1/billing/[invoiceId].get.ts': handler,
      'layers/billing/server/api/v1/billing/stats.ts': handler,
      'layers/billing/server/api/v1/billing/stats.post.ts': handler,
    })
    const messages = checkBuildRules(root, [official(root, 'billing')]).map(p => p.message)
    expect(messages).toHaveLength(2)
    expect(messages.some(m => m.includes('GET /api/v1/billing/:invoiceId') || m.includes('GET /api/v1/billing/:id'))).toBe(true)
    expect(messages.some(m => m.includes('/api/v1/billing/stats'))).toBe(true)
  })

  it('refuses a module route that shadows a core route', () => {
    const root = project({ 'server/api/v1/auth/me.get.ts': handler, 'layers/auth/module.ts': '', 'layers/auth/server/api/v1/auth/me.get.ts': handler })
    expect(checkBuildRules(root, [official(root, 'auth')]).map(p => p.message).join('\n')).toContain('is also claimed by server/api/v1/auth/me.get.ts')
  })

  it('refuses two modules with one name', () => {
    const root = project({ 'layers/a/module.ts': '', 'layers/b/module.ts': '' })
    const problems = checkBuildRules(root, [official(root, 'a', 'notes'), official(root, 'b', 'notes')])
    expect(problems.map(p => p.message)).toEqual(['two modules are named "notes": layers/a, layers/b'])
  })
})

describe('discovery', () => {
  it('finds official layers and configured community folders, and reports what it cannot use', () => {
    const root = project({
      'package.json': JSON.stringify({ dentalpin: { modules: ['./vendor/extra'] } }),
      'layers/patients/module.ts': '',
      'layers/patients/migrations/20260101_a.ts': '',
      'layers/patients/migrations/index.ts': '',
      'layers/patients/data/defaults.yaml': '[]',
      'layers/notamodule/README.md': '',
      'vendor/extra/module.ts': '',
    })
    const result = discoverModules(root, { DENTALPIN_MODULES: 'missing-package' })
    expect(result.modules.map(m => `${m.category} ${m.id}`)).toEqual(['official patients', 'community ./vendor/extra'])
    expect(result.modules[0]!.migrationFiles.map(f => f.slice(f.lastIndexOf('/') + 1))).toEqual(['20260101_a.ts'])
    expect(result.modules[0]!.dataFiles).toHaveLength(1)
    expect(result.problems.map(p => p.id)).toEqual(['layers/notamodule', 'missing-package'])
  })
})
