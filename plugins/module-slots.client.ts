// Async slot entries rendered on the server must be loaded before the app
// hydrates, or they would hydrate late, without the server's data (a mismatch).
// app:beforeMount runs after every plugin, so every module has registered.
export default defineNuxtPlugin((nuxtApp) => {
  nuxtApp.hook('app:beforeMount', async () => {
    if (nuxtApp.isHydrating) await useModuleSlots().preload()
  })
})
