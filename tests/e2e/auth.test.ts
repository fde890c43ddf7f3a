import { describe, expect, it } from 'vitest'
import { hydrated, newPage } from '../support/browser'
import { useAppInBrowser } from '../support/e2e'

describe('first run, sign out and sign in', () => {
  const app = useAppInBrowser()

  it('sets up the clinic, signs out, signs in as the new admin and sees the home page', async () => {
    const { context, page, errors } = await newPage(app.browser, app.server.url)

    // An empty installation sends every visitor to the setup wizard.
    await page.goto('/')
    await page.waitForURL('**/setup')
    await hydrated(page)
    await expect(page.getByRole('heading', { name: 'Set up DentalPin' }).isVisible()).resolves.toBe(true)

    // Step 1: the administrator. Inline validation refuses a weak password before anything is sent.
    await page.getByLabel('First name').fill('Marta')
    await page.getByLabel('Last name').fill('García')
    await page.getByLabel('Email').fill('marta@sonrisa.test')
    await page.getByLabel('Password').fill('weakpassword')
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByText('Must contain a digit').waitFor()
    expect(await page.getByLabel('Clinic name').isVisible()).toBe(false)

    await page.getByLabel('Password').fill('Sonrisa2026')
    await page.getByRole('button', { name: 'Next' }).click()
    // Step 2: the clinic.
    await page.getByLabel('Clinic name').fill('Clínica Sonrisa')
    await page.getByRole('button', { name: 'Create clinic and sign in' }).click()
    await page.waitForURL(app.server.url + '/')
    await page.getByText('Administrator at Clínica Sonrisa').waitFor()
    await hydrated(page)

    await page.getByRole('button', { name: 'User menu' }).click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.waitForURL('**/login')
    // The session is revoked on the server: the home page now redirects to login.
    await page.goto('/')
    await page.waitForURL(/\/login/)

    await hydrated(page)
    await page.getByLabel('Email').fill('marta@sonrisa.test')
    await page.getByLabel('Password').fill('Sonrisa2026')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(app.server.url + '/')
    await page.getByText('Administrator at Clínica Sonrisa').waitFor()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Good (morning|afternoon|evening), Marta$/)

    // The setup wizard is closed for good once the clinic exists.
    await page.goto('/setup')
    await page.waitForURL(url => !url.pathname.startsWith('/setup'))
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows an inline error for a wrong password and stays on the login page', async () => {
    const { context, page } = await newPage(app.browser, app.server.url)
    await page.goto('/login')
    await hydrated(page)
    await page.getByLabel('Email').fill('marta@sonrisa.test')
    await page.getByLabel('Password').fill('WrongPassword1')
    await page.getByRole('button', { name: 'Sign in' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Invalid email or password.')
    expect(new URL(page.url()).pathname).toBe('/login')
    await context.close()
  })

  it('returns to the page you came from after signing in', async () => {
    const { context, page } = await newPage(app.browser, app.server.url)
    await page.goto('/?tab=x')
    await page.waitForURL(/\/login\?redirect=/)
    await hydrated(page)
    await page.getByLabel('Email').fill('marta@sonrisa.test')
    await page.getByLabel('Password').fill('Sonrisa2026')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(url => url.pathname === '/' && url.search === '?tab=x')
    await context.close()
  })

  it('speaks Spanish to a Spanish browser', async () => {
    const { context, page } = await newPage(app.browser, app.server.url, 'es-ES')
    await page.goto('/login')
    await hydrated(page)
    await page.getByRole('heading', { name: 'Inicia sesión en DentalPin' }).waitFor()
    await page.getByLabel('Correo electrónico').fill('marta@sonrisa.test')
    await page.getByLabel('Contraseña').fill('Incorrecta99')
    await page.getByRole('button', { name: 'Iniciar sesión' }).click()
    expect(await page.getByRole('alert').textContent()).toContain('Correo o contraseña incorrectos.')
    await context.close()
  })
})
