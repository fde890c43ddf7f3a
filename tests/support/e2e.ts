import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './browser'
import { startServer } from './server'
import type { StartOptions, TestServer } from './server'

/** The demo clinic with no sign-in throttling: the environment of the e2e flows that sign demo users in. */
export const DEMO_ENV = { NUXT_DEMO: 'true', NUXT_LOGIN_MAX_FAILURES: '1000' }

export interface AppInBrowser {
  /** The built server on a fresh database (set from the suite's first beforeAll on). */
  readonly server: TestServer
  /** System Chromium (set from the suite's first beforeAll on). */
  readonly browser: Browser
}

/**
 * Starts the built server and Chromium for the surrounding describe block and
 * closes both after it. Call it before the suite's own beforeAll hooks: they
 * run after this one and can use `server` and `browser`.
 */
export function useAppInBrowser(options: StartOptions = {}): AppInBrowser {
  let server: TestServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startServer(options)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    get server() {
      if (!server) throw new Error('the test server is not started yet (use it inside a hook or a test)')
      return server
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet (use it inside a hook or a test)')
      return browser
    },
  }
}
