import { defineStore } from 'pinia'
import type { ActiveModule } from '#shared/types/modules'

export type { ActiveModule }

/** The installed modules as the signed-in user may see them (GET /api/v1/modules/-/active). */
export const useModulesStore = defineStore('modules', () => {
  const active = ref<ActiveModule[]>([])
  const loaded = ref(false)
  const error = ref<string | null>(null)
  const api = useRequestFetch()

  async function refresh(): Promise<void> {
    try {
      const res = await api<{ data: ActiveModule[] }>('/api/v1/modules/-/active')
      active.value = res.data
      error.value = null
    }
    catch (e) {
      const status = (e as { statusCode?: number }).statusCode
      if (status === 401) active.value = []
      else {
        error.value = (e as Error).message
        console.error('[modules] could not load the active modules', e)
      }
    }
    loaded.value = true
  }

  /** After module operations: permissions (from /me) and the active list both change. */
  async function refreshAfterChange(): Promise<void> {
    await Promise.all([useAuthStore().fetchMe(), refresh()])
  }

  function reset(): void {
    active.value = []
    loaded.value = false
  }

  const isActive = (name: string) => active.value.some(m => m.name === name)

  return { active, loaded, error, refresh, refreshAfterChange, reset, isActive }
})
