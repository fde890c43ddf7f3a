// The build side of the module platform: discovers official and community
// modules, fails the build on route or naming violations, and hands the
// server a lazily-loaded list of every module (`#dentalpin/modules`), with its
// migrations and seed files bundled so `.output` needs no source folders.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { addTypeTemplate, defineNuxtModule } from '@nuxt/kit'
import { discoverModules } from './discovery'
import { checkBuildRules, inspectModules, layerDirOf, modulesVirtualSource, platformAliases } from './inspect'

export default defineNuxtModule({
  meta: { name: 'dentalpin-platform' },
  async setup(_options, nuxt) {
    const rootDir = nuxt.options.rootDir
    const { modules, problems } = discoverModules(rootDir)
    for (const p of problems) console.warn(`[dentalpin] module ${p.id}: ${p.message}`)
    const inspected = await inspectModules(rootDir, modules)
    for (const m of inspected.filter(m => m.loadError)) {
      // Kept out at run time too (and reported by doctor); the build goes on.
      console.warn(`[dentalpin] module ${m.id} could not be loaded at build time: ${m.loadError}`)
    }
    const violations = checkBuildRules(rootDir, inspected)
    if (violations.length > 0) {
      throw new Error(`DentalPin module rules violated:\n${violations.map(v => `  - ${v.module}: ${v.message}`).join('\n')}`)
    }

    // Every page of a module's layer belongs to that module (a page may also declare
    // `definePageMeta({ module })`): the router shows a 404 while it is not installed.
    const layerOwners = inspected
      .map(m => ({ name: m.name, dir: layerDirOf(m) }))
      .filter((o): o is { name: string, dir: string } => Boolean(o.name && o.dir))
    nuxt.hook('pages:extend', (pages) => {
      const mark = (list: typeof pages) => {
        for (const page of list) {
          const owner = page.file ? layerOwners.find(o => page.file!.startsWith(`${o.dir}/`)) : undefined
          if (owner && !page.meta?.module) page.meta = { ...page.meta, module: owner.name }
          if (page.children) mark(page.children)
        }
      }
      mark(pages)
    })

    const aliases = platformAliases(rootDir)
    nuxt.options.alias['#dentalpin'] = aliases['#dentalpin']!
    nuxt.hook('nitro:config', (nitroConfig) => {
      const config = nitroConfig as typeof nitroConfig & { alias?: Record<string, string> }
      config.alias = { ...config.alias, '#dentalpin': aliases['#dentalpin']! }
      config.virtual = { ...config.virtual, '#dentalpin/modules': () => modulesVirtualSource(rootDir, inspected) }
    })
    // Records which community modules this build contains (npm run demo rebuilds when that changes).
    const community = inspected.filter(m => m.category === 'community').map(m => m.id).sort()
    nuxt.hook('nitro:init', (nitro) => {
      nitro.hooks.hook('compiled', () => {
        writeFileSync(join(nitro.options.output.dir, 'dentalpin-build.json'), JSON.stringify({ community }, null, 2))
      })
    })

    addTypeTemplate({
      filename: 'types/dentalpin-modules.d.ts',
      getContents: () => `declare module '#dentalpin/modules' {
  const entries: import('${aliases['#dentalpin']!.replace(/\.ts$/, '')}').ModuleEntry[]
  export default entries
}
`,
    }, { nitro: true, nuxt: true })
  },
})
