// Set-up steps shared by the agenda API suites: a Europe/Madrid clinic with a
// signed-in client per role, a second clinic for isolation checks, fresh
// slots, patients over the patients API and status driving.
import { expect } from 'vitest'
import type { ApiClient } from '../../../../tests/support/http'
import { createClinic, createUser, NO_LOGIN_LIMIT, OWNER, setupOwner, signIn } from '../../../../tests/support/fixtures'
import { startServer } from '../../../../tests/support/server'
import type { TestServer } from '../../../../tests/support/server'

export const PASSWORD = 'Agenda-passw0rd'
export const ROLES = ['admin', 'dentist', 'hygienist', 'assistant', 'receptionist'] as const
export type Role = (typeof ROLES)[number]
export const BASE = '/api/v1/agenda'

export interface Member {
  id: string
  api: ApiClient
}

export interface AgendaClinic {
  clinicId: string
  /** The owner (admin of the first clinic). */
  admin: ApiClient
  members: Record<Role, Member>
  /** The seeded "Cabinet 1". */
  cabinetId: string
}

/** First-run setup (Europe/Madrid) plus one signed-in member per role. */
export async function setupAgendaClinic(server: TestServer): Promise<AgendaClinic> {
  const { api: admin, clinicId, user } = await setupOwner(server.url, { timezone: 'Europe/Madrid' })
  const members = { admin: { id: user.id, api: admin } } as Record<Role, Member>
  for (const role of ROLES.filter(r => r !== 'admin')) {
    const created = await createUser(admin, { email: `${role}@agenda.test`, first_name: cap(role), last_name: 'Tester', role, password: PASSWORD })
    members[role] = { id: created.user.id, api: await signIn(server.url, `${role}@agenda.test`, PASSWORD) }
  }
  const cabinets = await admin.get(`${BASE}/cabinets`)
  expect(cabinets.status, JSON.stringify(cabinets.body)).toBe(200)
  const seeded = cabinets.body.data.find((c: { name: string }) => c.name === 'Cabinet 1')
  expect(seeded).toBeTruthy()
  return { clinicId, admin, members, cabinetId: seeded.id }
}

/**
 * The usual start of an agenda suite: the built server, the clinic, the client
 * of the member who acts (`actor`), the dentist's and hygienist's ids and the
 * seeded cabinet. The caller closes `server` after the suite.
 */
export async function startAgendaSuite(actor: Role = 'receptionist') {
  const server = await startServer({ env: NO_LOGIN_LIMIT })
  const c = await setupAgendaClinic(server)
  return { server, c, api: c.members[actor].api, dentist: c.members.dentist.id, hygienist: c.members.hygienist.id, cabinet: c.cabinetId }
}
export type AgendaSuite = Awaited<ReturnType<typeof startAgendaSuite>>

/** A second clinic (opened by the owner) with its own dentist; `api` acts in it through X-Clinic-Id. */
export async function setupOtherClinic(server: TestServer, owner: ApiClient, timezone = 'America/New_York') {
  const clinic = await createClinic(owner, 'Other clinic', { timezone })
  const dentist = await createUser(owner, { email: `dentist-${clinic.id.slice(0, 8)}@other.test`, role: 'dentist', password: PASSWORD }, clinic.id)
  const api = await signIn(server.url, OWNER.email, OWNER.password)
  api.clinicId = clinic.id
  const cabinets = await api.get(`${BASE}/cabinets`)
  expect(cabinets.status, JSON.stringify(cabinets.body)).toBe(200)
  expect(cabinets.body.data).toHaveLength(1)
  return { clinicId: clinic.id, api, dentistId: dentist.user.id, cabinetId: cabinets.body.data[0].id as string }
}

function cap(s: string) {
  return s[0]!.toUpperCase() + s.slice(1)
}

let nextStart = Date.UTC(2028, 0, 3, 6, 0, 0)

/** A fresh slot (never overlapping another one from this helper) of `minutes`, in UTC. */
export function slot(minutes = 30) {
  const start = nextStart
  nextStart += 2 * 3_600_000
  return { start_time: new Date(start).toISOString(), end_time: new Date(start + minutes * 60_000).toISOString() }
}

/** Creates a patient over the patients API. */
export async function createPatient(api: ApiClient, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api.post('/api/v1/patients', { first_name: 'Ana', last_name: 'García', ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data.id
}

/** Books an appointment (201 asserted) and returns it. */
export async function book(api: ApiClient, body: Record<string, unknown>) {
  const res = await api.post(`${BASE}/appointments`, { ...slot(), ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data
}

/** The moves from `scheduled` to each status; in_treatment needs the cabinet. */
export function pathTo(status: string, cabinetId: string): Record<string, unknown>[] {
  const treat = { to_status: 'in_treatment', cabinet_id: cabinetId }
  const paths: Record<string, Record<string, unknown>[]> = {
    scheduled: [],
    confirmed: [{ to_status: 'confirmed' }],
    checked_in: [{ to_status: 'checked_in' }],
    in_treatment: [{ to_status: 'checked_in' }, treat],
    completed: [{ to_status: 'checked_in' }, treat, { to_status: 'completed' }],
    cancelled: [{ to_status: 'cancelled' }],
    no_show: [{ to_status: 'no_show' }],
  }
  return paths[status]!
}

/** Drives an appointment into `status` through allowed transitions (each asserted 200). */
export async function driveTo(api: ApiClient, id: string, status: string, cabinetId: string) {
  for (const body of pathTo(status, cabinetId)) {
    const res = await api.post(`${BASE}/appointments/${id}/transitions`, body)
    expect(res.status, `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`).toBe(200)
  }
}

/** Error codes of an error envelope. */
export function errorCodes(body: any): string[] {
  return (body?.errors ?? []).map((e: { code: string }) => e.code)
}
