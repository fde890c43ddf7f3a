import { discoverModules } from './discovery'
import { inspectModules, layerDirOf } from './inspect'

/** Folders of community modules' Nuxt layers, for `extends` in nuxt.config.ts. */
export async function communityLayerDirs(rootDir: string): Promise<string[]> {
  const { modules } = discoverModules(rootDir)
  const community = modules.filter(m => m.category === 'community')
  if (community.length === 0) return []
  const inspected = await inspectModules(rootDir, community)
  return inspected.map(layerDirOf).filter((dir): dir is string => dir !== null)
}
