// Set-up shared by the clinical_notes API suites: a Europe/Madrid clinic with
// a signed-in client per role, a patient, a second clinic for isolation
// checks, and small helpers to write notes over the API.
import { expect } from 'vitest'
import type { ApiClient } from '../../../../tests/support/http'
import { createPatient, openOtherClinic, startRoleSuite } from '../../../../tests/support/role-clinic'
import type { RoleClinic } from '../../../../tests/support/role-clinic'
import type { TestServer } from '../../../../tests/support/server'

export { createPatient, errorCodes, ROLES } from '../../../../tests/support/role-clinic'
export type { Role } from '../../../../tests/support/role-clinic'
export const BASE = '/api/v1/clinical_notes'

export interface NotesClinic extends RoleClinic {
  patientId: string
}

/** The usual start of a notes suite: the built server, the clinic with one member per role and a patient. */
export async function startNotesSuite() {
  const { server, c } = await startRoleSuite('notes.test')
  return { server, c: { ...c, patientId: await createPatient(c.admin) } as NotesClinic }
}
export type NotesSuite = Awaited<ReturnType<typeof startNotesSuite>>

/** A second clinic (opened by the owner) with its own patient; `api` acts in it through X-Clinic-Id. */
export async function setupOtherClinic(server: TestServer) {
  const other = await openOtherClinic(server, 'America/New_York')
  return { ...other, patientId: await createPatient(other.api) }
}

/** Writes a note (201 asserted) and returns it; a patient note unless the body says otherwise. */
export async function addNote(api: ApiClient, patientId: string, body: Record<string, unknown> = {}) {
  const res = await api.post(`${BASE}/notes`, { owner_type: 'patient', owner_id: patientId, type: 'administrative', body: '<p>Prefers mornings.</p>', ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data
}

/** `{field, code}` of each error item. */
export function fieldErrors(body: any): { field?: string, code: string }[] {
  return (body?.errors ?? []).map((e: { field?: string, code: string }) => ({ field: e.field, code: e.code }))
}
