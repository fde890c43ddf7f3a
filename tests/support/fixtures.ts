// Shared set-up steps for the API suites. Each helper asserts the status it
// relies on, so a broken precondition fails loudly where it happens.
import { expect } from 'vitest'
import { ApiClient, setupBody } from './http'

export const OWNER = { email: 'owner@clinic.test', password: 'Sup3rSecret' } as const

/** Env for servers whose suite does not test the login rate limit. */
export const NO_LOGIN_LIMIT = { NUXT_LOGIN_MAX_FAILURES: '1000' }

/** Runs first-time setup and returns the signed-in owner-clinic admin. */
export async function setupOwner(baseUrl: string, overrides: Record<string, unknown> = {}) {
  const api = new ApiClient(baseUrl)
  const res = await api.post('/api/v1/auth/setup', setupBody(overrides))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const clinicId: string = res.body.data.current_clinic_id
  expect(clinicId).toMatch(UUID)
  return { api, clinicId, user: res.body.data.user as { id: string, email: string }, payload: res.body.data }
}

/** Signs in with email and password on a fresh client (cookie session). */
export async function signIn(baseUrl: string, email: string, password: string) {
  const api = new ApiClient(baseUrl)
  const res = await api.post('/api/v1/auth/login', { email, password })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  expect(api.cookies.get('dentalpin_session')).toBeTruthy()
  return api
}

export interface NewUser {
  email: string
  first_name?: string
  last_name?: string
  role: 'admin' | 'dentist' | 'hygienist' | 'assistant' | 'receptionist'
  password?: string
  is_professional?: boolean
}

export interface CreatedMember {
  user: { id: string, email: string, role: string, status: string, invite_pending: boolean }
  invite_url: string
}

/**
 * Invites a member into the caller's current clinic (or `clinicId` via
 * X-Clinic-Id). With `password`, the invitee then accepts the link with it, as
 * a new staff member does: a new account gets that password; an existing one
 * must already have it. Nobody sets another person's password.
 */
export async function createUser(admin: ApiClient, user: NewUser, clinicId?: string): Promise<CreatedMember> {
  const { password, ...fields } = user
  const res = await admin.post('/api/v1/auth/users', { first_name: 'Test', last_name: 'User', ...fields }, {
    headers: clinicId ? { 'x-clinic-id': clinicId } : {},
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const created = res.body.data as CreatedMember
  if (password) await acceptInvite(admin.baseUrl, created.invite_url, password)
  return created
}

/** Invites a member with a password (see `createUser`) and signs them in on a fresh client. */
export async function signedInMember(admin: ApiClient, user: NewUser & { password: string }, clinicId?: string) {
  const member = await createUser(admin, user, clinicId)
  return { api: await signIn(admin.baseUrl, user.email, user.password), member }
}

/** Accepts an invite link with a password; returns the signed-in client. */
export async function acceptInvite(baseUrl: string, inviteUrl: string, password: string) {
  const api = new ApiClient(baseUrl)
  const res = await api.post('/api/v1/auth/invites/accept', { token: inviteTokenOf(inviteUrl), password })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return api
}

export const inviteTokenOf = (url: string) => url.split('/invite/')[1]!

/** Opens another clinic as an owner-clinic admin. */
export async function createClinic(admin: ApiClient, name: string, extra: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/auth/clinics', { name, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data as { id: string, name: string, is_owner: boolean }
}

/**
 * Another clinic opened by the owner-clinic admin `owner`, with an admin of
 * its own, signed in (the owner stays a member of it and keeps its session
 * on its current clinic).
 */
export async function clinicWithAdmin(owner: ApiClient, name: string, admin: { email: string, password: string }) {
  const clinicId = (await createClinic(owner, name)).id
  const { api, member } = await signedInMember(owner, { ...admin, role: 'admin' }, clinicId)
  return { clinicId, admin: api, adminId: member.user.id }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A well-formed UUID that names nothing in any test database. */
export const MISSING_ID = '00000000-0000-4000-8000-000000000000'

export interface ParsedCookie {
  name: string
  value: string
  /** Attribute names lower-cased; flag attributes map to ''. */
  attributes: Map<string, string>
}

export function parseSetCookie(header: string): ParsedCookie {
  const [pair, ...attrs] = header.split(';')
  const eq = pair!.indexOf('=')
  const attributes = new Map<string, string>()
  for (const a of attrs) {
    const i = a.indexOf('=')
    if (i === -1) attributes.set(a.trim().toLowerCase(), '')
    else attributes.set(a.slice(0, i).trim().toLowerCase(), a.slice(i + 1).trim())
  }
  return { name: pair!.slice(0, eq).trim(), value: pair!.slice(eq + 1).trim(), attributes }
}

/** The `dentalpin_session` Set-Cookie of a response, if any. */
export function sessionCookie(setCookies: string[]): ParsedCookie | undefined {
  return setCookies.map(parseSetCookie).find(c => c.name === 'dentalpin_session')
}

/** The `field` of every error item of an envelope. */
export function errorFields(body: any): string[] {
  return (body?.errors ?? []).map((e: { field?: string }) => e.field)
}
