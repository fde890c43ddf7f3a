import { fileURLToPath } from 'node:url'
import { communityLayerDirs } from './modules/dentalpin-platform/layers'

// The root app is the DentalPin core. Official modules are Nuxt layers under
// layers/<name>/ (auto-registered by Nuxt from ~~/layers).
const apiErrorHandler = fileURLToPath(new URL('./server/error-handler.ts', import.meta.url))
const rootDir = fileURLToPath(new URL('.', import.meta.url))
const communityLayers = await communityLayerDirs(rootDir)
const clientEntry = fileURLToPath(new URL('./shared/dentalpin-client.ts', import.meta.url))

export default defineNuxtConfig({

  // Community modules' layers (official ones are auto-registered from layers/).
  extends: communityLayers,

  modules: ['@nuxt/ui', '@pinia/nuxt', '@nuxtjs/i18n', '@nuxt/eslint', 'nuxt-security', '~~/modules/dentalpin-platform'],

  devtools: { enabled: false },

  css: ['~/assets/css/main.css'],

  runtimeConfig: {
    // Overridable with NUXT_* at run time; see docs/user-manual/operations.md.
    demo: false,
    loginMaxFailures: 5,
    loginWindowSeconds: 900,
    // Largest JSON request body in bytes (NUXT_MAX_BODY_BYTES); uploads have their own.
    maxBodyBytes: 1024 * 1024,
    sessionDays: 14,
    tokenDays: 30,
    trustProxy: false,
  },
  dir: { app: 'app' },
  // Root layout (no app/ srcDir) as the design card fixes it; Nuxt 4 behaviour otherwise.
  srcDir: '.',
  serverDir: 'server',

  // What module code in the browser may import from the core (the server's is `#dentalpin`).
  alias: { '#dentalpin/client': clientEntry },
  future: { compatibilityVersion: 4 },
  compatibilityDate: '2025-07-15',

  vite: {
    // Hydration mismatches name the element in production builds too (they are bugs we want reported).
    define: { __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true' },
  },

  typescript: {
    strict: true,
    typeCheck: false,
  },
  telemetry: false,

  hooks: {
    // Our handler turns every error under /api/** into the ErrorResponse envelope; the
    // rest (pages) fall through to Nuxt's own error page.
    'nitro:config'(nitroConfig) {
      const config = nitroConfig as { errorHandler?: string | string[] }
      const existing = config.errorHandler
      const rest = Array.isArray(existing) ? existing : existing ? [existing] : []
      config.errorHandler = [apiErrorHandler, ...rest]
    },
  },

  eslint: {
    config: { stylistic: true },
  },

  // Fonts ship with the system stack: the remote providers would reach the network at build time.
  fonts: {
    providers: {
      google: false,
      googleicons: false,
      bunny: false,
      fontshare: false,
      fontsource: false,
      adobe: false,
    },
  },

  i18n: {
    strategy: 'no_prefix',
    defaultLocale: 'en',
    locales: [
      // One file per area so each can be edited on its own; all are merged per locale.
      { code: 'en', language: 'en-US', name: 'English', files: ['en.json', 'shell.en.json', 'settings.en.json', 'modules.en.json'] },
      { code: 'es', language: 'es-ES', name: 'Español', files: ['es.json', 'shell.es.json', 'settings.es.json', 'modules.es.json'] },
    ],
    detectBrowserLanguage: { useCookie: true, cookieKey: 'dentalpin_locale', redirectOn: 'root' },
    bundle: { optimizeTranslationDirective: false },
  },

  // Lucide comes from @iconify-json/lucide, bundled into the server: icons never hit the network.
  icon: {
    serverBundle: { collections: ['lucide'] },
    provider: 'server',
    fallbackToApi: false,
  },

  // Response headers of the HTML pages (docs/security.md). Only the headers,
  // the per-response CSP nonce and X-Powered-By removal are used: the body
  // limit, CSRF/content-type checks and login limiter are our own
  // (server/middleware, server/auth/rate-limit.ts), and HSTS plus nosniff on
  // every response come from server/middleware/00.security-headers.ts.
  security: {
    nonce: true,
    headers: {
      contentSecurityPolicy: {
        'default-src': ['\'self\''],
        'base-uri': ['\'none\''],
        'object-src': ['\'none\''],
        'frame-ancestors': ['\'none\''],
        'form-action': ['\'self\''],
        'connect-src': ['\'self\''],
        'img-src': ['\'self\'', 'data:', 'blob:'],
        'font-src': ['\'self\'', 'data:'],
        // @nuxt/ui, Tailwind and the icons set inline styles.
        'style-src': ['\'self\'', '\'unsafe-inline\''],
        // Only scripts carrying this response's nonce, and what they load.
        'script-src': ['\'self\'', '\'strict-dynamic\'', '\'nonce-{{nonce}}\''],
        'script-src-attr': ['\'none\''],
        'worker-src': ['\'self\''],
        'upgrade-insecure-requests': false,
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: 'same-origin',
      strictTransportSecurity: false,
      xFrameOptions: 'DENY',
      permissionsPolicy: {
        'camera': [],
        'microphone': [],
        'geolocation': [],
        'payment': [],
        'usb': [],
        'display-capture': [],
        'fullscreen': ['self'],
      },
    },
    hidePoweredBy: true,
    requestSizeLimiter: false,
    rateLimiter: false,
    xssValidator: false,
    corsHandler: false,
    allowedMethodsRestricter: false,
    basicAuth: false,
    csrf: false,
    // Keeps console.error and friends in the browser build: failures must stay visible.
    removeLoggers: false,
    // Same-origin assets only; SRI would add nothing here.
    sri: false,
    ssg: false,
  },
})
