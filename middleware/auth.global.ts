// Uninitialised installation → /setup; anonymous → /login (remembering where
// you were going); a page of a module that is not installed → 404.
const PUBLIC = ['/login', '/setup']

export default defineNuxtRouteMiddleware(async (to) => {
  // The server already rendered this request's error page; do not raise it again while hydrating.
  const nuxtApp = useNuxtApp()
  if (import.meta.client && nuxtApp.isHydrating && nuxtApp.payload.error) return
  const auth = useAuthStore()
  if (auth.initialized !== true) await auth.fetchSetupStatus()
  if (!auth.initialized) return to.path === '/setup' ? undefined : navigateTo('/setup')
  if (to.path === '/setup') return navigateTo('/login')

  // One-time links (an invitation, a password reset) are opened signed out.
  const isPublic = PUBLIC.includes(to.path) || to.path.startsWith('/invite/') || to.path.startsWith('/reset/')
  if (!auth.meLoaded) await auth.fetchMe()
  if (isPublic) {
    if (auth.me && to.path === '/login') return navigateTo(typeof to.query.redirect === 'string' ? to.query.redirect : '/')
    return
  }
  if (!auth.me) return navigateTo({ path: '/login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} })

  const modules = useModulesStore()
  if (!modules.loaded) await modules.refresh()
  const owner = to.meta.module
  if (owner && !modules.isActive(owner)) {
    return abortNavigation(createError({ statusCode: 404, statusMessage: 'Page not found', fatal: true }))
  }
})
