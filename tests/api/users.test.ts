import { beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, isErrorEnvelope } from '../support/http'
import { acceptInvite, createClinic, createUser, errorFields, inviteTokenOf, MISSING_ID, OWNER, sessionCookie, signIn, UUID, signedInMember } from '../support/fixtures'
import { ownerSuite } from '../support/suite'

const PASSWORD = 'Team-passw0rd'

// Users admin under /api/v1/auth/users, invites, and who may use it.
describe('users admin', () => {
  const suite = ownerSuite()

  async function tokenFor(email: string, password: string): Promise<string> {
    const res = await new ApiClient(suite.server.url).post('/api/v1/auth/token', { email, password })
    expect(res.status).toBe(201)
    return res.body.data.token
  }

  describe('list, create, read, update', () => {
    let dentistId: string

    it('lists the clinic\'s members as a page', async () => {
      const res = await suite.owner.get('/api/v1/auth/users')
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ message: null, total: 1, page: 1, page_size: 50 })
      expect(res.body.data).toEqual([expect.objectContaining({
        id: suite.ownerId,
        email: OWNER.email,
        first_name: 'Olga',
        last_name: 'Owner',
        role: 'admin',
        is_active: true,
        invite_pending: false,
      })])
      expect(JSON.stringify(res.body)).not.toMatch(/password|\$argon|\$scrypt/i)
    })

    it('adds a user as an invitation: 201 with a one-time link; accepting it sets the password and signs in', async () => {
      const res = await suite.owner.post('/api/v1/auth/users', {
        email: 'Diego@Clinic.Test',
        first_name: 'Diego',
        last_name: 'Díaz',
        role: 'dentist',
        licence_number: 'COEM-1',
      })
      expect(res.status).toBe(201)
      expect(res.body.message).toBe('User invited')
      expect(res.body.data.invite_url).toMatch(/\/invite\/[\w-]{20,}$/)
      expect(res.body.data.user).toMatchObject({
        email: 'diego@clinic.test',
        first_name: 'Diego',
        last_name: 'Díaz',
        role: 'dentist',
        is_professional: true,
        is_active: true,
        status: 'invited',
        invite_pending: true,
        licence_number: 'COEM-1',
        account_managed: false,
      })
      expect(res.body.data.user.id).toMatch(UUID)
      expect(JSON.stringify(res.body)).not.toMatch(/password|\$argon|\$scrypt/i)
      dentistId = res.body.data.user.id

      const dentist = await acceptInvite(suite.server.url, res.body.data.invite_url, PASSWORD)
      const me = await dentist.get('/api/v1/auth/me')
      expect(me.body.data).toMatchObject({ role: 'dentist', current_clinic_id: suite.clinicId })
      expect((await suite.owner.get(`/api/v1/auth/users/${dentistId}`)).body.data).toMatchObject({ status: 'active', invite_pending: false, licence_number: 'COEM-1', account_managed: true })
      await signIn(suite.server.url, 'diego@clinic.test', PASSWORD)
    })

    it('refuses a password in the request: nobody sets another person\'s password', async () => {
      const res = await suite.owner.post('/api/v1/auth/users', { email: 'pw@clinic.test', first_name: 'P', last_name: 'W', role: 'dentist', password: PASSWORD })
      expect(res.status).toBe(422)
      expect(errorFields(res.body)).toEqual(['password'])
      expect((await suite.owner.get('/api/v1/auth/users?page_size=100')).body.data.map((u: any) => u.email)).not.toContain('pw@clinic.test')
    })

    it('takes is_professional when given, and defaults it to false for non-clinical roles', async () => {
      const a = await createUser(suite.owner, { email: 'alba@clinic.test', role: 'assistant', password: PASSWORD })
      expect(a.user).toMatchObject({ role: 'assistant', is_professional: false })
      const r = await createUser(suite.owner, { email: 'rosa@clinic.test', role: 'receptionist', password: PASSWORD, is_professional: true })
      expect(r.user).toMatchObject({ role: 'receptionist', is_professional: true })
    })

    it('answers 409 for an email that is already a member (any case), creating nothing', async () => {
      const res = await suite.owner.post('/api/v1/auth/users', { email: 'DIEGO@clinic.test', first_name: 'Other', last_name: 'Diego', role: 'hygienist' })
      expect(res.status).toBe(409)
      expect(isErrorEnvelope(res.body)).toBe(true)
      const list = await suite.owner.get('/api/v1/auth/users')
      expect(list.body.total).toBe(4)
      expect(list.body.data.filter((u: any) => u.email === 'diego@clinic.test')).toHaveLength(1)
    })

    it('answers 422 naming each offending field', async () => {
      const res = await suite.owner.post('/api/v1/auth/users', { email: 'nope', first_name: '', last_name: 'X', role: 'janitor' })
      expect(res.status).toBe(422)
      expect(isErrorEnvelope(res.body)).toBe(true)
      expect(new Set(errorFields(res.body))).toEqual(new Set(['email', 'first_name', 'role']))
    })

    it('reads one member; an unknown or malformed id is 404', async () => {
      const res = await suite.owner.get(`/api/v1/auth/users/${dentistId}`)
      expect(res.status).toBe(200)
      expect(res.body.data).toMatchObject({ id: dentistId, email: 'diego@clinic.test', role: 'dentist' })
      for (const id of [MISSING_ID, 'not-a-uuid']) {
        const missing = await suite.owner.get(`/api/v1/auth/users/${id}`)
        expect(missing.status, id).toBe(404)
        expect(isErrorEnvelope(missing.body)).toBe(true)
      }
    })

    it('pages the list with page and page_size', async () => {
      const all = await suite.owner.get('/api/v1/auth/users?page_size=100')
      expect(all.body.total).toBe(4)
      const p1 = await suite.owner.get('/api/v1/auth/users?page=1&page_size=3')
      const p2 = await suite.owner.get('/api/v1/auth/users?page=2&page_size=3')
      expect(p1.status).toBe(200)
      expect(p1.body).toMatchObject({ total: 4, page: 1, page_size: 3 })
      expect(p2.body).toMatchObject({ total: 4, page: 2, page_size: 3 })
      expect(p1.body.data).toHaveLength(3)
      expect(p2.body.data).toHaveLength(1)
      const ids = [...p1.body.data, ...p2.body.data].map((u: any) => u.id)
      expect(new Set(ids)).toEqual(new Set(all.body.data.map((u: any) => u.id)))
    })

    it('answers 422 for out-of-range paging, naming the parameter', async () => {
      const zero = await suite.owner.get('/api/v1/auth/users?page=0')
      expect(zero.status).toBe(422)
      expect(errorFields(zero.body)).toEqual(['page'])
      const big = await suite.owner.get('/api/v1/auth/users?page_size=1000')
      expect(big.status).toBe(422)
      expect(errorFields(big.body)).toEqual(['page_size'])
    })

    it('updates role and names; the member\'s live session sees the new role', async () => {
      const dentist = await signIn(suite.server.url, 'diego@clinic.test', PASSWORD)
      const res = await suite.owner.put(`/api/v1/auth/users/${dentistId}`, { role: 'hygienist', first_name: 'Diego José', is_professional: false })
      expect(res.status).toBe(200)
      expect(res.body.data).toMatchObject({ id: dentistId, role: 'hygienist', first_name: 'Diego José', last_name: 'Díaz', is_professional: false })
      expect((await suite.owner.get(`/api/v1/auth/users/${dentistId}`)).body.data).toMatchObject({ role: 'hygienist', first_name: 'Diego José' })
      const me = await dentist.get('/api/v1/auth/me')
      expect(me.status).toBe(200)
      expect(me.body.data.role).toBe('hygienist')
    })

    it('an update leaves the fields it does not name unchanged (licence_number)', async () => {
      const created = await suite.owner.post('/api/v1/auth/users', { email: 'hugo@clinic.test', first_name: 'Hugo', last_name: 'H', role: 'hygienist', licence_number: 'HIG-77' })
      expect(created.status).toBe(201)
      await acceptInvite(suite.server.url, created.body.data.invite_url, PASSWORD)
      const id = created.body.data.user.id
      expect((await suite.owner.get(`/api/v1/auth/users/${id}`)).body.data.licence_number).toBe('HIG-77')
      const res = await suite.owner.put(`/api/v1/auth/users/${id}`, { last_name: 'Hernández' })
      expect(res.status).toBe(200)
      expect(res.body.data.last_name).toBe('Hernández')
      expect((await suite.owner.get(`/api/v1/auth/users/${id}`)).body.data).toMatchObject({ last_name: 'Hernández', licence_number: 'HIG-77' })
    })

    it('answers 422 for an empty update, changing nothing', async () => {
      await suite.owner.put(`/api/v1/auth/users/${dentistId}`, { licence_number: 'COEM-2' })
      const empty = await suite.owner.put(`/api/v1/auth/users/${dentistId}`, {})
      expect(empty.status).toBe(422)
      expect(isErrorEnvelope(empty.body)).toBe(true)
      expect((await suite.owner.get(`/api/v1/auth/users/${dentistId}`)).body.data.licence_number).toBe('COEM-2')
    })

    it('answers 422 for an invalid update and 404 for an unknown user', async () => {
      const role = await suite.owner.put(`/api/v1/auth/users/${dentistId}`, { role: 'owner' })
      expect(role.status).toBe(422)
      expect(errorFields(role.body)).toEqual(['role'])
      const active = await suite.owner.put(`/api/v1/auth/users/${dentistId}`, { is_active: 'no' })
      expect(active.status).toBe(422)
      expect(errorFields(active.body)).toEqual(['is_active'])
      const missing = await suite.owner.put(`/api/v1/auth/users/${MISSING_ID}`, { first_name: 'Ghost' })
      expect(missing.status).toBe(404)
    })
  })

  describe('invitations', () => {
    let inviteToken: string
    let invitedId: string

    it('creating a user without a password answers a one-time invite link', async () => {
      const res = await suite.owner.post('/api/v1/auth/users', { email: 'ines@clinic.test', first_name: 'Inés', last_name: 'Invitada', role: 'assistant' })
      expect(res.status).toBe(201)
      expect(res.body.data.user).toMatchObject({ email: 'ines@clinic.test', role: 'assistant', invite_pending: true, is_active: true })
      const url: string = res.body.data.invite_url
      expect(url).toMatch(new RegExp(`^${suite.server.url.replace(/\./g, '\\.')}/invite/[A-Za-z0-9_-]{20,}$`))
      inviteToken = url.split('/invite/')[1]!
      invitedId = res.body.data.user.id
      const listed = (await suite.owner.get('/api/v1/auth/users')).body.data.find((u: any) => u.id === invitedId)
      expect(listed).toMatchObject({ invite_pending: true })
    })

    it('the invited user cannot sign in before accepting', async () => {
      const res = await new ApiClient(suite.server.url).post('/api/v1/auth/login', { email: 'ines@clinic.test', password: PASSWORD })
      expect(res.status).toBe(401)
    })

    it('accept answers 422 for a short token or weak password, 404 for an unknown token', async () => {
      const api = new ApiClient(suite.server.url)
      const short = await api.post('/api/v1/auth/invites/accept', { token: 'abc', password: PASSWORD })
      expect(short.status).toBe(422)
      expect(errorFields(short.body)).toEqual(['token'])
      const weak = await api.post('/api/v1/auth/invites/accept', { token: inviteToken, password: 'weakweak' })
      expect(weak.status).toBe(422)
      expect(errorFields(weak.body)).toEqual(['password'])
      const unknown = await api.post('/api/v1/auth/invites/accept', { token: 'z'.repeat(43), password: PASSWORD })
      expect(unknown.status).toBe(404)
      expect(isErrorEnvelope(unknown.body)).toBe(true)
      expect(api.cookies.size).toBe(0)
    })

    it('accepting sets the password and signs the user in to the inviting clinic', async () => {
      const api = new ApiClient(suite.server.url)
      const res = await api.post('/api/v1/auth/invites/accept', { token: inviteToken, password: 'Ines-passw0rd' })
      expect(res.status).toBe(200)
      expect(res.body.data.user).toMatchObject({ id: invitedId, email: 'ines@clinic.test' })
      expect(res.body.data.current_clinic_id).toBe(suite.clinicId)
      const cookie = sessionCookie(res.setCookies)
      expect(cookie).toBeDefined()
      expect(cookie!.attributes.has('httponly')).toBe(true)
      expect(cookie!.attributes.get('samesite')?.toLowerCase()).toBe('lax')
      const me = await api.get('/api/v1/auth/me')
      expect(me.status).toBe(200)
      expect(me.body.data).toMatchObject({ role: 'assistant', current_clinic_id: suite.clinicId })
      expect((await suite.owner.get(`/api/v1/auth/users/${invitedId}`)).body.data.invite_pending).toBe(false)
    })

    it('the link works only once', async () => {
      const res = await new ApiClient(suite.server.url).post('/api/v1/auth/invites/accept', { token: inviteToken, password: 'Other-passw0rd' })
      expect(res.status).toBe(404)
      expect(isErrorEnvelope(res.body)).toBe(true)
      // The password chosen on the first acceptance still works; the second one does not.
      await signIn(suite.server.url, 'ines@clinic.test', 'Ines-passw0rd')
      expect((await new ApiClient(suite.server.url).post('/api/v1/auth/login', { email: 'ines@clinic.test', password: 'Other-passw0rd' })).status).toBe(401)
    })
  })

  describe('deactivation and removal', () => {
    let userId: string
    const EMAIL = 'teresa@clinic.test'

    it('deactivating a member switches off this clinic only; with no clinic left their sessions and tokens end', async () => {
      userId = (await createUser(suite.owner, { email: EMAIL, role: 'receptionist', password: PASSWORD })).user.id
      const browser = await signIn(suite.server.url, EMAIL, PASSWORD)
      const bearer = new ApiClient(suite.server.url)
      bearer.bearer = await tokenFor(EMAIL, PASSWORD)
      expect((await browser.get('/api/v1/auth/me')).status).toBe(200)
      expect((await bearer.get('/api/v1/auth/me')).status).toBe(200)

      const res = await suite.owner.put(`/api/v1/auth/users/${userId}`, { is_active: false })
      expect(res.status).toBe(200)
      expect(res.body.data).toMatchObject({ id: userId, is_active: false, status: 'inactive' })

      const cookieMe = await browser.get('/api/v1/auth/me')
      expect(cookieMe.status).toBe(401)
      expect(isErrorEnvelope(cookieMe.body)).toBe(true)
      expect((await bearer.get('/api/v1/auth/me')).status).toBe(401)
      // The account itself is theirs: they can still sign in, but see no clinic.
      const later = await signIn(suite.server.url, EMAIL, PASSWORD)
      expect((await later.get('/api/v1/auth/me')).body.data).toMatchObject({ clinics: [], current_clinic_id: null, permissions: [] })
      expect((await later.get('/api/v1/patients', { headers: { 'x-clinic-id': suite.clinicId } })).status).toBe(403)
      expect((await suite.owner.get(`/api/v1/auth/users/${userId}`)).body.data.is_active).toBe(false)

      // Reactivation gives the clinic back, but the revoked sessions stay revoked.
      const back = await suite.owner.put(`/api/v1/auth/users/${userId}`, { is_active: true })
      expect(back.status).toBe(200)
      expect(back.body.data.is_active).toBe(true)
      expect((await later.get('/api/v1/auth/me')).body.data.current_clinic_id).toBe(suite.clinicId)
      expect((await browser.get('/api/v1/auth/me')).status).toBe(401)
      expect((await bearer.get('/api/v1/auth/me')).status).toBe(401)
    })

    it('you cannot deactivate yourself, change your own role, or remove yourself', async () => {
      const deactivate = await suite.owner.put(`/api/v1/auth/users/${suite.ownerId}`, { is_active: false })
      expect(deactivate.status).toBe(400)
      expect(isErrorEnvelope(deactivate.body)).toBe(true)
      const demote = await suite.owner.put(`/api/v1/auth/users/${suite.ownerId}`, { role: 'dentist' })
      expect(demote.status).toBe(400)
      const remove = await suite.owner.delete(`/api/v1/auth/users/${suite.ownerId}`)
      expect(remove.status).toBe(400)
      expect(isErrorEnvelope(remove.body)).toBe(true)

      const me = await suite.owner.get('/api/v1/auth/me')
      expect(me.status).toBe(200)
      expect(me.body.data).toMatchObject({ role: 'admin', current_clinic_id: suite.clinicId })
      expect((await suite.owner.get(`/api/v1/auth/users/${suite.ownerId}`)).body.data).toMatchObject({ is_active: true, role: 'admin' })
    })

    it('you can still edit your own name', async () => {
      const res = await suite.owner.put(`/api/v1/auth/users/${suite.ownerId}`, { last_name: 'Owner-Smith' })
      expect(res.status).toBe(200)
      expect(res.body.data).toMatchObject({ id: suite.ownerId, last_name: 'Owner-Smith', role: 'admin', is_active: true })
    })

    it('removing a member answers 204; the account stays but loses access to the clinic', async () => {
      const browser = await signIn(suite.server.url, EMAIL, PASSWORD)
      const res = await suite.owner.delete(`/api/v1/auth/users/${userId}`)
      expect(res.status).toBe(204)
      expect(res.body).toBe('')
      expect((await suite.owner.get(`/api/v1/auth/users/${userId}`)).status).toBe(404)
      expect((await suite.owner.get('/api/v1/auth/users')).body.data.map((u: any) => u.id)).not.toContain(userId)

      const me = await browser.get('/api/v1/auth/me')
      expect(me.status).toBe(200)
      expect(me.body.data).toMatchObject({ clinics: [], current_clinic: null, current_clinic_id: null })
      expect(me.body.data.permissions).toEqual([])
      expect((await browser.get('/api/v1/auth/clinic')).status).toBe(403)
      expect((await browser.get('/api/v1/auth/me', { headers: { 'x-clinic-id': suite.clinicId } })).status).toBe(403)

      const again = await suite.owner.delete(`/api/v1/auth/users/${userId}`)
      expect(again.status).toBe(404)
      expect((await suite.owner.delete(`/api/v1/auth/users/${MISSING_ID}`)).status).toBe(404)
    })

    it('a removed user can be invited back; they accept with their own password, which stays theirs', async () => {
      const res = await suite.owner.post('/api/v1/auth/users', { email: EMAIL, first_name: 'Teresa', last_name: 'T', role: 'assistant' })
      expect(res.status).toBe(201)
      expect(res.body.data.user).toMatchObject({ id: userId, role: 'assistant', status: 'invited', invite_pending: true })
      const token = inviteTokenOf(res.body.data.invite_url)
      // The link cannot choose a new password for an account that has one.
      const hijack = await new ApiClient(suite.server.url).post('/api/v1/auth/invites/accept', { token, password: 'Hijack-passw0rd' })
      expect(hijack.status).toBe(401)
      const api = await acceptInvite(suite.server.url, res.body.data.invite_url, PASSWORD)
      expect((await api.get('/api/v1/auth/me')).body.data.role).toBe('assistant')
      expect((await new ApiClient(suite.server.url).post('/api/v1/auth/login', { email: EMAIL, password: 'Hijack-passw0rd' })).status).toBe(401)
    })
  })

  describe('permissions per role', () => {
    const roles = ['dentist', 'hygienist', 'assistant', 'receptionist'] as const
    const clients = new Map<string, ApiClient>()

    beforeAll(async () => {
      for (const role of roles) {
        await createUser(suite.owner, { email: `perm-${role}@clinic.test`, role, password: PASSWORD })
        clients.set(role, await signIn(suite.server.url, `perm-${role}@clinic.test`, PASSWORD))
      }
    })

    for (const role of roles) {
      it(`a ${role} gets 403 on every users-admin and clinic-admin endpoint`, async () => {
        const api = clients.get(role)!
        const attempts = [
          await api.get('/api/v1/auth/users'),
          await api.post('/api/v1/auth/users', { email: `by-${role}@clinic.test`, first_name: 'X', last_name: 'Y', role: 'admin' }),
          await api.post(`/api/v1/auth/users/${suite.ownerId}/reset-link`),
          await api.post(`/api/v1/auth/users/${suite.ownerId}/confirm`),
          await api.get(`/api/v1/auth/users/${suite.ownerId}`),
          await api.put(`/api/v1/auth/users/${suite.ownerId}`, { is_active: false }),
          await api.delete(`/api/v1/auth/users/${suite.ownerId}`),
          await api.get('/api/v1/auth/clinic'),
          await api.put('/api/v1/auth/clinic', { name: 'Taken over' }),
        ]
        for (const res of attempts) {
          expect(res.status).toBe(403)
          expect(isErrorEnvelope(res.body)).toBe(true)
        }
        const me = await api.get('/api/v1/auth/me')
        expect(me.body.data.role).toBe(role)
        expect(me.body.data.permissions.filter((p: string) => p.startsWith('admin.'))).toEqual([])
        // Nothing changed.
        expect((await suite.owner.get(`/api/v1/auth/users/${suite.ownerId}`)).body.data.is_active).toBe(true)
        expect((await suite.owner.get('/api/v1/auth/users?page_size=100')).body.data.map((u: any) => u.email)).not.toContain(`by-${role}@clinic.test`)
      })
    }

    it('a second admin holds the admin permissions', async () => {
      const admin = (await signedInMember(suite.owner, { email: 'second-admin@clinic.test', role: 'admin', password: PASSWORD })).api
      expect((await admin.get('/api/v1/auth/users')).status).toBe(200)
      expect((await admin.get('/api/v1/auth/clinic')).status).toBe(200)
      const me = await admin.get('/api/v1/auth/me')
      expect(me.body.data.permissions).toEqual(expect.arrayContaining(['admin.users.read', 'admin.users.write', 'admin.clinic.read', 'admin.clinic.write']))
    })

    it('anonymous callers get 401 on every users-admin endpoint', async () => {
      const anon = new ApiClient(suite.server.url)
      const attempts = [
        await anon.get('/api/v1/auth/users'),
        await anon.post('/api/v1/auth/users', { email: 'anon@clinic.test', first_name: 'X', last_name: 'Y', role: 'admin' }),
        await anon.post(`/api/v1/auth/users/${suite.ownerId}/reset-link`),
        await anon.post(`/api/v1/auth/users/${suite.ownerId}/confirm`),
        await anon.post('/api/v1/auth/password', { current_password: 'x', new_password: 'New-passw0rd' }),
        await anon.get('/api/v1/auth/invitations'),
        await anon.get(`/api/v1/auth/users/${suite.ownerId}`),
        await anon.put(`/api/v1/auth/users/${suite.ownerId}`, { is_active: false }),
        await anon.delete(`/api/v1/auth/users/${suite.ownerId}`),
        await anon.get('/api/v1/auth/clinics'),
      ]
      for (const res of attempts) {
        expect(res.status).toBe(401)
        expect(isErrorEnvelope(res.body)).toBe(true)
      }
    })
  })

  describe('last administrator protection', () => {
    // A clinic whose admins are exactly `a` and `b` (the owner admin who opened it has been removed by `a`).
    async function clinicWithTwoAdmins(tag: string) {
      const clinic = await createClinic(suite.owner, `Two admins ${tag}`)
      const a = await createUser(suite.owner, { email: `a-${tag}@clinic.test`, role: 'admin', password: PASSWORD }, clinic.id)
      const b = await createUser(suite.owner, { email: `b-${tag}@clinic.test`, role: 'admin', password: PASSWORD }, clinic.id)
      const A = await signIn(suite.server.url, `a-${tag}@clinic.test`, PASSWORD)
      const B = await signIn(suite.server.url, `b-${tag}@clinic.test`, PASSWORD)
      A.clinicId = clinic.id
      B.clinicId = clinic.id
      expect((await A.delete(`/api/v1/auth/users/${suite.ownerId}`)).status).toBe(204)
      const admins = (await A.get('/api/v1/auth/users')).body.data.filter((u: any) => u.role === 'admin' && u.is_active)
      expect(admins.map((u: any) => u.id).sort()).toEqual([a.user.id, b.user.id].sort())
      return { clinic, a, b, A, B }
    }

    it('one admin can deactivate or demote the other while they are two', async () => {
      const { b, A } = await clinicWithTwoAdmins('seq')
      const res = await A.put(`/api/v1/auth/users/${b.user.id}`, { role: 'dentist' })
      expect(res.status).toBe(200)
      expect(res.body.data.role).toBe('dentist')
    })

    it('two admins deactivating each other at the same time leave at least one active admin', async () => {
      for (let i = 0; i < 3; i++) {
        const { a, b, A, B } = await clinicWithTwoAdmins(`race${i}`)
        const results = await Promise.all([
          A.put(`/api/v1/auth/users/${b.user.id}`, { is_active: false }),
          B.put(`/api/v1/auth/users/${a.user.id}`, { is_active: false }),
        ])
        expect(results.map(r => r.status), `round ${i}`).not.toEqual([200, 200])
        expect(results.filter(r => r.status === 200), `round ${i}`).toHaveLength(1)
        const loser = results.find(r => r.status !== 200)!
        expect([401, 409]).toContain(loser.status)
        expect(isErrorEnvelope(loser.body)).toBe(true)
      }
    })

    it('deactivating the only admin of a branch in another clinic switches off that clinic only', async () => {
      // `b` is the only admin of the branch, and also a receptionist of the owner's clinic.
      const { a, b, B } = await clinicWithTwoAdmins('cross')
      expect((await B.delete(`/api/v1/auth/users/${a.user.id}`)).status).toBe(204)
      const added = await suite.owner.post('/api/v1/auth/users', { email: b.user.email, first_name: 'B', last_name: 'Cross', role: 'receptionist' })
      expect(added.status).toBe(201)
      await acceptInvite(suite.server.url, added.body.data.invite_url, PASSWORD)

      const res = await suite.owner.put(`/api/v1/auth/users/${b.user.id}`, { is_active: false })
      expect(res.status).toBe(200)
      expect(res.body.data.status).toBe('inactive')
      // The branch keeps its administrator.
      const admin = await signIn(suite.server.url, b.user.email, PASSWORD)
      expect((await admin.get('/api/v1/auth/users')).status).toBe(200)
      expect((await admin.get('/api/v1/auth/me')).body.data.clinics.map((c: any) => c.role)).toEqual(['admin'])
    })
  })

  describe('concurrent requests', () => {
    // Races are timing-dependent: several rounds of several simultaneous requests make a lost race very likely to show.
    it('inviting the same email several times at once leaves exactly one working link, never a 500', async () => {
      for (let i = 0; i < 6; i++) {
        const body = { email: `twin-${i}@clinic.test`, first_name: 'Twin', last_name: String(i), role: 'assistant' }
        const results = await Promise.all([1, 2, 3, 4].map(() => suite.owner.post('/api/v1/auth/users', body)))
        const statuses = results.map(r => r.status)
        expect(statuses.every(s => s === 201 || s === 409), `round ${i}: ${JSON.stringify(statuses)}`).toBe(true)
        expect(statuses).toContain(201)
        const accepted: number[] = []
        for (const r of results.filter(r => r.status === 201)) {
          const res = await new ApiClient(suite.server.url).post('/api/v1/auth/invites/accept', { token: inviteTokenOf(r.body.data.invite_url), password: PASSWORD })
          accepted.push(res.status)
        }
        expect(accepted.filter(s => s === 200), `round ${i}: ${JSON.stringify(accepted)}`).toHaveLength(1)
        expect(accepted.every(s => s === 200 || s === 404)).toBe(true)
      }
    })

    it('an invite link accepted several times at once signs in only one of them', async () => {
      for (let i = 0; i < 10; i++) {
        const invite = await createUser(suite.owner, { email: `double-${i}@clinic.test`, role: 'assistant' })
        const token = invite.invite_url!.split('/invite/')[1]
        const results = await Promise.all(['First-passw0rd', 'Second-passw0rd', 'Third-passw0rd', 'Fourth-passw0rd'].map(password =>
          new ApiClient(suite.server.url).post('/api/v1/auth/invites/accept', { token, password })))
        expect(results.map(r => r.status).sort(), `round ${i}`).toEqual([200, 404, 404, 404])
      }
    })
  })
})
