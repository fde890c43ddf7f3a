// Stand-in for the build-generated `#dentalpin/modules` outside a Nuxt build:
// tests hand their own module entries to startPlatform().
export default []
