import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { hydrated, signInAs } from '../support/browser'
import { DEMO_ENV, useAppInBrowser } from '../support/e2e'

// A day at the desk in Chromium against the built app with the demo clinic:
// the receptionist registers a patient, books a free slot and walks the
// appointment to completed; it shows on the patient's timeline. The
// hygienist reads but cannot edit. Then the timeline module is removed and
// its tab goes with it while patients keep working.
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))

/** A clinic-local date two weeks ahead, clear of the demo week. */
function freeDay(timeZone: string): string {
  const d = new Date(Date.now() + 14 * 24 * 3600_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
}

describe('patients, schedule and timeline', () => {
  const app = useAppInBrowser({ env: DEMO_ENV })
  const errorsSeen: string[] = []
  let patientUrl = ''

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
  })

  const as = (role: string, locale?: string) => signInAs(app.browser, app.server.url, role, errorsSeen, locale)

  it('lets a receptionist register a patient', async () => {
    const page = await as('receptionist')
    await page.getByRole('complementary', { name: 'Sidebar' }).getByRole('link', { name: 'Patients' }).click()
    await page.waitForURL('**/patients')
    // The demo clinic's patients are listed; the search finds one without its accents.
    await page.getByRole('link', { name: /Lucía/ }).first().waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}patients-list.png` })
    await page.getByRole('button', { name: 'New patient' }).click()
    const form = page.getByTestId('patients-form')
    await form.getByLabel('First name').fill('Zoe')
    await form.getByLabel('Last name').fill('Navarro Peñalver')
    await form.getByLabel('Phone').fill('+34 699 111 222')
    // Asked at the desk: the receptionist records "no known allergies".
    await form.getByRole('checkbox', { name: 'No known allergies' }).click()
    await page.getByRole('button', { name: 'Create patient' }).click()
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}/)
    patientUrl = new URL(page.url()).pathname
    await page.getByRole('heading', { name: 'Zoe Navarro Peñalver' }).waitFor()
    await page.getByText('No known allergies').first().waitFor()

    await page.goto('/patients?search=penalver%20zoe')
    await hydrated(page)
    await page.getByRole('link', { name: 'Navarro Peñalver, Zoe' }).waitFor()
    await page.context().close()
  })

  it('lets the receptionist book a free slot and walk the appointment to completed', async () => {
    const page = await as('receptionist')
    const day = freeDay('Europe/Madrid')
    await page.goto(`/appointments?view=day&group=professional&date=${day}`)
    await hydrated(page)
    await page.getByRole('button', { name: /^New appointment: Diego Dentista, 10:00$/ }).click()

    const patient = page.getByTestId('agenda-patient-select')
    await patient.click()
    await page.keyboard.type('Peñalver')
    await page.getByRole('option', { name: /Zoe Navarro Peñalver/ }).click()
    await page.getByLabel('Reason').fill('Check-up')
    await page.getByRole('button', { name: 'Book appointment' }).click()

    const card = page.getByRole('button', { name: /10:00.*Zoe Navarro Peñalver/ })
    await card.waitFor()
    await card.click()
    for (const action of ['Confirm', 'Check in']) {
      await page.getByRole('button', { name: action, exact: true }).click()
      await page.getByRole('dialog').getByText(action === 'Confirm' ? 'Confirmed' : 'Checked in').first().waitFor()
    }
    // Starting the treatment seats the patient in a cabinet.
    await page.getByRole('button', { name: 'Start treatment', exact: true }).click()
    const seat = page.getByRole('dialog', { name: /Start the treatment of/ })
    await seat.getByRole('combobox').click()
    await page.getByRole('option', { name: 'Cabinet 1' }).click()
    await seat.getByRole('button', { name: 'Start treatment' }).click()
    await page.getByRole('button', { name: 'Complete', exact: true }).click()
    await page.getByRole('dialog').getByText('Completed').first().waitFor()
    await page.keyboard.press('Escape')
    await page.goto('/appointments')
    await hydrated(page)
    await page.getByRole('button', { name: /^New appointment: / }).first().waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}agenda-week.png` })
    await page.context().close()
  })

  it('shows the visit on the patient\'s timeline', async () => {
    const page = await as('receptionist')
    await page.goto(patientUrl)
    await hydrated(page)
    await page.getByRole('tab', { name: 'Timeline' }).click()
    await page.getByText(/Appointment on .* completed/).first().waitFor()
    await page.getByText(/Appointment scheduled/).first().waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}patients-detail.png` })
    await page.getByRole('tab', { name: 'Appointments' }).click()
    await page.getByText('Check-up').first().waitFor()
    await page.context().close()
  })

  it('lets a hygienist read the patient but not edit it', async () => {
    const page = await as('hygienist')
    await page.goto('/patients')
    await hydrated(page)
    await page.getByRole('link', { name: /Lucía/ }).first().waitFor()
    expect(await page.getByRole('button', { name: 'New patient' }).count()).toBe(0)
    await page.goto(patientUrl)
    await hydrated(page)
    await page.getByRole('heading', { name: 'Zoe Navarro Peñalver' }).waitFor()
    await page.getByRole('tab', { name: 'Summary' }).waitFor()
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Archive' }).count()).toBe(0)
    await page.context().close()
  })

  it('removes the Timeline tab with the patient_timeline module; patients keep working', async () => {
    const page = await as('admin')
    // Official modules are pinned (removable: false): the screen offers no Uninstall and
    // says "Required"; removing one anyway is an API call with force.
    await page.goto('/settings/modules')
    await hydrated(page)
    const card = page.locator('[data-module="patient_timeline"]')
    await card.getByTestId('module-required').waitFor()
    expect(await card.getByRole('button', { name: 'Uninstall' }).count()).toBe(0)
    const scheduled = await page.request.post('/api/v1/modules/patient_timeline/uninstall?force=true')
    expect(scheduled.status()).toBe(202)
    const applied = await page.request.post('/api/v1/modules/-/apply')
    expect(applied.status()).toBe(200)
    await page.goto(patientUrl)
    await hydrated(page)
    await page.getByRole('tab', { name: 'Summary' }).waitFor()
    expect(await page.getByRole('tab', { name: 'Timeline' }).count()).toBe(0)
    await page.getByRole('tab', { name: 'Appointments' }).waitFor()
    await page.goto('/patients')
    await hydrated(page)
    await page.getByRole('link', { name: 'Navarro Peñalver, Zoe' }).waitFor()
    await page.context().close()
  })

  it('logged no console errors and no page errors along the way', () => {
    expect(errorsSeen).toEqual([])
  })
})
