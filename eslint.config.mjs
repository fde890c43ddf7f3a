// @ts-check
import { fileURLToPath } from 'node:url'
import withNuxt from './.nuxt/eslint.config.mjs'
import boundaries, { officialLayers } from './eslint/layer-boundaries.mjs'

// eslint-flat-config-utils uses Object.groupBy (Node 21+); we run on Node 20.
if (!Object.groupBy) {
  Object.groupBy = (items, key) => {
    const out = Object.create(null)
    let i = 0
    for (const item of items) (out[key(item, i++)] ??= []).push(item)
    return out
  }
}

const root = fileURLToPath(new URL('.', import.meta.url))

export default withNuxt({
  ignores: ['.data/**', '.output/**', 'test-results/**'],
}, {
  rules: {
    'vue/multi-word-component-names': 'off',
  },
}, {
  // Frozen migrations, the runner and the platform work on Kysely<any> by design (any module's
  // tables); tests poke at raw JSON.
  files: [
    'migrations/**', 'layers/*/migrations/**', 'server/db/migrator.ts', 'server/db/scoped.ts',
    'server/platform/{apply,backup,module,operation,preview,public,schema-introspection,seeds}.ts',
    'tests/**', 'layers/*/tests/**',
  ],
  rules: {
    '@typescript-eslint/no-explicit-any': 'off',
  },
},
// Module boundaries: one block per official layer, with the `depends` of its manifest read
// now (eslint/layer-boundaries.mjs). A layer's own tests drive the core's harness
// (server/db, tests/support) and are left out.
...officialLayers(root).map(({ name, dir, depends }) => ({
  name: `dentalpin/layer-boundaries/${name}`,
  files: [`layers/${name}/**/*.{ts,mts,js,mjs,vue}`],
  ignores: [`layers/${name}/tests/**`],
  // The typed config helpers and ESLint's own rule types disagree on RuleContext.
  plugins: { dentalpin: /** @type {any} */ (boundaries) },
  rules: {
    'dentalpin/layer-boundaries': /** @type {['error', unknown]} */ (['error', { layer: name, layerDir: dir, depends }]),
  },
})))
