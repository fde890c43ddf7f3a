// @ts-check
// The boundary of a module's layer, checked by `npm run lint` (docs/creating-modules.md,
// "Boundaries"). A file under layers/<name>/ may import:
//   - its own layer (relative paths that stay inside layers/<name>/, or `#layers/<name>/...`);
//   - the public entries of the core: `#dentalpin` (server), `#shared/...`, Nuxt's `#imports`...;
//   - `#layers/<x>/...` only when <x> is in the module's manifest `depends`;
//   - packages.
// It may not reach into the core's internals: `~/...`, `~~/...` (and their `@/`, `@@/`
// spellings), or a relative path leaving the layer (into the core's server/ or another layer).
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/**
 * The module names a layer's manifest depends on, read from `depends: [...]` in
 * its module.ts (a literal array of `'name'` / `'name@range'` strings).
 * @param {string} moduleFile
 * @returns {string[]}
 */
export function readDepends(moduleFile) {
  const source = readFileSync(moduleFile, 'utf8')
  const match = source.match(/\bdepends\s*:\s*\[([^\]]*)\]/)
  if (!match) throw new Error(`${moduleFile}: no literal \`depends: [...]\` in the manifest; the lint boundary rule cannot read it`)
  return [...(match[1] ?? '').matchAll(/['"`]([a-z][a-z0-9_]*)(?:@[^'"`]*)?['"`]/g)].map(m => m[1] ?? '')
}

/**
 * One entry per official layer under `<root>/layers` that has a module.ts.
 * @param {string} root
 * @returns {{ name: string, dir: string, depends: string[] }[]}
 */
export function officialLayers(root) {
  const layersDir = join(root, 'layers')
  if (!existsSync(layersDir)) return []
  return readdirSync(layersDir, { withFileTypes: true })
    .filter(d => d.isDirectory() && existsSync(join(layersDir, d.name, 'module.ts')))
    .map(d => ({ name: d.name, dir: join(layersDir, d.name), depends: readDepends(join(layersDir, d.name, 'module.ts')) }))
}

const CORE_ALIAS = /^(~~?|@@?)(\/|$)/

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'A module layer imports only its own files, its dependencies\' public entries and the core\'s public API' },
    schema: [{
      type: 'object',
      properties: {
        layer: { type: 'string' },
        layerDir: { type: 'string' },
        depends: { type: 'array', items: { type: 'string' } },
      },
      required: ['layer', 'layerDir', 'depends'],
      additionalProperties: false,
    }],
    messages: {
      coreAlias: '`{{spec}}` reaches into the core\'s internals. A module uses the core\'s public API only: `#dentalpin` (server), `#shared/...`, and the auto-imports docs/core-api.md lists.',
      escapes: '`{{spec}}` leaves the layer {{layer}} (it resolves to {{target}}). Import the core through `#dentalpin` / `#shared`, and other modules through `#layers/<name>/models` when they are in `depends`.',
      notDependency: '`{{spec}}`: {{layer}} does not depend on {{other}}. Add it to the manifest\'s `depends` or drop the import.',
    },
  },
  create(context) {
    const { layer, layerDir, depends } = context.options[0]
    const allowed = new Set([layer, ...depends])
    const file = context.filename

    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return
      const spec = source.value
      if (CORE_ALIAS.test(spec)) {
        context.report({ node: source, messageId: 'coreAlias', data: { spec } })
        return
      }
      const other = spec.match(/^#layers\/([^/]+)/)?.[1]
      if (other !== undefined) {
        if (!allowed.has(other)) context.report({ node: source, messageId: 'notDependency', data: { spec, layer, other } })
        return
      }
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec)
        if (target !== layerDir && !target.startsWith(layerDir + sep)) {
          context.report({ node: source, messageId: 'escapes', data: { spec, layer, target: relative(resolve(layerDir, '../..'), target) || '.' } })
        }
      }
    }

    return {
      ImportDeclaration: node => check(node.source),
      ExportNamedDeclaration: node => check(node.source),
      ExportAllDeclaration: node => check(node.source),
      ImportExpression: node => check(/** @type {any} */ (node.source)),
    }
  },
}

export default { rules: { 'layer-boundaries': rule } }
