import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { hydrated, signInAs } from '../support/browser'
import { DEMO_ENV, useAppInBrowser } from '../support/e2e'

// Patient safety and everyday defects (#9) in Chromium against the demo
// clinic: allergies asked at registration and shown on the schedule, the
// archive dialog's future appointments, the schedule opening at the current
// time, and dates/times following the interface language rather than the
// browser's (a browser in en-US with the interface in Spanish).
// Screenshots of every changed screen go to SHOTS (desktop and phone, en and es).
const SHOTS = process.env.DENTALPIN_SHOTS_DIR || '/tmp/shots-safety'
const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const

describe('patient safety in the browser', () => {
  const app = useAppInBrowser({ env: DEMO_ENV })
  const errorsSeen: string[] = []

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
  })

  /** Signed in (browser en-US) with the interface in `ui`. */
  async function as(role: string, ui: 'en' | 'es' = 'en'): Promise<Page> {
    const page = await signInAs(app.browser, app.server.url, role, errorsSeen)
    if (ui === 'es') {
      await page.context().addCookies([{ name: 'dentalpin_locale', value: 'es', url: app.server.url }])
    }
    return page
  }
  async function open(page: Page, path: string) {
    await page.goto(path)
    await hydrated(page)
  }
  async function shoot(page: Page, name: string, ui: string, fullPage = false) {
    for (const [label, size] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(size)
      // Past the form's 300 ms validation debounce and the toasts' entrance.
      await page.waitForTimeout(400)
      await page.screenshot({ path: `${SHOTS}/${name}-${ui}-${label}.png`, fullPage })
    }
    await page.setViewportSize(VIEWPORTS.desktop)
  }

  it.each(['en', 'es'] as const)('registration asks the allergies; "not recorded" is amber, not "none known" (%s)', async (ui) => {
    const page = await as('receptionist', ui)
    await page.setViewportSize(VIEWPORTS.desktop)
    await open(page, '/patients?new=1')
    const form = page.getByTestId('patients-form')
    await form.waitFor()
    const es = ui === 'es'
    await form.getByLabel(es ? 'Nombre' : 'First name', { exact: true }).fill(es ? 'Olga' : 'Owen')
    await form.getByLabel(es ? 'Apellidos' : 'Last name', { exact: true }).fill(`Sinpreguntar ${ui}`)
    // Dates in the interface's order with the month by name, whatever the browser's locale.
    const parts = await form.locator('[data-date-part]').evaluateAll(els => els.map(e => e.getAttribute('data-date-part')))
    expect(parts).toEqual(es ? ['day', 'month', 'year'] : ['month', 'day', 'year'])
    expect(await page.locator('input[type="date"], input[type="time"]').count()).toBe(0)
    await form.getByLabel(es ? 'Día' : 'Day').fill('3')
    await form.getByLabel(es ? 'Mes' : 'Month').click()
    await page.getByRole('option', { name: es ? 'diciembre' : 'December' }).click()
    await form.getByLabel(es ? 'Año' : 'Year').fill('1990')
    await form.getByTestId('patients-allergies-field').waitFor()
    await shoot(page, 'patients-new', ui)
    await page.getByRole('button', { name: es ? 'Crear paciente' : 'Create patient' }).click()
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}/)
    await hydrated(page)
    const header = page.getByTestId('patients-header')
    await header.getByText(es ? 'Alergias no registradas' : 'Allergies not recorded').waitFor()
    expect(await header.getByText(es ? 'Sin alergias conocidas' : 'No known allergies').count()).toBe(0)
    // The birth date is shown unambiguously, in the interface's language.
    await header.getByText(es ? '3 dic 1990' : 'Dec 3, 1990').waitFor()
    await shoot(page, 'patients-not-recorded', ui)

    // "None known" at registration is recorded as such.
    await open(page, '/patients?new=1')
    await form.getByLabel(es ? 'Nombre' : 'First name', { exact: true }).fill('Nina')
    await form.getByLabel(es ? 'Apellidos' : 'Last name', { exact: true }).fill(`Preguntada ${ui}`)
    await form.getByRole('checkbox', { name: es ? 'Sin alergias conocidas' : 'No known allergies' }).click()
    await page.getByRole('button', { name: es ? 'Crear paciente' : 'Create patient' }).click()
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}/)
    await hydrated(page)
    await page.getByTestId('patients-header').getByText(es ? 'Sin alergias conocidas' : 'No known allergies').waitFor()
    await page.context().close()
  })

  it.each(['en', 'es'] as const)('the schedule opens at the current time and every card shows the allergies (%s)', async (ui) => {
    const page = await as('receptionist', ui)
    // 15:00 in Madrid today (the demo clinic's clock).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(new Date())
    const at15 = new Date(`${today}T15:00:00${offsetOf(today)}`)
    await page.clock.setFixedTime(at15)
    await page.setViewportSize(VIEWPORTS.desktop)
    await open(page, `/appointments?view=week&date=${today}`)
    const grid = page.getByTestId('agenda-grid')
    await grid.waitFor()
    await page.locator('[data-appointment-id]').first().waitFor()
    const line = page.getByTestId('agenda-now-line').first()
    await line.waitFor()
    const view = await grid.evaluate((el) => {
      const now = el.querySelector('[data-testid="agenda-now-line"]')!.getBoundingClientRect()
      const box = el.getBoundingClientRect()
      return { scrollTop: el.scrollTop, lineInView: now.top >= box.top && now.bottom <= box.bottom }
    })
    expect(view.scrollTop).toBeGreaterThan(0)
    expect(view.lineInView).toBe(true)
    // Cards carry the allergy state in their accessible name (the list or "not recorded").
    const names = await page.locator('[data-appointment-id]').evaluateAll(els => els.map(e => e.getAttribute('aria-label') ?? ''))
    expect(names.some(n => n.includes(ui === 'es' ? 'Alergias:' : 'Allergies:'))).toBe(true)
    expect(names.some(n => n.includes(ui === 'es' ? 'Alergias no registradas' : 'Allergies not recorded'))).toBe(true)
    await shoot(page, 'agenda-week-now', ui)

    // Another week: it opens at the start of the working day.
    await open(page, `/appointments?view=week&date=2031-01-15`)
    await grid.waitFor()
    expect(await grid.evaluate(el => el.scrollTop)).toBe(0)
    await page.getByRole('button', { name: /08:00$/ }).first().waitFor()

    // The appointment dialog lists the allergies too; the edit form uses 24 h and the interface's date order.
    await open(page, `/appointments?view=week&date=${today}`)
    const allergic = page.locator('[data-appointment-id]').filter({ has: page.locator('[data-allergies="danger"]') }).first()
    await allergic.click()
    const dialog = page.getByTestId('agenda-appointment-detail')
    await dialog.getByTestId('allergies').waitFor()
    await shoot(page, 'agenda-appointment-allergies', ui)
    await page.keyboard.press('Escape')
    await page.locator('[data-appointment-id]:is([data-status="scheduled"], [data-status="confirmed"])').first().click()
    await page.getByRole('button', { name: ui === 'es' ? 'Editar' : 'Edit', exact: true }).click()
    const start = page.locator('[data-time-input] input, input[data-time-input]').first()
    await start.waitFor()
    expect(await start.inputValue()).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/)
    const order = await page.getByRole('dialog').last().locator('[data-date-part]').evaluateAll(els => els.map(e => e.getAttribute('data-date-part')))
    expect(order).toEqual(ui === 'es' ? ['day', 'month', 'year'] : ['month', 'day', 'year'])
    await shoot(page, 'agenda-appointment-edit', ui)
    await page.context().close()
  })

  it('archiving a patient with future appointments says how many and can cancel them', async () => {
    const page = await as('receptionist')
    // A patient with two future appointments, made over the API with the page's session.
    const made = await page.request.post('/api/v1/patients', { data: { first_name: 'Archie', last_name: 'Futuro', no_known_allergies: true } })
    expect(made.status()).toBe(201)
    const patient = (await made.json()).data.id as string
    const pros = (await (await page.request.get('/api/v1/agenda/professionals')).json()).data as { id: string }[]
    const ids: string[] = []
    for (const day of [10, 11]) {
      const res = await page.request.post('/api/v1/agenda/appointments', {
        data: { patient_id: patient, professional_id: pros[0]!.id, start_time: `2031-02-${day}T09:00:00Z`, end_time: `2031-02-${day}T09:30:00Z` },
      })
      expect(res.status(), await res.text()).toBe(201)
      ids.push((await res.json()).data.id)
    }
    await open(page, `/patients/${patient}`)
    await page.getByRole('button', { name: 'Archive' }).first().click()
    const warning = page.getByTestId('agenda-archive-warning')
    await warning.getByText('This patient has 2 future appointments.').waitFor()
    await shoot(page, 'patients-archive-future', 'en')
    await warning.getByRole('checkbox', { name: 'Also cancel the 2 future appointments' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click()
    await page.getByText('2 future appointments cancelled', { exact: true }).waitFor()
    for (const id of ids) {
      const got = await (await page.request.get(`/api/v1/agenda/appointments/${id}`)).json()
      expect(got.data.status).toBe('cancelled')
    }
    expect((await (await page.request.get(`/api/v1/patients/${patient}`)).json()).data.status).toBe('archived')
    await page.context().close()
  })

  it('the Spanish archive dialog and the modules page (no Uninstall for required modules)', async () => {
    const page = await as('admin', 'es')
    const list = await (await page.request.get('/api/v1/patients?search=garcia')).json()
    await open(page, `/patients/${list.data[0].id}`)
    await page.getByRole('button', { name: 'Archivar' }).first().click()
    await page.getByRole('dialog').waitFor()
    await page.waitForTimeout(500)
    await shoot(page, 'patients-archive-future', 'es')
    await page.keyboard.press('Escape')
    for (const ui of ['es', 'en'] as const) {
      await page.context().addCookies([{ name: 'dentalpin_locale', value: ui, url: app.server.url }])
      await open(page, '/settings/modules')
      const card = page.locator('[data-module="patients"]')
      await card.waitFor()
      await card.getByTestId('module-required').waitFor()
      expect(await card.getByRole('button', { name: ui === 'es' ? 'Desinstalar' : 'Uninstall' }).count()).toBe(0)
      await shoot(page, 'settings-modules', ui)
    }
    await page.context().close()
    expect(errorsSeen).toEqual([])
  })
})

/** `+01:00` or `+02:00`: Madrid's offset on that day. */
function offsetOf(date: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Madrid', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`)).find(p => p.type === 'timeZoneName')!.value
  return name.replace('GMT', '') || '+00:00'
}
