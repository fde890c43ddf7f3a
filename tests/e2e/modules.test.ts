import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { hydrated, signInAs } from '../support/browser'
import { DEMO_ENV, useAppInBrowser } from '../support/e2e'

// The shell and the module admin screen in Chromium against the built app,
// with the demo clinic and the fixture community modules of the test build.
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))

describe('app shell and module administration', () => {
  const app = useAppInBrowser({ env: DEMO_ENV })
  const errorsSeen: string[] = []

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
  })

  const signedIn = (role: string, locale = 'en-US'): Promise<Page> => signInAs(app.browser, app.server.url, role, errorsSeen, locale)

  // The sidebar (role complementary) holds the main navigation.
  const sidebar = (page: Page, name = 'Sidebar') => page.getByRole('complementary', { name })
  const navLabels = async (page: Page, name = 'Sidebar') => {
    await sidebar(page, name).getByRole('link').first().waitFor()
    return (await sidebar(page, name).getByRole('link').allTextContents()).map(s => s.trim())
  }

  it('shows the dashboard and the official modules before the sample module is installed', async () => {
    const page = await signedIn('admin')
    expect(await navLabels(page)).toEqual(['Home', 'Patients', 'Schedule', 'Treatment plans', 'Settings'])
    await page.waitForLoadState('networkidle')
    expect(await page.getByTestId('sample-widget').count()).toBe(0)
    await page.context().close()
  })

  it('answers the page of a module that is not installed with the 404 page', async () => {
    const page = await signedIn('admin')
    const res = await page.goto('/sample')
    expect(res?.status()).toBe(404)
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    await page.context().close()
  })

  it('shows a hygienist no access on /settings/modules', async () => {
    const page = await signedIn('hygienist')
    await page.goto('/settings/modules')
    await page.getByTestId('no-access').waitFor()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('No access')
    await page.context().close()
  })

  it('installs the sample module from /settings/modules: plan, apply, and its navigation and page appear', async () => {
    const page = await signedIn('admin')
    await sidebar(page).getByRole('link', { name: 'Settings' }).click()
    await page.waitForURL('**/settings')
    await page.goto('/settings/modules')
    await hydrated(page)
    const card = page.locator('[data-module="sample_module"]')
    await card.waitFor()
    await card.getByRole('button', { name: 'Install' }).click()

    // The confirmation shows the server's plan: dependency first, the migrations and tables.
    const plan = page.getByTestId('module-plan')
    await plan.waitFor()
    const planText = await plan.textContent()
    expect(planText).toContain('sample_base')
    expect(planText).toContain('20260101000000_create_notes')
    expect(planText).toContain('sample_module_notes')
    await page.getByRole('button', { name: 'Confirm install' }).click()

    const banner = page.getByTestId('pending-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('sample_module')
    await page.screenshot({ path: `${SCREENSHOTS}settings-modules-pending.png`, fullPage: true })

    await page.getByRole('button', { name: 'Apply changes' }).click()
    await page.locator('[data-testid="pending-banner"][data-phase="done"]').waitFor({ timeout: 60_000 })
    await page.locator('[data-run-module="sample_module"][data-run-status="succeeded"]').waitFor()

    // The navigation follows without a reload.
    await sidebar(page).getByRole('link', { name: 'Sample notes' }).waitFor()
    expect(await navLabels(page)).toEqual(['Home', 'Patients', 'Sample admin', 'Schedule', 'Treatment plans', 'Sample notes', 'Settings'])
    await sidebar(page).getByRole('link', { name: 'Sample notes' }).click()
    await page.waitForURL('**/sample')
    await page.getByRole('heading', { name: 'Sample notes' }).first().waitFor()
    await page.getByText('Welcome to the sample module').waitFor()
    await page.goto('/')
    await page.getByTestId('sample-widget').waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}dashboard.png` })
    await page.context().close()
  })

  it('shows each role its own navigation', async () => {
    const expected: Record<string, string[]> = {
      // Official modules' entries (Patients 10, Schedule 20, Treatment plans 25) interleave with the sample's by order.
      admin: ['Home', 'Patients', 'Sample admin', 'Schedule', 'Treatment plans', 'Sample notes', 'Settings'],
      dentist: ['Home', 'Patients', 'Sample admin', 'Schedule', 'Treatment plans', 'Sample notes', 'Settings'],
      hygienist: ['Home', 'Patients', 'Schedule', 'Treatment plans', 'Sample notes', 'Settings'],
      receptionist: ['Home', 'Patients', 'Schedule', 'Treatment plans', 'Settings'],
    }
    for (const [role, labels] of Object.entries(expected)) {
      const page = await signedIn(role)
      expect(await navLabels(page), role).toEqual(labels)
      await page.context().close()
    }
  })

  it('gives a role without the page permission a no-access state on a module page', async () => {
    const page = await signedIn('hygienist')
    await page.goto('/sample/admin')
    await page.getByTestId('no-access').waitFor()
    await page.context().close()
  })

  it('translates the shell when the language is switched to Spanish', async () => {
    const page = await signedIn('admin')
    await page.getByRole('button', { name: 'User menu' }).click()
    await page.getByRole('menuitem', { name: 'Language' }).hover()
    await page.getByRole('menuitemcheckbox', { name: 'Español' }).click()
    await sidebar(page, 'Barra lateral').waitFor()
    expect(await navLabels(page, 'Barra lateral')).toEqual(['Inicio', 'Pacientes', 'Administración de ejemplo', 'Agenda', 'Planes de tratamiento', 'Notas de ejemplo', 'Ajustes'])
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('Administrador en DentalPin Demo Clinic')
    await page.context().close()
  })

  it('speaks Spanish on /settings/modules for what the server says: a refusal, a load error, the doctor', async () => {
    const page = await signedIn('admin', 'es-ES')
    await page.goto('/settings/modules')
    await hydrated(page)

    // sample_module (installed above) depends on sample_base: the server refuses, and the reason is in Spanish.
    await page.locator('[data-module="sample_base"]').getByRole('button', { name: 'Desinstalar' }).click()
    const refusal = page.getByTestId('plan-refusal')
    await refusal.waitFor()
    const reason = await refusal.textContent()
    expect(reason).toContain('Otros módulos instalados dependen de este')
    expect(reason).toContain('sample_base es necesario para estos módulos instalados: sample_module.')
    expect(reason).not.toContain('is needed by')
    await page.getByRole('button', { name: 'Eliminarlos también' }).click()
    expect(await page.getByTestId('plan-also-removed').textContent()).toContain('sample_module')
    await page.getByRole('button', { name: 'Cancelar' }).click()
    await refusal.waitFor({ state: 'detached' })

    // The broken fixture: a translated lead, then the manifest's own (technical) problems.
    const loadError = page.locator('[data-module="sample_broken"]').getByTestId('module-load-error')
    expect(await loadError.textContent()).toContain('El manifiesto de sample_broken no es válido.')
    expect(await loadError.textContent()).not.toContain('Invalid manifest')

    await page.getByTestId('doctor-banner').getByRole('button', { name: 'Ver detalles' }).click()
    const details = page.getByTestId('doctor-details')
    await details.waitFor()
    expect(await details.textContent()).toContain('El manifiesto de sample_broken no es válido.')
    expect(await details.textContent()).not.toContain('Invalid manifest')
    await page.context().close()
  })

  it('uninstalls the sample module: its navigation, widget and page disappear', async () => {
    const page = await signedIn('admin')
    await page.goto('/settings/modules')
    await hydrated(page)
    const card = page.locator('[data-module="sample_module"]')
    await card.getByRole('button', { name: 'Uninstall' }).click()
    await page.getByTestId('module-plan').waitFor()
    expect(await page.getByTestId('module-plan').textContent()).toContain('sample_module_notes')
    await page.getByRole('button', { name: 'Confirm uninstall' }).click()
    await page.getByRole('button', { name: 'Apply changes' }).click()
    await page.locator('[data-testid="pending-banner"][data-phase="done"]').waitFor({ timeout: 60_000 })
    await sidebar(page).getByRole('link', { name: 'Sample notes' }).waitFor({ state: 'detached' })
    expect(await navLabels(page)).toEqual(['Home', 'Patients', 'Schedule', 'Treatment plans', 'Settings'])
    const res = await page.goto('/sample')
    expect(res?.status()).toBe(404)
    await page.goto('/')
    await hydrated(page)
    await page.waitForLoadState('networkidle')
    expect(await page.getByTestId('sample-widget').count()).toBe(0)
    await page.context().close()
  })

  it('logged no console errors and no page errors along the way', () => {
    expect(errorsSeen).toEqual([])
  })
})
