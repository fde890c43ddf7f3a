// The world the API sweeps (tests/api/sweep-*.test.ts) run in: clinic A (the
// owning clinic) with one signed-in member per role and two bearer tokens,
// clinic B with its own admin, the fixture community modules installed, a
// patient, cabinet and appointment of clinic A, and factories for fresh rows.
// Plus what every sweep needs: the callers, a realistic value for each route
// param, a minimal valid body per write route, the access a caller should have
// (read from the handlers and the manifests), a small request pool and the
// envelope check.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { hasPermission } from '#shared/permissions'
import type { RoleName } from '#shared/schemas/auth'
import { registerPermissionSource, roleGrants } from '../../server/auth/permissions'
import { namespaceGrant } from '../../server/platform/runtime'
import { createClinic, createUser, MISSING_ID, OWNER, setupOwner, signIn } from './fixtures'
import { ApiClient } from './http'
import type { ApiResult } from './http'
import { ROOT, routeInventory } from './route-inventory'
import type { Route } from './route-inventory'
import type { TestServer } from './server'

export const ROLES = ['admin', 'dentist', 'hygienist', 'assistant', 'receptionist'] as const satisfies readonly RoleName[]
export const PASSWORD = 'Sweep-passw0rd'

/**
 * The callers of the authorization matrix: the five roles of clinic A (cookie
 * sessions), anonymous, bearer tokens of A's admin and of a receptionist,
 * clinic B's admin asking for clinic A (X-Clinic-Id) and in its own clinic.
 */
export const CALLERS = [...ROLES, 'anonymous', 'bearer-admin', 'bearer-receptionist', 'adminB-as-A', 'adminB'] as const
export type CallerName = (typeof CALLERS)[number]

export interface Caller {
  name: CallerName
  /** The role whose grants apply, in the clinic the request acts in (null: none). */
  role: RoleName | null
  /** Whether the caller is signed in at all. */
  signedIn: boolean
  /** Whether the request names a clinic the caller is no member of (X-Clinic-Id of A for B's admin). */
  foreignClinic: boolean
  /** Admin of the owning clinic (what module management needs). */
  ownerAdmin: boolean
  /** The clinic the caller acts in when allowed. */
  clinicId: string | null
  api: ApiClient
  /** A new session of the same kind, for routes that end the session they are called with. */
  fresh(): Promise<ApiClient>
}

export interface World {
  server: TestServer
  clinicA: string
  clinicB: string
  owner: ApiClient
  adminB: ApiClient
  members: Record<RoleName, { id: string, email: string, api: ApiClient }>
  callers: Record<CallerName, Caller>
  /** Rows of clinic A shared by read-only calls, by collection (the path segment before the id). */
  rows: Record<string, string>
  /** Fresh rows of clinic A, by collection, for calls that change or remove them. */
  make: Record<string, () => Promise<string>>
  /** A's patient's unique last name (searched for in clinic B's lists). */
  patientName: string
  dentistId: string
  /** Every id of clinic A clinic B must never see. */
  secretsOfA(): string[]
}

let seq = 0
const next = () => ++seq

let nextStart = Date.UTC(2029, 0, 1, 7, 0, 0)
/** A slot of 30 minutes that no other call of this helper overlaps. */
export function slot() {
  const start = nextStart
  nextStart += 3_600_000
  return { start_time: new Date(start).toISOString(), end_time: new Date(start + 30 * 60_000).toISOString() }
}

/** A copy of a client, so a response's Set-Cookie (login, logout) never changes the shared caller. */
export function copyOf(api: ApiClient): ApiClient {
  const copy = new ApiClient(api.baseUrl)
  copy.cookies = new Map(api.cookies)
  copy.bearer = api.bearer
  copy.clinicId = api.clinicId
  return copy
}

async function token(url: string, email: string, password = PASSWORD): Promise<ApiClient> {
  const api = new ApiClient(url)
  const res = await api.post('/api/v1/auth/token', { email, password })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  api.bearer = res.body.data.token
  return api
}

/** Installs every fixture community module that serves routes (install + apply), so its routes are swept too. */
export async function installFixtureModules(owner: ApiClient, routes: Route[]): Promise<string[]> {
  const names = [...new Set(routes.filter(r => r.origin === 'fixture').map(r => r.module))]
  for (const name of names) {
    const res = await owner.post(`/api/v1/modules/${name}/install`)
    // 409: already scheduled as the dependency of another one.
    expect([200, 202, 409], `${name}: ${JSON.stringify(res.body)}`).toContain(res.status)
  }
  const applied = await owner.post('/api/v1/modules/-/apply')
  expect(applied.status, JSON.stringify(applied.body)).toBe(200)
  for (const name of names) {
    const info = await owner.get(`/api/v1/modules/${name}`)
    expect(info.body.data?.state, name).toBe('installed')
  }
  return names
}

export async function buildWorld(server: TestServer): Promise<World> {
  const url = server.url
  const { api: owner, clinicId: clinicA, user } = await setupOwner(url)
  const members = { admin: { id: user.id, email: OWNER.email, api: owner } } as World['members']
  for (const role of ROLES.filter(r => r !== 'admin')) {
    const email = `${role}@sweep.test`
    const created = await createUser(owner, { email, first_name: role, last_name: 'Sweep', role, password: PASSWORD })
    members[role] = { id: created.user.id, email, api: await signIn(url, email, PASSWORD) }
  }
  await installFixtureModules(owner, routeInventory())

  const clinicB = (await createClinic(owner, 'Clinic B')).id
  await createUser(owner, { email: 'admin-b@sweep.test', first_name: 'Bea', last_name: 'Other', role: 'admin', password: PASSWORD }, clinicB)
  const adminB = await signIn(url, 'admin-b@sweep.test', PASSWORD)
  const adminBasA = await signIn(url, 'admin-b@sweep.test', PASSWORD)
  adminBasA.clinicId = clinicA

  const patientName = 'Zyxwelt'
  const dentistId = members.dentist.id
  const mk = async (path: string, body: Record<string, unknown>) => {
    const res = await owner.post(path, body)
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201)
    return res.body.data.id as string
  }
  const make: World['make'] = {
    patients: () => mk('/api/v1/patients', { first_name: 'Sweep', last_name: `${patientName} ${next()}`, email: `p${next()}@patient.test`, phone: '+34 699 123 456' }),
    cabinets: () => mk('/api/v1/agenda/cabinets', { name: `Sweep cabinet ${next()}` }),
    appointments: async () => mk('/api/v1/agenda/appointments', { professional_id: dentistId, patient_id: rows.patients, cabinet_id: rows.cabinets, reason: 'Sweep', ...slot() }),
    entries: async () => mk(`/api/v1/odontogram/patients/${rows.patients}/entries`, { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 10 + (next() % 8) + 1 }] }),
    categories: () => mk('/api/v1/catalog/categories', { key: `sweep_${next()}`, names: { en: 'Sweep category' } }),
    items: () => mk('/api/v1/catalog/items', { code: `SWEEP-${next()}`, names: { en: 'Sweep item' }, category_id: rows.categories, default_price: '10.00' }),
    users: async () => (await createUser(owner, { email: `victim-${next()}@sweep.test`, first_name: 'Victim', last_name: 'Sweep', role: 'receptionist', password: PASSWORD })).user.id,
    // Administrative notes and templates: every role may read and write them (clinical ones are refused to some roles by type, in the service).
    notes: () => mk('/api/v1/clinical_notes/notes', { owner_type: 'patient', owner_id: rows.patients, type: 'administrative', body: `<p>Sweep ${next()}</p>` }),
    templates: () => mk('/api/v1/clinical_notes/templates', { name: `Sweep template ${next()}`, type: 'administrative', body: '<p>Sweep</p>' }),
    plans: () => mk('/api/v1/treatment_plan/plans', { patient_id: rows.patients, title: `Sweep plan ${next()}` }),
  }
  // The collection is the path segment before the id.
  make['vat-types'] = () => mk('/api/v1/catalog/vat-types', { names: { en: 'Sweep VAT' }, rate: '10.00' })
  const rows: Record<string, string> = {}
  rows.patients = await make.patients!()
  rows.cabinets = await make.cabinets!()
  rows.appointments = await make.appointments!()
  rows.users = await make.users!()
  rows.entries = await make.entries!()
  rows.categories = await make.categories!()
  rows['vat-types'] = await make['vat-types']!()
  rows.items = await make.items!()
  rows.notes = await make.notes!()
  rows.templates = await make.templates!()
  rows.plans = await make.plans!()

  const fresh = (email: string, clinicId: string | null = null) => async () => {
    const api = await signIn(url, email, email === OWNER.email ? OWNER.password : PASSWORD)
    api.clinicId = clinicId
    return api
  }
  const caller = (name: CallerName, c: Omit<Caller, 'name'>): Caller => ({ name, ...c })
  const callers = {} as Record<CallerName, Caller>
  for (const role of ROLES) {
    const email = members[role].email
    callers[role] = caller(role, {
      role,
      signedIn: true,
      foreignClinic: false,
      ownerAdmin: role === 'admin',
      clinicId: clinicA,
      api: members[role].api,
      fresh: fresh(email),
    })
  }
  callers.anonymous = caller('anonymous', { role: null, signedIn: false, foreignClinic: false, ownerAdmin: false, clinicId: null, api: new ApiClient(url), fresh: async () => new ApiClient(url) })
  callers['bearer-admin'] = caller('bearer-admin', { role: 'admin', signedIn: true, foreignClinic: false, ownerAdmin: true, clinicId: clinicA, api: await token(url, OWNER.email, OWNER.password), fresh: () => token(url, OWNER.email, OWNER.password) })
  callers['bearer-receptionist'] = caller('bearer-receptionist', { role: 'receptionist', signedIn: true, foreignClinic: false, ownerAdmin: false, clinicId: clinicA, api: await token(url, members.receptionist.email), fresh: () => token(url, members.receptionist.email) })
  callers['adminB-as-A'] = caller('adminB-as-A', { role: null, signedIn: true, foreignClinic: true, ownerAdmin: false, clinicId: clinicA, api: adminBasA, fresh: fresh('admin-b@sweep.test', clinicA) })
  callers.adminB = caller('adminB', { role: 'admin', signedIn: true, foreignClinic: false, ownerAdmin: false, clinicId: clinicB, api: adminB, fresh: fresh('admin-b@sweep.test') })

  return {
    server,
    clinicA,
    clinicB,
    owner,
    adminB,
    members,
    callers,
    rows,
    make,
    patientName,
    dentistId,
    secretsOfA: () => [...Object.values(rows), ...Object.values(extraRows), members.dentist.id, members.hygienist.id, members.assistant.id, members.receptionist.id, clinicA],
  }
}

/** Rows made by factories during a sweep (they are A's too). */
const extraRows: Record<string, string> = {}

/** The collection a param names: the path segment before it (`/patients/:id` → patients). */
export function collectionOf(route: Route, param: string): string {
  const parts = route.path.split('/')
  const i = parts.findIndex(p => p === `:${param}` || (p === '**' && route.params[route.params.length - 1] === param))
  return parts[i - 1] ?? ''
}

/** Module-management routes name a module, not a clinic row. */
export function isModuleName(route: Route, param: string): boolean {
  return collectionOf(route, param) === 'modules'
}

/** Whether the route names a row of clinic A in its path. */
export function takesRowId(route: Route): boolean {
  return route.params.some(p => !isModuleName(route, p) && !route.path.includes('**'))
}

/**
 * A value per param: a row of clinic A (a fresh one when `fresh`), a module
 * name (read routes: an installed module; lifecycle writes: the fixture module
 * with an invalid manifest, so they are refused after the permission check and
 * change nothing), or a path no route claims for the catch-all.
 */
export async function paramValues(world: World, route: Route, fresh: boolean): Promise<{ values: Record<string, string>, unresolved: string[] }> {
  const values: Record<string, string> = {}
  const unresolved: string[] = []
  for (const param of route.params) {
    const collection = collectionOf(route, param)
    if (route.path.includes('**') && param === route.params[route.params.length - 1]) values[param] = 'v1/sweep-no-such-route'
    else if (collection === 'modules') values[param] = route.method === 'GET' ? 'patients' : 'sample_broken'
    else if (fresh && world.make[collection]) {
      values[param] = await world.make[collection]!()
      extraRows[values[param]] = values[param]
    }
    else if (world.rows[collection]) values[param] = world.rows[collection]!
    else {
      values[param] = MISSING_ID
      unresolved.push(`${route.key} :${param}`)
    }
  }
  return { values, unresolved }
}

/**
 * A minimal valid body per write route, so an allowed call gets past
 * validation to the handler's work. Routes not listed get `{}` (a 422 still
 * proves the permission check passed).
 */
export function validBody(world: World, route: Route, caller: Caller | null): unknown {
  const n = next()
  const bodies: Record<string, () => unknown> = {
    'POST /api/v1/patients': () => ({ first_name: 'Sweep', last_name: `Made ${n}` }),
    'PUT /api/v1/patients/:id': () => ({ notes: `swept ${n}` }),
    'PUT /api/v1/patients/:id/medical': () => ({ allergies: ['Latex'] }),
    'POST /api/v1/agenda/appointments': () => ({ professional_id: world.dentistId, ...slot() }),
    'PUT /api/v1/agenda/appointments/:id': () => ({ reason: `Swept ${n}` }),
    'POST /api/v1/agenda/appointments/:id/transitions': () => ({ to_status: 'confirmed' }),
    'POST /api/v1/agenda/cabinets': () => ({ name: `Sweep ${n}` }),
    'POST /api/v1/clinical_notes/notes': () => ({ owner_type: 'patient', owner_id: world.rows.patients, type: 'administrative', body: `<p>Sweep ${n}</p>` }),
    'PUT /api/v1/clinical_notes/notes/:id': () => ({ body: `<p>Swept ${n}</p>` }),
    'POST /api/v1/clinical_notes/templates': () => ({ name: `Sweep ${n}`, type: 'administrative', body: '<p>Sweep</p>' }),
    'PUT /api/v1/clinical_notes/templates/:id': () => ({ name: `Swept ${n}` }),
    'PUT /api/v1/agenda/cabinets/:id': () => ({ name: `Swept ${n}` }),
    'POST /api/v1/odontogram/patients/:patient_id/entries': () => ({ kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 16, surfaces: ['O'] }] }),
    'PUT /api/v1/odontogram/entries/:id': () => ({ notes: `Swept ${n}` }),
    'DELETE /api/v1/odontogram/entries/:id': () => ({ reason: `Swept ${n}` }),
    'POST /api/v1/odontogram/entries/:id/perform': () => ({}),
    'POST /api/v1/odontogram/entries/:id/cancel': () => ({}),
    'POST /api/v1/catalog/categories': () => ({ key: `sweep_body_${n}`, names: { en: `Sweep ${n}` } }),
    'PUT /api/v1/catalog/categories/:id': () => ({ names: { en: `Swept ${n}` } }),
    'POST /api/v1/catalog/vat-types': () => ({ names: { en: `Sweep ${n}` }, rate: '10.00' }),
    'PUT /api/v1/catalog/vat-types/:id': () => ({ rate: '5.00' }),
    'POST /api/v1/catalog/items': () => ({ code: `SWEEP-BODY-${n}`, names: { en: `Sweep ${n}` }, category_id: world.rows.categories, default_price: '10.00' }),
    'PUT /api/v1/catalog/items/:id': () => ({ default_price: '12.00' }),
    'POST /api/v1/catalog/items/import': () => ({ items: [{ code: `SWEEP-IMPORT-${n}`, names: { en: `Sweep ${n}` }, category_key: 'diagnosis', default_price: '10.00' }] }),
    'POST /api/v1/treatment_plan/plans': () => ({ patient_id: world.rows.patients, title: `Sweep ${n}` }),
    'PUT /api/v1/treatment_plan/plans/:id': () => ({ title: `Swept ${n}` }),
    'POST /api/v1/treatment_plan/plans/:id/items': () => ({ treatment_id: world.rows.entries }),
    'PUT /api/v1/treatment_plan/plans/:id/items/:item_id': () => ({ phase: 2 }),
    'POST /api/v1/treatment_plan/plans/:id/items/reorder': () => ({ items: [{ id: world.rows.plans, phase: 1 }] }),
    'POST /api/v1/treatment_plan/plans/:id/close': () => ({ reason: 'expired' }),
    'PUT /api/v1/treatment_plan/appointments/:appointment_id/items': () => ({ items: [] }),
    'POST /api/v1/auth/users': () => ({ email: `new-${n}@sweep.test`, first_name: 'New', last_name: 'Member', role: 'receptionist', password: PASSWORD }),
    'PUT /api/v1/auth/users/:id': () => ({ first_name: `Renamed${n}` }),
    'POST /api/v1/auth/clinic': () => ({ clinic_id: caller?.clinicId ?? world.clinicA }),
    'PUT /api/v1/auth/clinic': () => ({ phone: '+34 600 000 000' }),
    'POST /api/v1/auth/clinics': () => ({ name: `Sweep clinic ${n}` }),
  }
  return bodies[route.key]?.() ?? {}
}

// ---- Expected access -------------------------------------------------------

/** The manifests' role grants, loaded from every module that serves routes, fed to the core's own grant logic. */
export async function loadManifestGrants(routes: Route[]): Promise<() => void> {
  const modules = [...new Set(routes.map(r => r.module))].filter(m => m !== 'core')
  const manifests: { name: string, role_permissions?: Record<string, string[]> }[] = []
  for (const name of modules) {
    const file = [join(ROOT, 'layers', name, 'module.ts'), join(ROOT, 'tests/fixtures', name, 'module.ts')].find(f => existsSync(f))
    if (!file) throw new Error(`no module.ts for module ${name}`)
    const mod = await import(file)
    manifests.push(mod.default.manifest)
  }
  return registerPermissionSource({
    declared: () => [],
    grants: role => manifests.flatMap(m => (m.role_permissions?.[role] ?? []).map(g => namespaceGrant(m.name, g))),
  })
}

/**
 * Rules enforced in a service rather than by the handler's guard; the
 * matrix cannot read them from the route file, so they are listed here.
 */
export const SERVICE_RULES: Record<string, { ownerAdminOnly?: true, refusedRoles?: RoleName[], why: string }> = {
  'POST /api/v1/auth/clinics': { ownerAdminOnly: true, why: 'createClinic(): only admins of the owning clinic open clinics (auth.not_owner_admin)' },
  'POST /api/v1/odontogram/patients/:patient_id/entries': {
    refusedRoles: ['assistant'],
    why: 'createEntry(): assistants hold odontogram.conditions.write but chart only where the clinic turns on settings.odontogram.assistants_record_conditions (off here)',
  },
  'POST /api/v1/treatment_plan/plans/:id/items/:item_id/perform': {
    refusedRoles: ['assistant'],
    why: 'performItem(): performing is clinical work and also needs odontogram.write, which assistants lack (they hold treatment_plan.plans.write)',
  },
}

export type Expectation = 'allowed' | 'unauthenticated' | 'forbidden'

/** What a caller should get on a route, from its guard and the manifests' grants (loadManifestGrants first). */
export function expectedAccess(route: Route, caller: Caller): Expectation {
  const access = route.access
  if (access.kind === 'public') return 'allowed'
  if (!caller.signedIn) return 'unauthenticated'
  if (caller.foreignClinic) return 'forbidden'
  const holds = (permission: string) => caller.role !== null && hasPermission(roleGrants(caller.role), permission)
  let allowed = access.kind === 'member'
    || (access.kind === 'permission' && holds(access.permission))
    || (access.kind === 'module-admin' && holds(access.permission) && caller.ownerAdmin)
  if (SERVICE_RULES[route.key]?.ownerAdminOnly && !caller.ownerAdmin) allowed = false
  if (caller.role && SERVICE_RULES[route.key]?.refusedRoles?.includes(caller.role)) allowed = false
  return allowed ? 'allowed' : 'forbidden'
}

// ---- Requests ---------------------------------------------------------------

/** Runs `fn` over `items` with at most `size` in flight. */
export async function inPool<T>(items: T[], size: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let i = 0
  const worker = async () => {
    while (i < items.length) {
      const index = i++
      await fn(items[index]!, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
}

export const POOL = 8

/** Sends a request on a copy of the caller's client; a JSON body on every POST/PUT/PATCH (and a DELETE given one). */
export async function send(api: ApiClient, method: string, path: string, body?: unknown): Promise<ApiResult> {
  const m = method === 'ALL' ? 'GET' : method
  // DELETE carries a body only when the route wants one (odontogram: why an entry goes).
  const withBody = ['POST', 'PUT', 'PATCH'].includes(m) || (m === 'DELETE' && typeof body === 'object' && body !== null && Object.keys(body).length > 0)
  return copyOf(api).request(m, path, withBody ? { body: body ?? {} } : {})
}

/** Why a response is not the envelope (null when it is): JSON, `data` and `message`, and on errors `errors[].code`. */
export function envelopeProblem(res: ApiResult): string | null {
  if (res.status === 204) return null
  if (!res.headers.get('content-type')?.includes('application/json')) return `content-type ${res.headers.get('content-type')}`
  const body = res.body
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body is not an object'
  if (!('data' in body) || !('message' in body)) return 'no data/message keys'
  if (res.status >= 400) {
    if (!Array.isArray(body.errors) || body.errors.length === 0) return 'no errors array'
    if (!body.errors.every((e: any) => e && typeof e.code === 'string' && typeof e.message === 'string')) return 'an error item without code/message'
  }
  return null
}

/** A short printable body for failure reports. */
export function brief(body: unknown, max = 300): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return text === undefined ? '' : text.length > max ? `${text.slice(0, max)}…` : text
}
