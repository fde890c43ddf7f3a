import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { hydrated, signInAs } from '../support/browser'
import { DEMO_ENV, useAppInBrowser } from '../support/e2e'
import { ApiClient } from '../support/http'

// Treatment plans in Chromium against the built app with the demo clinic:
// the dentist opens a patient, creates a plan, plans two composite fillings
// on the chart of the plan's page, proposes the plan and accepts it in
// clinic, books a visit with one of them, ticks it done and completes the
// visit — the tooth turns to done, the plan shows 1 of 2 and the timeline has
// both events; a receptionist finds a plan on the board, closes it with a
// reason and reactivates it with its treatment. Screenshots (desktop 1280,
// phone 390; en and es) go to docs/screenshots/treatment_plan/.
const SHOTS = fileURLToPath(new URL('../../docs/screenshots/treatment_plan/', import.meta.url))
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 390, height: 844 }

describe('treatment plans', () => {
  const app = useAppInBrowser({ env: DEMO_ENV })
  const errorsSeen: string[] = []
  let patientId = ''
  let otherPlan = { id: '', number: '' }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    const api = new ApiClient(app.server.url)
    expect((await api.post('/api/v1/auth/login', { email: 'admin@demo.clinic', password: 'demo1234' })).status).toBe(200)
    const patient = await api.post('/api/v1/patients', { first_name: 'Teo', last_name: 'Plan Molar', phone: '+34 600 222 333' })
    expect(patient.status).toBe(201)
    patientId = patient.body.data.id
    // A second patient with a draft plan of one filling, for the receptionist.
    const other = await api.post('/api/v1/patients', { first_name: 'Lia', last_name: 'Cierre Prieto', phone: '+34 600 222 444' })
    const plan = await api.post('/api/v1/treatment_plan/plans', { patient_id: other.body.data.id, title: 'Filling on 36' })
    expect(plan.status, JSON.stringify(plan.body)).toBe(201)
    otherPlan = { id: plan.body.data.id, number: plan.body.data.number }
    const items = await api.get('/api/v1/catalog/items?search=RES-COMP')
    const composite = items.body.data.find((i: { code: string }) => i.code === 'RES-COMP')
    const added = await api.post(`/api/v1/treatment_plan/plans/${otherPlan.id}/items`, { catalog_item_id: composite.id, teeth: [{ tooth: 36, surfaces: ['O'] }] })
    expect(added.status, JSON.stringify(added.body)).toBe(201)
  })

  const as = async (role: string, locale?: string) => {
    const page = await signInAs(app.browser, app.server.url, role, errorsSeen, locale)
    await page.setViewportSize(DESKTOP)
    return page
  }
  async function shoot(page: Page, name: string) {
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `${SHOTS}${name}.desktop.png`, fullPage: true })
    await page.setViewportSize(PHONE)
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${SHOTS}${name}.phone.png`, fullPage: true })
    await page.setViewportSize(DESKTOP)
  }
  const surface = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
  const detail = (page: Page) => page.getByTestId('treatment-plan-detail')
  const toast = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor()

  it('takes two fillings from the chart through the plan to a visit that does one of them', async () => {
    const page = await as('dentist')
    page.setDefaultTimeout(15_000)
    await page.goto(`/patients/${patientId}?tab=treatment_plan.plans`)
    await hydrated(page)
    await page.getByText('No treatment plans yet.').waitFor()
    await page.getByRole('button', { name: 'New plan' }).click()
    const form = page.getByRole('dialog', { name: 'New treatment plan' })
    await form.getByLabel('Title').fill('Two fillings')
    await form.getByRole('button', { name: 'Create plan' }).click()
    await page.waitForURL(/\/treatment-plans\/[0-9a-f-]{36}$/)
    await hydrated(page)
    await detail(page).getByRole('heading', { level: 1, name: /^PLAN-\d{4}-\d{4} · Two fillings$/ }).waitFor()
    expect(await detail(page).getAttribute('data-status')).toBe('draft')

    // Planning mode: the fillings planned on the chart join the plan.
    const chart = page.getByTestId('treatment-plan-chart')
    await chart.getByTestId('odontogram-planning-banner').waitFor()
    await chart.getByRole('button', { name: 'Restorative dentistry', exact: true }).click()
    await chart.getByRole('button', { name: 'Composite filling', exact: true }).click()
    await surface(page, 'Tooth 16, occlusal').click()
    await toast(page, 'Composite filling planned on 16 O')
    await surface(page, 'Tooth 26, occlusal').click()
    await toast(page, 'Composite filling planned on 26 O')
    const items = page.getByTestId('treatment-plan-item')
    await expect.poll(() => items.count()).toBe(2)
    await expect.poll(() => page.getByTestId('treatment-plan-total').textContent()).toBe('€110.00')
    await shoot(page, 'plan-draft.en')

    // Proposed (the items lock), then accepted in clinic after the question.
    await page.getByRole('button', { name: 'Propose to the patient' }).click()
    await expect.poll(() => detail(page).getAttribute('data-status')).toBe('proposed')
    await page.getByText('The items are locked while the plan is proposed.', { exact: false }).waitFor()
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0)
    await page.getByRole('button', { name: 'Accept in clinic' }).click()
    const accept = page.getByRole('dialog', { name: /^Accept PLAN-/ })
    await accept.getByText('€110.00', { exact: false }).waitFor()
    await accept.getByRole('button', { name: 'Accept in clinic' }).click()
    await expect.poll(() => detail(page).getAttribute('data-status')).toBe('accepted')
    expect(await page.locator('[data-step="accepted"]').getAttribute('aria-current')).toBe('step')

    // A visit that has just ended, with the 16 filling booked on it.
    const visitId = await bookJustEndedVisit(page)
    await page.goto(`/appointments?appointment=${visitId}`)
    await hydrated(page)
    const visit = page.getByTestId('treatment-plan-visit')
    await visit.getByRole('button', { name: /^Add Composite filling 16 O · PLAN-/ }).click()
    await toast(page, 'Visit work saved')
    await visit.getByTestId('treatment-plan-visit-items').getByText('Composite filling').waitFor()
    const dialog = page.getByRole('dialog')
    for (const step of ['Check in', 'Start treatment']) {
      await dialog.getByRole('button', { name: step, exact: true }).click()
      await page.getByText(/Status changed|now/).first().waitFor({ state: 'attached' }).catch(() => undefined)
      await page.waitForLoadState('networkidle')
    }
    // At the end: ticked done, then the visit completed.
    // The tick is the server's answer: it shows once saved.
    const tick = visit.getByRole('checkbox', { name: 'Done: Composite filling 16 O' })
    await tick.click()
    await expect.poll(() => tick.getAttribute('aria-checked')).toBe('true')
    await shoot(page, 'visit.en')
    await dialog.getByRole('button', { name: 'Complete', exact: true }).click()
    await expect.poll(async () => (await page.request.get(`/api/v1/agenda/appointments/${visitId}`).then(r => r.json())).data.status).toBe('completed')

    // The tooth is done on the chart, the other still to do.
    await page.goto(`/patients/${patientId}?tab=odontogram.chart`)
    await hydrated(page)
    await expect.poll(() => surface(page, 'Tooth 16, occlusal').getAttribute('data-state'), { timeout: 15_000 }).toBe('done')
    expect(await surface(page, 'Tooth 26, occlusal').getAttribute('data-state')).toBe('todo')

    // The plan shows 1 of 2, still accepted.
    await page.getByRole('tab', { name: 'Plans' }).click()
    await page.getByTestId('treatment-plan-rows').getByRole('link', { name: /Two fillings/ }).click()
    await hydrated(page)
    const progress = page.getByTestId('treatment-plan-progress').first()
    await expect.poll(() => progress.getAttribute('data-done')).toBe('1')
    expect(await progress.getAttribute('data-total')).toBe('2')
    await page.getByText('1 of 2 done').first().waitFor()
    expect(await detail(page).getAttribute('data-status')).toBe('accepted')
    await shoot(page, 'plan-progress.en')

    // The timeline: the plan's events and the work done.
    await page.goto(`/patients/${patientId}?tab=patient_timeline.tab`)
    await hydrated(page)
    await page.getByText(/Treatment completed: filling on tooth 16/).first().waitFor()
    await page.getByText(/Treatment plan PLAN-\d{4}-\d{4} accepted/).first().waitFor()
    await page.getByText(/Treatment plan PLAN-\d{4}-\d{4} proposed to the patient/).first().waitFor()
    await page.context().close()
  }, 180_000)

  /** Books the dentist (or the first free professional) on a visit of this patient that ended a moment ago. */
  async function bookJustEndedVisit(page: Page): Promise<string> {
    const professionals = (await (await page.request.get('/api/v1/agenda/professionals')).json()).data as { id: string }[]
    const cabinets = (await (await page.request.get('/api/v1/agenda/cabinets')).json()).data as { id: string }[]
    const end = new Date(Date.now() - 2_000)
    const start = new Date(end.getTime() - 20 * 60_000)
    for (const professional of professionals) {
      for (const cabinet of cabinets) {
        const res = await page.request.post('/api/v1/agenda/appointments', {
          data: { patient_id: patientId, professional_id: professional.id, cabinet_id: cabinet.id, start_time: start.toISOString(), end_time: end.toISOString(), reason: 'Fillings' },
        })
        if (res.status() === 201) return (await res.json()).data.id
      }
    }
    throw new Error('no professional and cabinet free for the visit')
  }

  it('lets a receptionist close a plan with a reason and reactivate it, its treatment back', async () => {
    const page = await as('receptionist')
    await page.getByRole('link', { name: 'Treatment plans' }).first().click()
    await page.waitForURL('**/treatment-plans')
    await hydrated(page)
    await page.getByLabel('Search plans').fill('Cierre Prieto')
    const row = page.getByTestId('treatment-plan-rows').getByRole('link', { name: new RegExp(otherPlan.number) })
    await row.waitFor()
    await shoot(page, 'board.en')
    await row.click()
    await hydrated(page)
    await detail(page).waitFor()
    // A receptionist may close and reactivate, never propose or accept.
    expect(await page.getByRole('button', { name: 'Propose to the patient' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Close plan' }).click()
    const close = page.getByRole('dialog', { name: `Close ${otherPlan.number}?` })
    await close.getByRole('combobox', { name: 'Reason' }).click()
    await page.getByRole('option', { name: 'Rejected by the patient' }).click()
    await close.getByLabel('Note').fill('Prefers to wait until summer.')
    await close.getByRole('button', { name: 'Close plan' }).click()
    await close.waitFor({ state: 'detached' })
    await expect.poll(() => detail(page).getAttribute('data-status')).toBe('closed')
    await page.getByTestId('treatment-plan-closed').getByText('Closed: Rejected by the patient').waitFor()
    await page.getByText('Prefers to wait until summer.').waitFor()
    await shoot(page, 'plan-closed.en')

    await page.getByRole('button', { name: 'Reactivate' }).click()
    const reactivate = page.getByRole('dialog', { name: `Reactivate ${otherPlan.number}?` })
    await reactivate.getByRole('button', { name: 'Reactivate' }).click()
    await expect.poll(() => detail(page).getAttribute('data-status')).toBe('draft')
    await expect.poll(() => page.getByTestId('treatment-plan-item').count()).toBe(1)
    expect(await page.getByTestId('treatment-plan-item').first().getAttribute('data-status')).toBe('pending')
    await page.context().close()
  })

  it('shows the board and a plan in Spanish', async () => {
    const page = await as('dentist', 'es-ES')
    await page.goto('/treatment-plans?tab=closed')
    await hydrated(page)
    await page.getByRole('heading', { level: 1, name: 'Planes de tratamiento' }).waitFor()
    await page.getByRole('link', { name: /Cerrados y completados/ }).waitFor()
    await page.goto('/treatment-plans?tab=waiting_patient')
    await hydrated(page)
    await page.getByTestId('treatment-plan-rows').or(page.getByText('No hay planes aquí.')).first().waitFor()
    await shoot(page, 'board.es')
    await page.goto(`/treatment-plans/${otherPlan.id}`)
    await hydrated(page)
    await detail(page).getByText('Borrador').first().waitFor()
    await shoot(page, 'plan.es')
    await page.context().close()
  })

  it('reported no browser errors', () => {
    expect(errorsSeen).toEqual([])
  })
})
