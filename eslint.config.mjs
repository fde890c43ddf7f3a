// @ts-check
import withNuxt from './.nuxt/eslint.config.mjs'

// eslint-flat-config-utils uses Object.groupBy (Node 21+); we run on Node 20.
if (!Object.groupBy) {
  Object.groupBy = (items, key) => {
    const out = Object.create(null)
    let i = 0
    for (const item of items) (out[key(item, i++)] ??= []).push(item)
    return out
  }
}

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
})
