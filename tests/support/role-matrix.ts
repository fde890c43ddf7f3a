// Who may call what, as a table: a module's permissions suite writes the
// expected status of every route for each role and for a signed-out caller
// by hand (from its module.ts role_permissions), and runs one test a cell.
// A refusal must answer the error envelope; the suite checks that the
// refused call changed nothing.
import { expect } from 'vitest'
import type { ApiClient } from './http'
import { isErrorEnvelope } from './http'
import { ROLES } from './role-clinic'
import type { Member, Role } from './role-clinic'

export type Caller = Role | 'anonymous'
export const CALLERS: readonly Caller[] = [...ROLES, 'anonymous']

/** Route (`'GET /items/{id}'`) → the status each caller gets. */
export type RoleMatrix = Record<string, Record<Caller, number>>

/** `ok` for the roles listed, 403 for the other roles, 401 signed out. */
export function allow(ok: number, roles: readonly Role[]): Record<Caller, number> {
  return { ...Object.fromEntries(ROLES.map(role => [role, roles.includes(role) ? ok : 403])) as Record<Role, number>, anonymous: 401 }
}

/** One `[route, caller, status]` row per cell, for `it.each`. */
export function matrixRows(matrix: RoleMatrix) {
  return Object.entries(matrix).flatMap(([route, byCaller]) => CALLERS.map(caller => [route, caller, byCaller[caller]] as const))
}

/** A request a row sends. */
export interface RouteCall {
  method: string
  path: string
  body?: unknown
}

/**
 * Sends `call` as `caller` (a member's client, or `anonymous`) and expects
 * `expected`, with the error envelope on a refusal; answers the response.
 */
export async function expectCallStatus(clients: { members: Record<Role, Member>, anonymous: ApiClient }, caller: Caller, call: RouteCall, expected: number) {
  const client = caller === 'anonymous' ? clients.anonymous : clients.members[caller].api
  const res = await client.request(call.method, call.path, { body: call.body })
  expect(res.status, JSON.stringify(res.body)).toBe(expected)
  if (expected >= 400) expect(isErrorEnvelope(res.body)).toBe(true)
  return res
}

/** Awaits each labelled call and expects its status, with the error envelope (another clinic's rows: 404 or 403, never theirs). */
export async function expectRefusals(calls: readonly (readonly [label: string, response: Promise<{ status: number, body: any }>, expected: number])[]) {
  for (const [label, response, expected] of calls) {
    const res = await response
    expect(res.status, label).toBe(expected)
    expect(isErrorEnvelope(res.body), label).toBe(true)
  }
}
