import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { hydrated, signInAs } from '../support/browser'
import { DEMO_ENV, useAppInBrowser } from '../support/e2e'

// Clinical notes in Chromium against the built app with the demo clinic: the
// dentist writes a diagnosis note from a template with the editor's bold
// button, corrects it and reads its history in the patient's sidebar, and
// adds a visit note in the appointment dialog; the receptionist sees only the
// administrative notes; the same screens in Spanish. Screenshots (desktop
// 1280 and phone 390, en and es) go to docs/screenshots/clinical_notes/.
const SHOTS = fileURLToPath(new URL('../../docs/screenshots/clinical_notes/', import.meta.url))
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 390, height: 844 }

describe('clinical notes', () => {
  const app = useAppInBrowser({ env: DEMO_ENV })
  const errorsSeen: string[] = []
  let patientId = ''
  let appointmentId = ''

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
  })

  const as = (role: string, locale?: string) => signInAs(app.browser, app.server.url, role, errorsSeen, locale)
  const feed = (page: Page) => page.getByTestId('clinical-notes-sidebar')

  /** The notes section and the appointment dialog, at desktop and phone width. */
  async function shoot(page: Page, name: string, target: () => ReturnType<Page['getByTestId']>) {
    for (const [label, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      await page.setViewportSize(size)
      await target().scrollIntoViewIfNeeded()
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${SHOTS}${name}.${label}.png` })
    }
    await page.setViewportSize(DESKTOP)
  }

  async function openPatient(page: Page) {
    await page.goto(`/patients/${patientId}`)
    await hydrated(page)
    await feed(page).locator('[data-note]').first().waitFor()
  }

  it('lets the dentist write a note from a template with formatting, correct it and read its history', async () => {
    const page = await as('dentist')
    await page.setViewportSize(DESKTOP)
    // A visit of a demo patient today or around it.
    const res = await page.request.get('/api/v1/agenda/appointments?page_size=200')
    const visit = (await res.json()).data.find((a: { patient_id: string | null, status: string }) => a.patient_id && a.status === 'completed')
    expect(visit).toBeTruthy()
    patientId = visit.patient_id
    appointmentId = visit.id

    await openPatient(page)
    await feed(page).getByRole('heading', { name: 'Clinical notes' }).waitFor()
    await feed(page).getByRole('button', { name: 'Add note' }).click()
    const dialog = page.getByRole('dialog', { name: 'New note' })
    await dialog.getByRole('combobox', { name: 'Type' }).click()
    await page.getByRole('option', { name: 'Diagnosis' }).click()
    await dialog.getByRole('combobox', { name: 'Template' }).click()
    await page.getByRole('option', { name: 'Check-up' }).click()
    const editor = dialog.getByRole('textbox', { name: 'Note' })
    await expect.poll(() => editor.textContent()).toContain('Findings:')
    await editor.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Caries on 26, ')
    await dialog.getByRole('button', { name: 'Bold' }).click()
    await page.keyboard.type('deep')
    await dialog.getByRole('button', { name: 'Bold' }).click()
    await page.keyboard.type(' distal lesion.')
    await page.screenshot({ path: `${SHOTS}editor.en.desktop.png` })
    await dialog.getByRole('button', { name: 'Save note' }).click()
    await dialog.waitFor({ state: 'detached' })

    const note = feed(page).locator('[data-note]').first()
    await note.locator('strong', { hasText: 'deep' }).waitFor()
    expect(await note.locator('[data-type]').first().textContent()).toContain('Diagnosis')
    expect(await note.innerText()).toContain('Caries on 26, deep distal lesion.')

    // Corrected within the day: a rewrite, the first text kept in its history.
    await note.getByRole('button', { name: 'Actions for this note' }).click()
    await page.getByRole('menuitem', { name: 'Edit' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit note' })
    await edit.getByRole('textbox', { name: 'Note' }).click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Pulp not involved.')
    await edit.getByRole('button', { name: 'Save note' }).click()
    await edit.waitFor({ state: 'detached' })
    await note.getByText('Edited').waitFor()
    await note.getByRole('button', { name: 'Actions for this note' }).click()
    await page.getByRole('menuitem', { name: 'History' }).click()
    const history = page.getByRole('dialog', { name: 'History of the note' })
    await history.getByText('Version 2').waitFor()
    await page.waitForTimeout(300)
    expect(await history.locator('[data-revision="1"]').innerText()).not.toContain('Pulp not involved.')
    expect(await history.locator('[data-revision="2"]').innerText()).toContain('Pulp not involved.')
    await page.screenshot({ path: `${SHOTS}history.en.desktop.png` })
    await page.keyboard.press('Escape')
    await history.waitFor({ state: 'detached' })

    await shoot(page, 'sidebar.en', () => feed(page))
    await page.context().close()
  })

  it('lets the dentist add a visit note in the appointment dialog', async () => {
    const page = await as('dentist')
    await page.setViewportSize(DESKTOP)
    await page.goto(`/appointments?appointment=${appointmentId}`)
    await hydrated(page)
    const visit = page.getByTestId('clinical-notes-visit')
    await visit.getByRole('heading', { name: 'Visit notes' }).waitFor()
    await visit.getByRole('button', { name: 'Add visit note' }).click()
    const dialog = page.getByRole('dialog', { name: 'New note' })
    await dialog.getByRole('textbox', { name: 'Note' }).click()
    await page.keyboard.type('Anaesthesia well tolerated. Review in two weeks.')
    await dialog.getByRole('button', { name: 'Save note' }).click()
    await dialog.waitFor({ state: 'detached' })
    await visit.getByText('Anaesthesia well tolerated.').waitFor()
    expect(await visit.locator('[data-type]').first().textContent()).toContain('Progress')
    await shoot(page, 'visit.en', () => page.getByTestId('clinical-notes-visit'))
    await page.context().close()
  })

  it('shows the receptionist the administrative notes only', async () => {
    const page = await as('receptionist')
    await openPatient(page)
    const types = await feed(page).locator('[data-note] [data-type]').evaluateAll(els => els.map(e => e.getAttribute('data-type')))
    expect(types.length).toBeGreaterThan(0)
    expect(new Set(types)).toEqual(new Set(['administrative']))
    expect(await feed(page).innerText()).not.toContain('Caries on 26')
    await feed(page).getByRole('button', { name: 'Add note' }).click()
    const dialog = page.getByRole('dialog', { name: 'New note' })
    await dialog.getByRole('combobox', { name: 'Type' }).click()
    expect(await page.getByRole('option').allTextContents()).toEqual(['Administrative'])
    await page.keyboard.press('Escape')
    await page.context().close()
  })

  it('is all in Spanish for a Spanish reader', async () => {
    const page = await as('dentist', 'es-ES')
    await page.setViewportSize(DESKTOP)
    await openPatient(page)
    await feed(page).getByRole('heading', { name: 'Notas clínicas' }).waitFor()
    await feed(page).getByText('Diagnóstico').first().waitFor()
    await shoot(page, 'sidebar.es', () => feed(page))
    await page.goto(`/appointments?appointment=${appointmentId}`)
    await hydrated(page)
    await page.getByTestId('clinical-notes-visit').getByRole('heading', { name: 'Notas de la visita' }).waitFor()
    await page.getByTestId('clinical-notes-visit').getByText('Evolución').first().waitFor()
    await shoot(page, 'visit.es', () => page.getByTestId('clinical-notes-visit'))
    await page.context().close()
  })

  it('logged no console errors and no page errors along the way', () => {
    expect(errorsSeen).toEqual([])
  })
})
