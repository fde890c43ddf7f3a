import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hydrated, signInAs } from '../support/browser'
import { DEMO_ENV, useAppInBrowser } from '../support/e2e'

// Settings → Treatments & prices in Chromium against the built app with the
// demo clinic: the admin finds a treatment, edits its prices with the live
// preview, creates a per-surface one; the receptionist reads without
// editing; the section in English and Spanish, desktop and 390 px phone.
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/catalog/', import.meta.url))

describe('catalog settings section', () => {
  const app = useAppInBrowser({ env: DEMO_ENV })
  const errorsSeen: string[] = []

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
  })

  const as = (role: string, locale?: string) => signInAs(app.browser, app.server.url, role, errorsSeen, locale)

  async function openSection(page: Page, title: string, width = 1280) {
    await page.setViewportSize({ width, height: 900 })
    await page.goto('/settings')
    await hydrated(page)
    const section = page.getByRole('region', { name: title })
    await section.getByTestId('catalog-items-table').waitFor()
    await section.scrollIntoViewIfNeeded()
    return section
  }

  it('lets the admin find a bridge and change its unit prices with the live preview', async () => {
    const page = await as('admin')
    const section = await openSection(page, 'Treatments & prices')
    await section.screenshot({ path: `${SCREENSHOTS}settings-en-desktop.png` })
    await section.getByLabel('Search by code or name').fill('zirconio')
    await section.getByRole('button', { name: 'Zirconia bridge', exact: true }).waitFor()
    await expect.poll(() => section.getByTestId('catalog-items-table').locator('tbody tr').count()).toBe(2)
    await section.getByRole('button', { name: 'Zirconia bridge', exact: true }).click()

    const dialog = page.getByRole('dialog', { name: 'Edit Zirconia bridge' })
    const preview = dialog.getByTestId('catalog-price-preview')
    await expect.poll(() => preview.locator('[data-example="bridge_3"] dd').textContent()).toBe('€1,600.00')
    await dialog.getByLabel('Pontic price (each replaced tooth)').fill('480')
    await expect.poll(() => preview.locator('[data-example="bridge_3"] dd').textContent()).toBe('€1,580.00')
    await expect.poll(() => preview.locator('[data-example="bridge_4"] dd').textContent()).toBe('€2,060.00')
    // A standard treatment keeps what it charts as.
    expect(await dialog.getByLabel('Code').isDisabled()).toBe(true)
    await page.setViewportSize({ width: 1280, height: 1500 })
    await dialog.screenshot({ path: `${SCREENSHOTS}editor-bridge-en-desktop.png` })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('Zirconia bridge saved').first().waitFor()
    await page.context().close()
  })

  it('lets the admin create a per-surface treatment; a refused one keeps the dialog with the reason', async () => {
    const page = await as('admin')
    const section = await openSection(page, 'Treatments & prices')
    await section.getByRole('button', { name: 'New treatment' }).click()
    const dialog = page.getByRole('dialog', { name: 'New treatment' })
    await dialog.getByLabel('Code').fill('RES-E2E')
    await dialog.getByLabel('Name (English)').fill('Bulk-fill composite')
    await dialog.getByLabel('Name (Spanish)').fill('Composite bulk-fill')
    await dialog.getByLabel('Price', { exact: true }).fill('50')
    // Per surface without tier prices: the browser names the fields before sending.
    await dialog.getByRole('combobox', { name: 'Pricing' }).click()
    await page.getByRole('option', { name: 'Per surface' }).click()
    await expect.poll(() => dialog.getByTestId('catalog-price-preview').textContent()).toContain('Enter valid prices')
    const tiers = ['50', '65', '80']
    for (const [i, price] of tiers.entries()) await dialog.getByLabel(`Price · ${i + 1}`).fill(price)
    await expect.poll(() => dialog.getByTestId('catalog-price-preview').locator('[data-example="surfaces_2"] dd').textContent()).toBe('€65.00')
    await page.setViewportSize({ width: 1280, height: 1500 })
    await dialog.screenshot({ path: `${SCREENSHOTS}editor-per-surface-en-desktop.png` })
    await dialog.getByRole('button', { name: 'Create' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('Bulk-fill composite created').first().waitFor()
    // The same code again: the server's 409 stays in the dialog, nothing else is created.
    await section.getByRole('button', { name: 'New treatment' }).click()
    await dialog.getByLabel('Code').fill('res-e2e')
    await dialog.getByLabel('Name (English)').fill('Copy')
    await dialog.getByLabel('Price', { exact: true }).fill('1')
    await dialog.getByRole('button', { name: 'Create' }).click()
    await dialog.getByRole('alert').filter({ hasText: 'Another treatment already has this code.' }).waitFor()
    await page.context().close()
  })

  it('shows the receptionist the catalog read-only, with the details and preview', async () => {
    const page = await as('receptionist')
    const section = await openSection(page, 'Treatments & prices')
    expect(await section.getByRole('button', { name: 'New treatment' }).count()).toBe(0)
    expect(await section.getByRole('button', { name: 'Import CSV' }).count()).toBe(0)
    expect(await section.getByRole('switch').count()).toBe(0)
    await section.getByLabel('Search by code or name').fill('RES-COMP')
    await section.getByRole('button', { name: 'Details of Composite filling' }).click()
    const dialog = page.getByRole('dialog', { name: 'Composite filling' })
    await expect.poll(() => dialog.getByTestId('catalog-price-preview').locator('[data-example="surfaces_3"] dd').textContent()).toBe('€85.00')
    await page.context().close()
  })

  it('reads in Spanish, on a desktop and on a 390 px phone', async () => {
    const en = await as('admin')
    const enPhone = await openSection(en, 'Treatments & prices', 390)
    await enPhone.screenshot({ path: `${SCREENSHOTS}settings-en-390.png` })
    await en.context().close()

    const page = await as('admin', 'es-ES')
    const section = await openSection(page, 'Tratamientos y precios')
    await section.getByRole('button', { name: 'Obturación de composite', exact: true }).waitFor()
    await section.screenshot({ path: `${SCREENSHOTS}settings-es-desktop.png` })
    await section.getByRole('tab', { name: 'Tipos de IVA' }).click()
    await section.getByText('Sanitario (exento)').waitFor()
    await section.screenshot({ path: `${SCREENSHOTS}vat-types-es-desktop.png` })
    await section.getByRole('tab', { name: 'Tratamientos' }).click()
    const phone = await openSection(page, 'Tratamientos y precios', 390)
    await phone.screenshot({ path: `${SCREENSHOTS}settings-es-390.png` })
    await phone.getByRole('button', { name: 'Obturación de composite', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Editar Obturación de composite' })
    await expect.poll(() => dialog.getByTestId('catalog-price-preview').locator('[data-example="surfaces_2"] dd').textContent()).toBe('70,00\u00A0€')
    await page.setViewportSize({ width: 390, height: 2400 })
    await dialog.screenshot({ path: `${SCREENSHOTS}editor-es-390.png` })
    await page.context().close()
    expect(errorsSeen).toEqual([])
  })
})
