import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createUser, signIn } from '../support/fixtures'
import { hydrated, newPage } from '../support/browser'
import { useAppInBrowser } from '../support/e2e'

// People type as soon as they see the form: on a slow line that is before the
// app has hydrated. Nothing typed may be lost, and nothing may be sent by the
// browser itself (the password in a URL). The app's JavaScript is held back
// ~500 ms so typing surely starts before hydration.
async function slowScripts(page: Page) {
  await page.route('**/_nuxt/*.js', async (route) => {
    await new Promise(resolve => setTimeout(resolve, 500))
    await route.continue()
  })
}

const isHydrated = (page: Page) => page.evaluate(() => document.documentElement.dataset.hydrated === 'true')

describe('typing before the page hydrated', () => {
  const app = useAppInBrowser({ env: { NUXT_LOGIN_MAX_FAILURES: '1000' } })

  it('the setup wizard keeps what was typed before hydration', async () => {
    const { context, page, errors } = await newPage(app.browser, app.server.url)
    await slowScripts(page)
    await page.goto('/setup', { waitUntil: 'domcontentloaded' })
    await page.getByLabel('First name').pressSequentially('Marta')
    await page.getByLabel('Last name').pressSequentially('García')
    await page.getByLabel('Email').pressSequentially('marta@typing.test')
    await page.getByLabel('Password').pressSequentially('Sonrisa2026')
    expect(await isHydrated(page)).toBe(false)
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByLabel('Clinic name').fill('Clínica Rápida')
    await page.getByRole('button', { name: 'Create clinic and sign in' }).click()
    await page.waitForURL(app.server.url + '/')
    await page.getByText('Administrator at Clínica Rápida').waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  it('10 of 10 quick sign-ins typed at DOMContentLoaded succeed', async () => {
    let beforeHydration = 0
    const consoleErrors: string[] = []
    for (let run = 1; run <= 10; run++) {
      const { context, page, errors } = await newPage(app.browser, app.server.url)
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(`run ${run}: ${m.text()}`)
      })
      await slowScripts(page)
      await page.goto('/login', { waitUntil: 'domcontentloaded' })
      await page.getByLabel('Email').pressSequentially('marta@typing.test')
      await page.getByLabel('Password').pressSequentially('Sonrisa2026')
      if (!(await isHydrated(page))) beforeHydration += 1
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL(app.server.url + '/', { timeout: 15_000 })
      await page.getByText('Administrator at Clínica Rápida').waitFor()
      consoleErrors.push(...errors)
      await context.close()
    }
    // No hydration mismatch (or anything else) on the way.
    expect(consoleErrors).toEqual([])
    // The race was really run (the typing finished before hydration).
    expect(beforeHydration).toBeGreaterThanOrEqual(8)
  }, 240_000)

  it('Enter before hydration sends nothing natively (no password in the URL) and the text stays', async () => {
    const { context, page } = await newPage(app.browser, app.server.url)
    await slowScripts(page)
    await page.goto('/login', { waitUntil: 'domcontentloaded' })
    await page.getByLabel('Email').pressSequentially('marta@typing.test')
    await page.getByLabel('Password').pressSequentially('Sonrisa2026')
    await page.getByLabel('Password').press('Enter')
    await hydrated(page)
    expect(page.url()).toBe(`${app.server.url}/login`)
    expect(await page.getByLabel('Email').inputValue()).toBe('marta@typing.test')
    expect(await page.getByLabel('Password').inputValue()).toBe('Sonrisa2026')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(app.server.url + '/')
    await context.close()
  })

  it('the invite form keeps the password typed before hydration', async () => {
    const api = await signIn(app.server.url, 'marta@typing.test', 'Sonrisa2026')
    const invited = await createUser(api, { email: 'nuevo@typing.test', role: 'dentist' })
    expect(invited.invite_url).toBeTruthy()
    const { context, page } = await newPage(app.browser, app.server.url)
    await slowScripts(page)
    await page.goto(new URL(invited.invite_url!).pathname, { waitUntil: 'domcontentloaded' })
    await page.getByLabel('Password').pressSequentially('Nuevo2026pass')
    expect(await isHydrated(page)).toBe(false)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(app.server.url + '/')
    await hydrated(page)
    await context.close()
  })

  it('the password reset form keeps both fields typed before hydration', async () => {
    const admin = await signIn(app.server.url, 'marta@typing.test', 'Sonrisa2026')
    const member = await createUser(admin, { email: 'reset@typing.test', role: 'assistant', password: 'Primera2026' })
    const link = await admin.post(`/api/v1/auth/users/${member.user.id}/reset-link`)
    expect(link.status).toBe(201)
    const { context, page } = await newPage(app.browser, app.server.url)
    await slowScripts(page)
    await page.goto(new URL(link.body.data.reset_url).pathname, { waitUntil: 'domcontentloaded' })
    await page.getByLabel('New password', { exact: true }).pressSequentially('Segunda2026')
    await page.getByLabel('Confirm new password', { exact: true }).pressSequentially('Segunda2026')
    expect(await isHydrated(page)).toBe(false)
    await page.getByRole('button', { name: 'Set password and sign in' }).click()
    await page.waitForURL(app.server.url + '/')
    await hydrated(page)
    await context.close()
    await signIn(app.server.url, 'reset@typing.test', 'Segunda2026')
  })
})
