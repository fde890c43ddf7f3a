import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { hydrated, signInAs } from '../support/browser'
import { DEMO_ENV, useAppInBrowser } from '../support/e2e'
import { ApiClient } from '../support/http'

// The chart at the chair, in Chromium against the built app with the demo
// clinic: the dentist charts caries on 16-O, plans a composite filling on
// 16-O from the treatment bar, performs it and sees the surface turn to
// done; the hygienist charts a condition with the keyboard; the receptionist
// has no Chart tab; a Spanish walk shows the Spanish surface letters (V, P).
// Screenshots (desktop 1280, phone 390; en and es) go to docs/screenshots/odontogram/.
const SHOTS = fileURLToPath(new URL('../../docs/screenshots/odontogram/', import.meta.url))
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 390, height: 844 }

describe('the dental chart', () => {
  const app = useAppInBrowser({ env: DEMO_ENV })
  const errorsSeen: string[] = []
  let patientPath = ''
  let demoPatientPath = ''

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    // A patient of our own with an empty chart, and a demo patient with a charted mouth.
    const api = new ApiClient(app.server.url)
    expect((await api.post('/api/v1/auth/login', { email: 'admin@demo.clinic', password: 'demo1234' })).status).toBe(200)
    const patient = await api.post('/api/v1/patients', { first_name: 'Pau', last_name: 'Carta Molar', phone: '+34 600 123 456' })
    expect(patient.status).toBe(201)
    patientPath = `/patients/${patient.body.data.id}`
    const demo = await api.get('/api/v1/patients?search=Fernández López')
    demoPatientPath = `/patients/${demo.body.data[0].id}`
  })

  const as = async (role: string, locale?: string) => {
    const page = await signInAs(app.browser, app.server.url, role, errorsSeen, locale)
    await page.setViewportSize(DESKTOP)
    return page
  }
  async function openChart(page: Page, path: string) {
    await page.goto(`${path}?tab=odontogram.chart`)
    await hydrated(page)
    await page.getByTestId('odontogram-chart').waitFor()
  }
  const surface = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
  async function shoot(page: Page, name: string) {
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `${SHOTS}${name}.desktop.png`, fullPage: true })
    await page.setViewportSize(PHONE)
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${SHOTS}${name}.phone.png`, fullPage: true })
    await page.setViewportSize(DESKTOP)
  }

  it('lets the dentist chart caries on 16-O, plan a composite filling there and perform it', async () => {
    const page = await as('dentist')
    await openChart(page, patientPath)
    await page.getByText('Nothing charted yet').first().waitFor()

    // Caries from the conditions bar, then a click on the surface.
    await page.getByRole('button', { name: 'Caries', exact: true }).click()
    await surface(page, 'Tooth 16, occlusal').click()
    await page.getByText('Caries charted on 16 O').first().waitFor()
    await expect.poll(() => surface(page, 'Tooth 16, occlusal').getAttribute('data-state')).toBe('todo')

    // A composite filling on the same surface, from the catalog's restorative category.
    await page.getByRole('button', { name: 'Restorative dentistry', exact: true }).click()
    await page.getByRole('button', { name: 'Composite filling', exact: true }).click()
    await surface(page, 'Tooth 16, occlusal').click()
    await page.getByText('Composite filling planned on 16 O').first().waitFor()
    const entries = page.getByTestId('odontogram-entries')
    await entries.getByText('Composite filling').waitFor()
    const findings = page.getByTestId('odontogram-findings')
    await expect.poll(() => findings.locator('[data-count="planned"] dd').textContent()).toBe('1')
    await expect.poll(() => findings.locator('[data-count="findings"] dd').textContent()).toBe('1')
    await shoot(page, 'chart-planned.en')

    // Performed (after confirming): the filling supersedes the caries and the surface is done.
    await page.getByRole('button', { name: 'Perform Composite filling on 16 O' }).click()
    const dialog = page.getByRole('dialog', { name: 'Perform Composite filling?' })
    await dialog.getByRole('button', { name: 'Perform' }).click()
    await page.getByText('Composite filling performed').first().waitFor()
    await expect.poll(() => surface(page, 'Tooth 16, occlusal').getAttribute('data-state')).toBe('done')
    await expect.poll(() => findings.locator('[data-count="planned"] dd').textContent()).toBe('0')
    await expect.poll(() => findings.locator('[data-count="findings"] dd').textContent()).toBe('0')
    await entries.getByRole('region', { name: 'Done' }).getByText('Composite filling').waitFor()

    // Nothing is lost on a refresh: the state comes from the server.
    await page.reload()
    await hydrated(page)
    await expect.poll(() => surface(page, 'Tooth 16, occlusal').getAttribute('data-state')).toBe('done')

    // The timeline recorded the work (from treatment.completed).
    await page.getByRole('tab', { name: 'Timeline' }).click()
    await page.getByText(/Treatment completed: .* on tooth 16/).first().waitFor()
    await page.context().close()
  })

  it('shows a charted demo mouth with its history, replayable on a past date', async () => {
    const page = await as('dentist')
    await openChart(page, demoPatientPath)
    // The demo bridge over a missing 46: pillars 45 and 47.
    await page.getByTestId('odontogram-bridge').first().waitFor({ state: 'attached' })
    await shoot(page, 'chart-demo.en')
    const slider = page.getByRole('slider', { name: 'Day to show' })
    await slider.focus()
    await page.keyboard.press('Home')
    await page.getByTestId('odontogram-replay-banner').waitFor()
    expect(page.url()).toContain('chart_at=')
    // A past date is read only: no charting tools.
    expect(await page.getByTestId('odontogram-toolbar').count()).toBe(0)
    await page.getByRole('button', { name: 'Back to today' }).click()
    await page.getByTestId('odontogram-toolbar').waitFor()
    await page.context().close()
  })

  it('lets a hygienist chart a condition with the keyboard', async () => {
    const page = await as('hygienist')
    await openChart(page, patientPath)
    await page.getByRole('button', { name: 'Fracture', exact: true }).click()
    await surface(page, 'Tooth 21').focus()
    // 1: the mesial surface; Enter applies the tool in hand.
    await page.keyboard.press('1')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Tooth 21, mesial')
    await page.keyboard.press('Enter')
    await page.getByText('Fracture charted on 21 M').first().waitFor()
    await expect.poll(() => surface(page, 'Tooth 21, mesial').getAttribute('data-state')).toBe('todo')
    await page.getByRole('button', { name: 'Keys', exact: true }).click()
    await page.getByTestId('odontogram-shortcuts').waitFor()
    await page.context().close()
  })

  it('shows the receptionist no Chart tab and no findings', async () => {
    const page = await as('receptionist')
    await page.goto(`${patientPath}?tab=odontogram.chart`)
    await hydrated(page)
    await page.getByRole('tab', { name: 'Summary' }).waitFor()
    expect(await page.getByRole('tab', { name: 'Chart' }).count()).toBe(0)
    expect(await page.getByTestId('odontogram-chart').count()).toBe(0)
    expect(await page.getByTestId('odontogram-findings').count()).toBe(0)
    await page.context().close()
  })

  it('walks the chart in Spanish: vestibular V, palatino P on upper teeth, lingual L on lower ones', async () => {
    const page = await as('dentist', 'es-ES')
    await openChart(page, patientPath)
    await page.getByRole('tab', { name: 'Odontograma' }).waitFor()
    await surface(page, 'Diente 26, vestibular').click()
    const panel = page.getByTestId('odontogram-selection')
    await panel.getByRole('heading', { name: 'Diente 26' }).waitFor()
    const letters = async () => (await panel.getByRole('group', { name: 'Superficies' }).getByRole('button').allTextContents()).map(s => s.trim())
    expect(await letters()).toEqual(['M', 'D', 'O', 'V', 'P'])
    await surface(page, 'Diente 36, lingual').click()
    await panel.getByRole('heading', { name: 'Diente 36' }).waitFor()
    expect(await letters()).toEqual(['M', 'D', 'O', 'V', 'L'])
    await surface(page, 'Diente 11, incisal').click()
    await panel.getByRole('heading', { name: 'Diente 11' }).waitFor()
    expect(await letters()).toEqual(['M', 'D', 'I', 'V', 'P'])
    // The filling done in English reads the Spanish way.
    await page.getByTestId('odontogram-entries').getByText('16 O').first().waitFor()
    await shoot(page, 'chart.es')
    await openChart(page, demoPatientPath)
    await page.getByTestId('odontogram-bridge').first().waitFor({ state: 'attached' })
    await shoot(page, 'chart-demo.es')
    await page.context().close()
  })

  it('lets a clinic admin swap the colours: done work turns red on every chart', async () => {
    const page = await as('admin')
    const toSettings = async () => {
      await page.getByRole('complementary', { name: 'Sidebar' }).getByRole('link', { name: 'Settings' }).click()
      await page.waitForURL('**/settings')
    }
    await toSettings()
    const section = page.getByTestId('odontogram-settings-section')
    await section.getByRole('radio', { name: /Blue: to do/ }).check()
    await section.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Chart settings saved').first().waitFor()
    await section.screenshot({ path: `${SHOTS}settings.en.desktop.png` })
    await openChart(page, patientPath)
    const fill = () => surface(page, 'Tooth 16, occlusal').evaluate(el => getComputedStyle(el).fill)
    await expect.poll(fill).toBe('rgb(220, 38, 38)')
    // Back to the usual convention.
    await toSettings()
    await section.getByRole('radio', { name: /Red: to do/ }).check()
    await section.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Chart settings saved').first().waitFor()
    await openChart(page, patientPath)
    await expect.poll(fill).toBe('rgb(37, 99, 235)')
    await page.setViewportSize(PHONE)
    // On a phone the sidebar is a menu: go to the settings by address.
    await page.goto(`${app.server.url}/settings`)
    await hydrated(page)
    await section.screenshot({ path: `${SHOTS}settings.en.phone.png` })
    await page.context().close()

    const es = await as('admin', 'es-ES')
    await es.goto(`${app.server.url}/settings`)
    await hydrated(es)
    const seccion = es.getByTestId('odontogram-settings-section')
    await seccion.getByRole('radio', { name: /Rojo: pendiente/ }).waitFor()
    await seccion.screenshot({ path: `${SHOTS}settings.es.desktop.png` })
    await es.setViewportSize(PHONE)
    await seccion.screenshot({ path: `${SHOTS}settings.es.phone.png` })
    await es.context().close()
  })

  it('reported no browser errors', () => {
    expect(errorsSeen).toEqual([])
  })
})
