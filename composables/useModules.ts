/** Active modules and `isActive(name)` for pages and components. */
export function useModules() {
  const store = useModulesStore()
  return {
    active: computed(() => store.active),
    isActive: store.isActive,
    refresh: store.refresh,
  }
}

/** `can(permission)` from the signed-in user's permissions in the current clinic. */
export function useCan() {
  const auth = useAuthStore()
  return (permission: string) => auth.can(permission)
}
