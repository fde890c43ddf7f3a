// The clinic a module's API suite acts in: first-run setup (the owner is the
// admin) plus one signed-in member of every other role, a second clinic for
// isolation checks, and the small steps every module suite repeats (a
// patient over the patients API, the codes of an error envelope). Each step
// asserts the status it relies on, so a broken precondition fails where it happens.
import { expect } from 'vitest'
import type { ApiClient } from './http'
import { createClinic, createUser, NO_LOGIN_LIMIT, OWNER, setupOwner, signIn } from './fixtures'
import { startServer } from './server'
import type { TestServer } from './server'

export const ROLES = ['admin', 'dentist', 'hygienist', 'assistant', 'receptionist'] as const
export type Role = (typeof ROLES)[number]

export interface Member {
  id: string
  api: ApiClient
}

export interface RoleClinic {
  clinicId: string
  /** The owner (admin of the first clinic). */
  admin: ApiClient
  members: Record<Role, Member>
}

const MEMBER_PASSWORD = 'Member-passw0rd'

/**
 * First-run setup (in `timezone`) plus one signed-in member per role: the
 * owner is the admin; the others are `<role>@<domain>`, named "<Role> Tester".
 */
export async function setupRoleClinic(server: TestServer, domain: string, timezone = 'Europe/Madrid'): Promise<RoleClinic> {
  const { api: admin, clinicId, user } = await setupOwner(server.url, { timezone })
  const members = { admin: { id: user.id, api: admin } } as Record<Role, Member>
  for (const role of ROLES.filter(r => r !== 'admin')) {
    const email = `${role}@${domain}`
    const created = await createUser(admin, { email, first_name: role[0]!.toUpperCase() + role.slice(1), last_name: 'Tester', role, password: MEMBER_PASSWORD })
    members[role] = { id: created.user.id, api: await signIn(server.url, email, MEMBER_PASSWORD) }
  }
  return { clinicId, admin, members }
}

/** The built server (login limit off) and the clinic; the caller closes `server` after the suite. */
export async function startRoleSuite(domain: string) {
  const server = await startServer({ env: NO_LOGIN_LIMIT })
  return { server, c: await setupRoleClinic(server, domain) }
}

/** A second clinic opened by the owner (in `timezone`, else the default); `api` (the owner, signed in anew) acts in it through X-Clinic-Id. */
export async function openOtherClinic(server: TestServer, timezone?: string) {
  const clinic = await createClinic(await signIn(server.url, OWNER.email, OWNER.password), 'Other clinic', timezone ? { timezone } : {})
  const api = await signIn(server.url, OWNER.email, OWNER.password)
  api.clinicId = clinic.id
  return { clinicId: clinic.id, api }
}

/** Creates a patient over the patients API (201 asserted) and returns its id. */
export async function createPatient(api: ApiClient, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api.post('/api/v1/patients', { first_name: 'Ana', last_name: 'García', ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data.id
}

/** Error codes of an error envelope. */
export function errorCodes(body: any): string[] {
  return (body?.errors ?? []).map((e: { code: string }) => e.code)
}
