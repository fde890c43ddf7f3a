import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../support/http'
import { hydrated, newPage, signInAs } from '../support/browser'
import { DEMO_ENV, useAppInBrowser } from '../support/e2e'

// Every main screen, in English and Spanish, checked with axe-core against the
// WCAG 2.1 A and AA rules in Chromium: 0 violations allowed. The suite brings
// its own data (the demo clinic on its own server, plus a patient with one
// appointment in every status on a day of its own), so it depends on no other file.
// Each screen is also laid out at a 390 px phone width, where nothing may make
// the page scroll sideways; screenshots of both go to DENTALPIN_SHOTS_DIR when it is set.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const SHOTS = process.env.DENTALPIN_SHOTS_DIR
const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const
const STATUSES = ['scheduled', 'confirmed', 'checked_in', 'in_treatment', 'completed', 'cancelled', 'no_show'] as const
const WALK: Record<(typeof STATUSES)[number], string[]> = {
  scheduled: [],
  confirmed: ['confirmed'],
  checked_in: ['checked_in'],
  in_treatment: ['checked_in', 'in_treatment'],
  completed: ['checked_in', 'in_treatment', 'completed'],
  cancelled: ['cancelled'],
  no_show: ['no_show'],
}

interface Violation { id: string, impact: string | null, help: string, nodes: { target: string, html: string, summary: string }[] }

/**
 * Runs axe-core in the page. Its source is evaluated through the DevTools
 * protocol (page.evaluate), which the page's nonce-based CSP does not govern:
 * no script tag is added, so nothing is reported as a violation of the policy.
 */
async function axe(page: Page): Promise<Violation[]> {
  if (!await page.evaluate(() => 'axe' in window)) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: { id: string, impact: string | null, help: string, nodes: { target: unknown[], html: string, failureSummary?: string }[] }[] }> } }).axe.run
    const result = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations.map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html.slice(0, 300), summary: (n.failureSummary ?? '').split('\n').slice(0, 3).join(' ') })),
    }))
  }, WCAG)
}

function describeViolations(violations: Violation[]): string {
  return violations.map(v => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 8).map(n => `  ${n.target} — ${n.summary}\n    ${n.html}`).join('\n')}${v.nodes.length > 8 ? `\n  ... ${v.nodes.length - 8} more` : ''}`).join('\n')
}

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  const app = useAppInBrowser({ env: DEMO_ENV })
  let patientPath = ''
  let planPath = ''
  const day = '2031-03-12'

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true })

    // Our own patient, with one appointment in every status on a day nothing else uses.
    const api = new ApiClient(app.server.url)
    expect((await api.post('/api/v1/auth/login', { email: 'admin@demo.clinic', password: 'demo1234' })).status).toBe(200)
    const patient = await api.post('/api/v1/patients', { first_name: 'Aina', last_name: 'Contraste Ruiz', phone: '+34 600 000 111', allergies: ['Latex'] })
    expect(patient.status).toBe(201)
    patientPath = `/patients/${patient.body.data.id}`
    const professionals = await api.get('/api/v1/agenda/professionals')
    const professional = professionals.body.data[0].id as string
    const cabinets = await api.get('/api/v1/agenda/cabinets')
    const cabinet = cabinets.body.data[0].id as string
    // A treatment plan with one planned filling (the plan page, its chart and the visit's plan work).
    const plan = await api.post('/api/v1/treatment_plan/plans', { patient_id: patient.body.data.id, title: 'Restorative work' })
    expect(plan.status, JSON.stringify(plan.body)).toBe(201)
    planPath = `/treatment-plans/${plan.body.data.id}`
    const items = await api.get('/api/v1/catalog/items?search=RES-COMP')
    const composite = items.body.data.find((i: { code: string }) => i.code === 'RES-COMP')
    const added = await api.post(`/api/v1/treatment_plan/plans/${plan.body.data.id}/items`, { catalog_item_id: composite.id, teeth: [{ tooth: 16, surfaces: ['O'] }] })
    expect(added.status, JSON.stringify(added.body)).toBe(201)
    for (const [i, status] of STATUSES.entries()) {
      const hour = String(8 + i).padStart(2, '0')
      const created = await api.post('/api/v1/agenda/appointments', {
        patient_id: patient.body.data.id,
        professional_id: professional,
        cabinet_id: cabinet,
        start_time: `${day}T${hour}:00:00+01:00`,
        end_time: `${day}T${hour}:45:00+01:00`,
        reason: `Visit ${status}`,
      })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      for (const to of WALK[status]) {
        const moved = await api.post(`/api/v1/agenda/appointments/${created.body.data.id}/transitions`, { to_status: to })
        expect(moved.status, JSON.stringify(moved.body)).toBe(200)
      }
    }
  })

  /** Signed in with the browser and the interface in `ui`. */
  async function signedIn(ui: 'en' | 'es'): Promise<Page> {
    const page = await signInAs(app.browser, app.server.url, 'admin', [], ui === 'es' ? 'es-ES' : 'en-US')
    await page.setViewportSize(VIEWPORTS.desktop)
    return page
  }

  /** Waits for the screen to settle (transitions, skeletons), checks it, and takes its screenshots. */
  async function check(page: Page, ui: string, name: string) {
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(400)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(ui === 'es' ? 'es-ES' : 'en-US')
    const violations = await axe(page)
    expect.soft(violations, `${name} (${ui}):\n${describeViolations(violations)}`).toEqual([])
    for (const [label, size] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(size)
      await page.waitForTimeout(300)
      // Nothing may push the page sideways on a phone (wide content scrolls inside its own box).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect.soft(overflow, `${name} (${ui}) is ${overflow} px wider than a ${size.width} px ${label} screen`).toBeLessThanOrEqual(0)
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.${ui}.${label}.png` })
    }
    await page.setViewportSize(VIEWPORTS.desktop)
  }

  async function open(page: Page, path: string) {
    await page.goto(path)
    await hydrated(page)
  }

  describe.each(['en', 'es'] as const)('%s', (ui) => {
    const es = ui === 'es'

    it('the sign-in page, with and without an error', async () => {
      const { page, context } = await newPage(app.browser, app.server.url, es ? 'es-ES' : 'en-US')
      await page.setViewportSize(VIEWPORTS.desktop)
      await open(page, '/login')
      await check(page, ui, 'login')
      await page.getByLabel(es ? 'Correo electrónico' : 'Email').fill('admin@demo.clinic')
      await page.getByLabel(es ? 'Contraseña' : 'Password').fill('wrong-password-1')
      await page.getByRole('button', { name: es ? 'Iniciar sesión' : 'Sign in' }).click()
      await page.getByRole('alert').first().waitFor()
      await check(page, ui, 'login-error')
      await context.close()
    })

    it('the dashboard', async () => {
      const page = await signedIn(ui)
      await check(page, ui, 'dashboard')
      await page.context().close()
    })

    it('the patient list', async () => {
      const page = await signedIn(ui)
      await open(page, '/patients')
      await page.getByRole('link', { name: /Contraste Ruiz/ }).first().waitFor()
      await check(page, ui, 'patients-list')
      await page.context().close()
    })

    it('a patient page and each of its tabs', async () => {
      const page = await signedIn(ui)
      await open(page, patientPath)
      await page.getByRole('heading', { name: 'Aina Contraste Ruiz' }).waitFor()
      await check(page, ui, 'patient-summary')
      const tabs = page.getByRole('tab')
      const count = await tabs.count()
      expect(count).toBeGreaterThanOrEqual(4)
      for (let i = 1; i < count; i++) {
        await tabs.nth(i).click()
        await check(page, ui, `patient-tab-${i}`)
      }
      await page.context().close()
    })

    it('the schedule, day and week, with every status', async () => {
      const page = await signedIn(ui)
      // Cancelled and no-show cards shown too: they are the faded ones.
      await open(page, `/appointments?view=day&group=professional&date=${day}&cancelled=1`)
      await page.getByRole('button', { name: /Contraste Ruiz/ }).first().waitFor()
      await check(page, ui, 'schedule-day')
      await open(page, `/appointments?view=week&date=${day}&cancelled=1`)
      await page.getByRole('button', { name: /Contraste Ruiz/ }).first().waitFor()
      await check(page, ui, 'schedule-week')
      await page.getByRole('button', { name: /Contraste Ruiz/ }).first().click()
      await page.getByRole('dialog').waitFor()
      await check(page, ui, 'schedule-appointment')
      await page.context().close()
    })

    it('the treatment plans board and a plan', async () => {
      const page = await signedIn(ui)
      await open(page, '/treatment-plans')
      await page.getByTestId('treatment-plan-rows').waitFor()
      await check(page, ui, 'treatment-plans-board')
      await open(page, '/treatment-plans?tab=closed')
      await page.getByTestId('treatment-plan-rows').waitFor()
      await check(page, ui, 'treatment-plans-closed')
      await open(page, planPath)
      await page.getByTestId('treatment-plan-item').first().waitFor()
      await page.getByTestId('odontogram-chart').waitFor()
      await check(page, ui, 'treatment-plan')
      await page.getByRole('button', { name: es ? 'Cerrar plan' : 'Close plan' }).click()
      await page.getByRole('dialog').waitFor()
      await check(page, ui, 'treatment-plan-close')
      await page.context().close()
    })

    it('the settings, the modules and one module', async () => {
      const page = await signedIn(ui)
      await open(page, '/settings')
      await page.getByText('admin@demo.clinic').first().waitFor()
      await check(page, ui, 'settings')
      await open(page, '/settings/modules')
      await page.getByText('patient_timeline').first().waitFor()
      await check(page, ui, 'settings-modules')
      await open(page, '/settings/modules/agenda')
      await check(page, ui, 'settings-module')
      await page.context().close()
    })
  })
})
