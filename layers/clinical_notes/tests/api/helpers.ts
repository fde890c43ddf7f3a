// Set-up shared by the clinical_notes API suites: a Europe/Madrid clinic with
// a signed-in client per role, a patient, a second clinic for isolation
// checks, and small helpers to write notes over the API.
import { expect } from 'vitest'
import type { ApiClient } from '../../../../tests/support/http'
import { createClinic, createUser, NO_LOGIN_LIMIT, OWNER, setupOwner, signIn } from '../../../../tests/support/fixtures'
import { startServer } from '../../../../tests/support/server'
import type { TestServer } from '../../../../tests/support/server'

export const PASSWORD = 'Notes-passw0rd'
export const ROLES = ['admin', 'dentist', 'hygienist', 'assistant', 'receptionist'] as const
export type Role = (typeof ROLES)[number]
export const BASE = '/api/v1/clinical_notes'

export interface NotesClinic {
  clinicId: string
  admin: ApiClient
  members: Record<Role, { id: string, api: ApiClient }>
  patientId: string
}

/** The usual start of a notes suite: the built server, the clinic with one member per role and a patient. */
export async function startNotesSuite() {
  const server = await startServer({ env: NO_LOGIN_LIMIT })
  const { api: admin, clinicId, user } = await setupOwner(server.url, { timezone: 'Europe/Madrid' })
  const members = { admin: { id: user.id, api: admin } } as NotesClinic['members']
  for (const role of ROLES.filter(r => r !== 'admin')) {
    const created = await createUser(admin, { email: `${role}@notes.test`, first_name: cap(role), last_name: 'Tester', role, password: PASSWORD })
    members[role] = { id: created.user.id, api: await signIn(server.url, `${role}@notes.test`, PASSWORD) }
  }
  const patientId = await createPatient(admin)
  const c: NotesClinic = { clinicId, admin, members, patientId }
  return { server, c }
}
export type NotesSuite = Awaited<ReturnType<typeof startNotesSuite>>

/** A second clinic (opened by the owner) with its own patient; `api` acts in it through X-Clinic-Id. */
export async function setupOtherClinic(server: TestServer, owner: ApiClient) {
  const clinic = await createClinic(owner, 'Other clinic', { timezone: 'America/New_York' })
  const api = await signIn(server.url, OWNER.email, OWNER.password)
  api.clinicId = clinic.id
  return { clinicId: clinic.id, api, patientId: await createPatient(api) }
}

function cap(s: string) {
  return s[0]!.toUpperCase() + s.slice(1)
}

export async function createPatient(api: ApiClient, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api.post('/api/v1/patients', { first_name: 'Ana', last_name: 'García', ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data.id
}

/** Writes a note (201 asserted) and returns it; a patient note unless the body says otherwise. */
export async function addNote(api: ApiClient, patientId: string, body: Record<string, unknown> = {}) {
  const res = await api.post(`${BASE}/notes`, { owner_type: 'patient', owner_id: patientId, type: 'administrative', body: '<p>Prefers mornings.</p>', ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data
}

/** Error codes of an error envelope. */
export function errorCodes(body: any): string[] {
  return (body?.errors ?? []).map((e: { code: string }) => e.code)
}

/** `{field, code}` of each error item. */
export function fieldErrors(body: any): { field?: string, code: string }[] {
  return (body?.errors ?? []).map((e: { field?: string, code: string }) => ({ field: e.field, code: e.code }))
}
