import { readdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { configDefaults, defineConfig } from 'vitest/config'

const shared = fileURLToPath(new URL('./shared', import.meta.url))
// `#layers/<name>/...` as Nuxt defines it for every layer under layers/.
const layerAliases = Object.fromEntries(readdirSync(new URL('./layers', import.meta.url), { withFileTypes: true })
  .filter(d => d.isDirectory())
  .map(d => [`#layers/${d.name}`, fileURLToPath(new URL(`./layers/${d.name}`, import.meta.url))]))
const alias = {
  ...layerAliases,
  '#shared': shared,
  '#dentalpin/client': fileURLToPath(new URL('./shared/dentalpin-client.ts', import.meta.url)),
  '#dentalpin/modules': fileURLToPath(new URL('./tests/support/no-modules.ts', import.meta.url)),
  '#dentalpin': fileURLToPath(new URL('./server/platform/public.ts', import.meta.url)),
}
const root = dirname(fileURLToPath(import.meta.url))
const componentTests = ['tests/unit/components/**/*.test.ts', 'layers/*/tests/components/**/*.test.ts']

// Pure unit tests, Vue component tests (happy-dom, with the Nuxt auto-imports
// shimmed by tests/support/nuxt-shims.ts), platform tests, API tests against
// the built server over real HTTP, and browser flows in system Chromium. The
// API and e2e projects expect `.output/` (scripts/test.mjs builds it once per run).
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'layers/*/tests/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...componentTests],
          environment: 'node',
        },
      },
      {
        plugins: [vue()],
        resolve: { alias: { ...alias, '~~': root, '~': root } },
        test: {
          name: 'components',
          include: componentTests,
          environment: 'happy-dom',
          setupFiles: ['tests/support/nuxt-shims.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'platform',
          include: ['tests/platform/**/*.test.ts', 'layers/*/tests/platform/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts', 'layers/*/tests/api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-build.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Each file starts its own server on its own database; two at a time fit 2 cores.
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-build.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
