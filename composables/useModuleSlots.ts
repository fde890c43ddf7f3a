import { defineAsyncComponent, shallowReactive } from 'vue'
import type { Component } from 'vue'
import type { SlotContext, SlotEntry, SlotName } from '#shared/types/slots'
import ModuleSlotSkeleton from '~/components/ModuleSlotSkeleton.vue'

/** Slot name → entries in registration order. Lives on the Nuxt app (one per request on the server), never in the payload. */
// Entries of different slots take different ctx types; the registry stores them erased.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- erased on purpose, typed again by entries<N>()
type StoredEntry = SlotEntry<any>
type Registry = Record<string, StoredEntry[]>

/**
 * An async entry loads on its own with a skeleton, instead of suspending the
 * whole page (and renders on the server like any other component).
 */
function withSkeleton(component: Component): Component {
  const loader = (component as { __asyncLoader?: () => Promise<Component> }).__asyncLoader
  if (!loader) return component
  return defineAsyncComponent({ loader, loadingComponent: ModuleSlotSkeleton, delay: 0, suspensible: false })
}

function registryOf(): Registry {
  const nuxtApp = useNuxtApp() as ReturnType<typeof useNuxtApp> & { _dentalpinSlots?: Registry }
  if (!nuxtApp._dentalpinSlots) nuxtApp._dentalpinSlots = shallowReactive({}) as Registry
  return nuxtApp._dentalpinSlots
}

/**
 * The slot system (docs/core-api.md, "Slots"). A module's plugin calls
 * `useModuleSlots('my_module').register(name, entry)`: the entry belongs to
 * that module and is hidden while it is not installed. Registering the same
 * id again replaces the entry (HMR-idempotent). `entries(name, ctx)` returns
 * what to render: by ascending `order` (ties in registration order), without
 * entries whose module is inactive, whose permission the user lacks or whose
 * condition refuses the ctx. Slot names are typed (`SlotName`): the core's
 * five plus those modules declare by augmenting `ModuleSlots`.
 */
export function useModuleSlots(owner?: string) {
  const registry = registryOf()
  const modules = useModulesStore()
  const auth = useAuthStore()

  function register<N extends SlotName>(name: N, entry: SlotEntry<SlotContext<N>>): void {
    const stored = { ...entry, module: entry.module ?? owner, component: markRaw(withSkeleton(entry.component) as object) } as StoredEntry
    const list = [...(registry[name] ?? [])]
    const index = list.findIndex(e => e.id === entry.id)
    if (index >= 0) list.splice(index, 1, stored)
    else list.push(stored)
    registry[name] = list
  }

  function unregister(name: SlotName, id: string): void {
    registry[name] = (registry[name] ?? []).filter(e => e.id !== id)
  }

  function entries<N extends SlotName>(name: N, ctx: SlotContext<N>): SlotEntry<SlotContext<N>>[] {
    return (registry[name] ?? [])
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => !entry.module || modules.isActive(entry.module))
      .filter(({ entry }) => !entry.permission || auth.can(entry.permission))
      .filter(({ entry }) => {
        if (!entry.condition) return true
        try {
          return entry.condition(ctx)
        }
        catch (error) {
          console.error(`[slots] condition of "${entry.id}" in ${name} failed`, error)
          return false
        }
      })
      .sort((a, b) => (a.entry.order ?? 0) - (b.entry.order ?? 0) || a.index - b.index)
      .map(({ entry }) => entry)
  }

  /** Loads every async entry (before hydration, so entries rendered on the server hydrate with their data). */
  async function preload(): Promise<void> {
    const loaders = Object.values(registry).flat()
      .map(e => (e.component as { __asyncLoader?: () => Promise<unknown> }).__asyncLoader)
      .filter((load): load is () => Promise<unknown> => typeof load === 'function')
    await Promise.all(loaders.map(load => load().catch(error => console.error('[slots] an entry failed to load', error))))
  }

  return { register, unregister, entries, preload }
}
