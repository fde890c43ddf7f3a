import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterEach } from 'vitest'

// System Chromium (apt-get install -y chromium); Playwright's own browser download does not work here.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`)
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS })
}

// Content-Security-Policy violations, console errors and page errors of every page opened
// through newPage(), checked after each test: any of them fails that test.
// Failed requests are not counted (the browser logs them itself, and refusals
// such as a 401 on a wrong password are part of the flows under test).
const seenInTest: string[] = []

/** Takes (and clears) what the browser reported so far in this test; for tests of the check itself. */
export function takeBrowserReports(): string[] {
  return seenInTest.splice(0)
}

afterEach(() => {
  const seen = seenInTest.splice(0)
  if (seen.length) throw new Error(`The browser reported CSP violations, console errors or page errors:\n${seen.join('\n')}`)
})

/** Reports `securitypolicyviolation` events as console errors, which the listener below collects. */
function reportViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`)
  })
}

export async function newPage(browser: Browser, baseURL: string, locale = 'en-US'): Promise<{ context: BrowserContext, page: Page, errors: string[] }> {
  const context = await browser.newContext({ baseURL, locale })
  await context.addInitScript(reportViolations)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => {
    errors.push(e.message)
    seenInTest.push(`${page.url()}: ${e.message}`)
  })
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) seenInTest.push(`${page.url()}: ${m.text()}`)
  })
  return { context, page, errors }
}

/** Waits until Nuxt has hydrated the page (app.vue sets the marker). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 30_000 })
}

/**
 * Signs a demo user in (`<role>@demo.clinic` / demo1234) on a fresh context
 * and waits for the hydrated home page. Console errors other than failed
 * requests (which the browser logs itself) and page errors go to `errorsSeen`.
 */
export async function signInAs(browser: Browser, baseURL: string, role: string, errorsSeen: string[], locale = 'en-US'): Promise<Page> {
  const { page, errors } = await newPage(browser, baseURL, locale)
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errorsSeen.push(`${role}: ${m.text()}`)
  })
  page.on('pageerror', e => errorsSeen.push(`${role}: ${e.message}`))
  const es = locale.startsWith('es')
  await page.goto('/login')
  await hydrated(page)
  await page.getByLabel(es ? 'Correo electrónico' : 'Email').fill(`${role}@demo.clinic`)
  await page.getByLabel(es ? 'Contraseña' : 'Password').fill('demo1234')
  await page.getByRole('button', { name: es ? 'Iniciar sesión' : 'Sign in' }).click()
  await page.waitForURL(`${baseURL}/`)
  await hydrated(page)
  errorsSeen.push(...errors)
  return page
}
