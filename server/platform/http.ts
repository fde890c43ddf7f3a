import { z } from 'zod'
import { ok } from '../utils/envelope'
import { useDb } from '../db'
import { MODULE_NAME } from './manifest'
import { usePlatform } from '.'

export const moduleNameParams = z.object({ name: z.string().regex(MODULE_NAME).max(50) })

const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', ''])]).optional()
  .transform(v => v === true || v === 'true' || v === '1' || v === '')

export const operationQuery = z.object({ force: flag, dry_run: flag })

/** Doctor findings to acknowledge, by their stable keys. */
export const acknowledgeBody = z.object({ keys: z.array(z.string().min(1).max(300)).min(1).max(200) })

/** A dry run's answer: the modules the operation would touch, in order, each with its plan. Nothing changes. */
export async function dryRunAnswer(chain: string[], operation: 'install' | 'uninstall' | 'upgrade') {
  const { applier } = usePlatform()
  return ok({ chain, plans: await Promise.all(chain.map(m => applier.plan(m, operation))) }, 'Dry run: nothing was changed')
}

/**
 * Beyond the contract: switches a module off or on at once, keeping its
 * schema and data; the running app follows (and says so to the browsers).
 * Answers the module's new state.
 */
export async function switchModuleAnswer(name: string, on: boolean) {
  const { service, runtime } = usePlatform()
  await (on ? service.enable(name) : service.disable(name))
  await runtime.refresh(useDb(), { announce: true })
  return ok(await service.getInfo(name), on ? `${name} is enabled` : `${name} is disabled; its data is kept`)
}
