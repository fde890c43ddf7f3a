import { beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, isErrorEnvelope } from '../support/http'
import { acceptInvite, clinicWithAdmin, createClinic, createUser, errorFields, inviteTokenOf, OWNER, sessionCookie, signIn, signedInMember } from '../support/fixtures'
import { ownerSuite } from '../support/suite'

const PASSWORD = 'Team-passw0rd'
const ATTACKER_PASSWORD = 'Attack3r-passw0rd'

// Accounts are installation-wide; clinic admins manage memberships of their
// own clinic only (docs/core-api.md, "Accounts and memberships"). Clinic A is
// the owning clinic; clinic B has its own admin, who is nobody in A; clinic C
// is another clinic the owner administers.
describe('accounts across clinics', () => {
  const suite = ownerSuite()
  let clinicB: string
  let clinicC: string
  let adminB: ApiClient
  let adminA2: ApiClient
  let seq = 0
  const email = (tag: string) => `${tag}-${++seq}@accounts.test`

  beforeAll(async () => {
    ;({ clinicId: clinicB, admin: adminB } = await clinicWithAdmin(suite.owner, 'Clinic B', { email: 'admin-b@accounts.test', password: PASSWORD }))
    clinicC = (await createClinic(suite.owner, 'Clinic C')).id
    // The owner leaves clinic B: from now on B's admin is nobody in A.
    expect((await adminB.delete(`/api/v1/auth/users/${suite.ownerId}`)).status).toBe(204)
    adminA2 = (await signedInMember(suite.owner, { email: 'admin-a2@accounts.test', role: 'admin', password: PASSWORD })).api
  })

  /** A dentist who is a member of clinic A and of clinic C, signed in. */
  async function memberOfAandC(tag: string) {
    const address = email(tag)
    const { user } = await createUser(suite.owner, { email: address, role: 'dentist', password: PASSWORD, first_name: 'Dora', last_name: 'Dent' })
    await createUser(suite.owner, { email: address, role: 'dentist', password: PASSWORD }, clinicC)
    return { id: user.id, email: address }
  }

  async function accountAsOwnerSees(id: string) {
    const res = await suite.owner.get(`/api/v1/auth/users/${id}`)
    expect(res.status).toBe(200)
    return res.body.data
  }

  describe('the cross-clinic takeover is closed', () => {
    it('a pending invitee of clinic A cannot be taken over by clinic B\'s admin', async () => {
      // 1. The owner invites pending@x into clinic A without a password.
      const invited = await suite.owner.post('/api/v1/auth/users', { email: 'pending@x.test', first_name: 'Paula', last_name: 'Pending', role: 'dentist' })
      expect(invited.status).toBe(201)
      const ownerLink: string = invited.body.data.invite_url

      // 2. B's admin "adds" the same e-mail: an invitation into B, not a credential.
      const hijack = await adminB.post('/api/v1/auth/users', { email: 'pending@x.test', first_name: 'P', last_name: 'X', role: 'receptionist' })
      expect(hijack.status).toBe(201)
      expect(hijack.body.data.user).toMatchObject({ status: 'invited', invite_pending: true })

      // 3. Accepting B's link with a password of the attacker's choice opens nothing.
      const attacker = new ApiClient(suite.server.url)
      const accept = await attacker.post('/api/v1/auth/invites/accept', { token: inviteTokenOf(hijack.body.data.invite_url), password: ATTACKER_PASSWORD })
      expect(accept.status).toBe(401)
      expect(isErrorEnvelope(accept.body)).toBe(true)
      expect(attacker.cookies.size).toBe(0)
      expect((await attacker.post('/api/v1/auth/login', { email: 'pending@x.test', password: ATTACKER_PASSWORD })).status).toBe(401)
      // Nor can B's admin reach clinic A.
      expect((await adminB.get('/api/v1/patients', { headers: { 'x-clinic-id': suite.clinicId } })).status).toBe(403)

      // The owner's link still works for the real person, once.
      const victim = await acceptInvite(suite.server.url, ownerLink, PASSWORD)
      const me = await victim.get('/api/v1/auth/me')
      expect(me.body.data).toMatchObject({ current_clinic_id: suite.clinicId, role: 'dentist' })
      expect(me.body.data.user).toMatchObject({ first_name: 'Paula', last_name: 'Pending' })
      // B's invitation waits for her answer; she can decline it.
      expect(me.body.data.invitations).toEqual([expect.objectContaining({ clinic_id: clinicB, clinic_name: 'Clinic B', role: 'receptionist' })])
      const reuse = await new ApiClient(suite.server.url).post('/api/v1/auth/invites/accept', { token: inviteTokenOf(ownerLink), password: ATTACKER_PASSWORD })
      expect(reuse.status).toBe(404)
      // B's link with a wrong password still opens nothing now that the account has one.
      const again = await attacker.post('/api/v1/auth/invites/accept', { token: inviteTokenOf(hijack.body.data.invite_url), password: ATTACKER_PASSWORD })
      expect(again.status).toBe(401)
      expect((await signIn(suite.server.url, 'pending@x.test', PASSWORD).then(c => c.get('/api/v1/auth/me'))).status).toBe(200)
    })

    it('clinic B\'s admin cannot deactivate, rename or reset an account of clinic A', async () => {
      const before = await suite.owner.get('/api/v1/auth/me')
      // Adding the owner's e-mail to B only invites; nothing about the account changes.
      const add = await adminB.post('/api/v1/auth/users', { email: OWNER.email, first_name: 'Own', last_name: 'Er', role: 'dentist' })
      expect(add.status).toBe(201)
      const put = await adminB.put(`/api/v1/auth/users/${suite.ownerId}`, { is_active: false, first_name: 'Hacked' })
      expect(put.status).toBe(400)
      expect(put.body.errors[0].code).toBe('auth.invitation_pending')
      expect((await adminB.post(`/api/v1/auth/users/${suite.ownerId}/reset-link`)).status).toBe(400)
      expect((await adminB.post(`/api/v1/auth/users/${suite.ownerId}/confirm`)).status).toBe(403)
      const after = await suite.owner.get('/api/v1/auth/me')
      expect(after.status).toBe(200)
      expect(after.body.data.user).toEqual(before.body.data.user)

      // Once the owner accepts, B manages the membership in B — and nothing else.
      const invitation = after.body.data.invitations.find((i: any) => i.clinic_id === clinicB)
      expect((await suite.owner.post(`/api/v1/auth/invitations/${invitation.id}/accept`)).status).toBe(200)
      const rename = await adminB.put(`/api/v1/auth/users/${suite.ownerId}`, { first_name: 'Hacked' })
      expect(rename.status).toBe(403)
      expect(rename.body.errors[0].code).toBe('auth.account_managed_elsewhere')
      const reset = await adminB.post(`/api/v1/auth/users/${suite.ownerId}/reset-link`)
      expect(reset.status).toBe(403)
      const off = await adminB.put(`/api/v1/auth/users/${suite.ownerId}`, { is_active: false })
      expect(off.status).toBe(200)
      expect(off.body.data).toMatchObject({ id: suite.ownerId, status: 'inactive', is_active: false, account_managed: false })
      // Switched off in B only: the owner keeps clinic A, with the same name.
      const me = await suite.owner.get('/api/v1/auth/me')
      expect(me.status).toBe(200)
      expect(me.body.data.user.first_name).toBe(before.body.data.user.first_name)
      expect(me.body.data.clinics.map((c: any) => c.id)).not.toContain(clinicB)
      expect(me.body.data.clinics.map((c: any) => c.id)).toContain(suite.clinicId)
      expect((await suite.owner.get('/api/v1/auth/users', { headers: { 'x-clinic-id': clinicB } })).status).toBe(403)
      await signIn(suite.server.url, OWNER.email, OWNER.password)
    })

    it('adding a user answers the same whether or not the e-mail has an account', async () => {
      const existing = await memberOfAandC('existing')
      const fresh = email('fresh')
      const body = { first_name: 'Same', last_name: 'Answer', role: 'assistant', licence_number: 'L-1' }
      const a = await adminB.post('/api/v1/auth/users', { ...body, email: existing.email })
      const b = await adminB.post('/api/v1/auth/users', { ...body, email: fresh })
      expect(a.status).toBe(201)
      expect(b.status).toBe(201)
      const shape = (res: any) => {
        const { id, email, created_at, joined_at, invite_expires_at, ...rest } = res.body.data.user
        return { message: res.body.message, user: rest, keys: Object.keys(res.body.data), url: res.body.data.invite_url.replace(/[^/]+$/, 'TOKEN'), typed: [id.length, email, created_at.length, joined_at.length, invite_expires_at.length] }
      }
      expect(shape(a)).toEqual({ ...shape(b), typed: [36, existing.email, 24, 24, 24] })
      expect(shape(b).typed[1]).toBe(fresh)
      // The invitee shows with what B's admin typed, not the account's own name.
      expect(a.body.data.user).toMatchObject({ first_name: 'Same', last_name: 'Answer', status: 'invited', account_managed: false })
      const listed = (await adminB.get('/api/v1/auth/users?page_size=100')).body.data.find((u: any) => u.email === existing.email)
      expect(listed).toMatchObject({ first_name: 'Same', last_name: 'Answer', status: 'invited' })
      // A password in the request is refused the same way for both.
      for (const address of [existing.email, email('fresh')]) {
        const withPassword = await adminB.post('/api/v1/auth/users', { ...body, email: address, password: ATTACKER_PASSWORD })
        expect(withPassword.status).toBe(422)
        expect(errorFields(withPassword.body)).toEqual(['password'])
      }
      expect((await accountAsOwnerSees(existing.id)).first_name).toBe('Dora')
    })
  })

  // Every users-admin route × who calls it. The target is a dentist of clinic
  // A and of clinic C: the owner administers both (manages the account); the
  // second admin of A administers A only; B's admin neither.
  describe('who may do what to whom', () => {
    type Caller = 'owner' | 'sameClinicAdmin' | 'otherClinicAdmin' | 'otherClinicAdminInA'
    const callers: Caller[] = ['owner', 'sameClinicAdmin', 'otherClinicAdmin', 'otherClinicAdminInA']
    const client = (c: Caller) => ({ owner: suite.owner, sameClinicAdmin: adminA2, otherClinicAdmin: adminB, otherClinicAdminInA: adminB }[c])
    const headers = (c: Caller): Record<string, string> => (c === 'otherClinicAdminInA' ? { 'x-clinic-id': suite.clinicId } : {})

    interface Row {
      route: string
      call: (api: ApiClient, h: Record<string, string>, target: { id: string, email: string }) => Promise<{ status: number, body: any }>
      expected: Record<Caller, number>
      /** What must hold of the account afterwards, as the suite.owner sees it. */
      after?: (target: { id: string }, status: number) => Promise<void>
      /** The target is only invited into A (member of C), instead of a member of A and C. */
      invitedTarget?: boolean
    }

    const unchanged = async (target: { id: string }) => {
      const seen = await accountAsOwnerSees(target.id)
      expect(seen).toMatchObject({ first_name: 'Dora', last_name: 'Dent', role: 'dentist', status: 'active' })
    }

    const rows: Row[] = [
      {
        route: 'GET /users',
        call: (api, h) => api.get('/api/v1/auth/users?page_size=100', { headers: h }),
        expected: { owner: 200, sameClinicAdmin: 200, otherClinicAdmin: 200, otherClinicAdminInA: 403 },
      },
      {
        route: 'POST /users',
        call: (api, h) => api.post('/api/v1/auth/users', { email: email('new'), first_name: 'N', last_name: 'U', role: 'assistant' }, { headers: h }),
        expected: { owner: 201, sameClinicAdmin: 201, otherClinicAdmin: 201, otherClinicAdminInA: 403 },
      },
      {
        route: 'GET /users/{id}',
        call: (api, h, t) => api.get(`/api/v1/auth/users/${t.id}`, { headers: h }),
        expected: { owner: 200, sameClinicAdmin: 200, otherClinicAdmin: 404, otherClinicAdminInA: 403 },
      },
      {
        route: 'PUT /users/{id} role (membership)',
        call: (api, h, t) => api.put(`/api/v1/auth/users/${t.id}`, { role: 'hygienist' }, { headers: h }),
        expected: { owner: 200, sameClinicAdmin: 200, otherClinicAdmin: 404, otherClinicAdminInA: 403 },
        after: async (t, status) => {
          expect((await accountAsOwnerSees(t.id)).role).toBe(status === 200 ? 'hygienist' : 'dentist')
        },
      },
      {
        route: 'PUT /users/{id} is_active (membership)',
        call: (api, h, t) => api.put(`/api/v1/auth/users/${t.id}`, { is_active: false }, { headers: h }),
        expected: { owner: 200, sameClinicAdmin: 200, otherClinicAdmin: 404, otherClinicAdminInA: 403 },
        after: async (t, status) => {
          expect((await accountAsOwnerSees(t.id)).status).toBe(status === 200 ? 'inactive' : 'active')
          // Never account-wide: the membership in clinic C is untouched.
          expect((await suite.owner.get(`/api/v1/auth/users/${t.id}`, { headers: { 'x-clinic-id': clinicC } })).body.data.status).toBe('active')
        },
      },
      {
        route: 'PUT /users/{id} first_name (account)',
        call: (api, h, t) => api.put(`/api/v1/auth/users/${t.id}`, { first_name: 'Renamed' }, { headers: h }),
        expected: { owner: 200, sameClinicAdmin: 403, otherClinicAdmin: 404, otherClinicAdminInA: 403 },
        after: async (t, status) => {
          expect((await accountAsOwnerSees(t.id)).first_name).toBe(status === 200 ? 'Renamed' : 'Dora')
        },
      },
      {
        route: 'POST /users/{id}/reset-link',
        call: (api, h, t) => api.post(`/api/v1/auth/users/${t.id}/reset-link`, undefined, { headers: h }),
        expected: { owner: 201, sameClinicAdmin: 403, otherClinicAdmin: 404, otherClinicAdminInA: 403 },
      },
      {
        route: 'DELETE /users/{id}',
        call: (api, h, t) => api.delete(`/api/v1/auth/users/${t.id}`, { headers: h }),
        expected: { owner: 204, sameClinicAdmin: 204, otherClinicAdmin: 404, otherClinicAdminInA: 403 },
        after: async (t, status) => {
          expect((await suite.owner.get(`/api/v1/auth/users/${t.id}`)).status).toBe(status === 204 ? 404 : 200)
        },
      },
      {
        route: 'POST /users/{id}/confirm',
        invitedTarget: true,
        call: (api, h, t) => api.post(`/api/v1/auth/users/${t.id}/confirm`, undefined, { headers: h }),
        expected: { owner: 200, sameClinicAdmin: 403, otherClinicAdmin: 404, otherClinicAdminInA: 403 },
        after: async (t, status) => {
          expect((await accountAsOwnerSees(t.id)).status).toBe(status === 200 ? 'active' : 'invited')
        },
      },
    ]

    for (const row of rows) {
      for (const caller of callers) {
        it(`${row.route} as ${caller} → ${row.expected[caller]}`, async () => {
          let target: { id: string, email: string }
          if (row.invitedTarget) {
            const address = email('invited')
            const c = await createUser(suite.owner, { email: address, role: 'dentist', password: PASSWORD, first_name: 'Dora', last_name: 'Dent' }, clinicC)
            await createUser(suite.owner, { email: address, role: 'dentist', first_name: 'Dora', last_name: 'Dent' })
            target = { id: c.user.id, email: address }
          }
          else {
            target = await memberOfAandC('target')
          }
          const res = await row.call(client(caller), headers(caller), target)
          expect(res.status, JSON.stringify(res.body)).toBe(row.expected[caller])
          if (res.status >= 400) expect(isErrorEnvelope(res.body)).toBe(true)
          if (row.route === 'GET /users') {
            const emails = res.status === 200 ? res.body.data.map((u: any) => u.email) : []
            if (caller === 'otherClinicAdmin') expect(emails).not.toContain(target.email)
            else if (res.status === 200) expect(emails).toContain(target.email)
          }
          if (row.after) await row.after(target, res.status)
          else if (row.route !== 'POST /users/{id}/reset-link' || res.status !== 201) await unchanged(target)
        })
      }
    }
  })

  describe('links', () => {
    it('an invitation expires after 7 days; inviting again replaces the link', async () => {
      const address = email('relink')
      const first = await suite.owner.post('/api/v1/auth/users', { email: address, first_name: 'Re', last_name: 'Link', role: 'assistant' })
      const expires = new Date(first.body.data.user.invite_expires_at).getTime()
      expect(Math.abs(expires - (Date.now() + 7 * 86_400_000))).toBeLessThan(120_000)
      const second = await suite.owner.post('/api/v1/auth/users', { email: address, first_name: 'Re', last_name: 'Link', role: 'hygienist' })
      expect(second.status).toBe(201)
      const old = await new ApiClient(suite.server.url).post('/api/v1/auth/invites/accept', { token: inviteTokenOf(first.body.data.invite_url), password: PASSWORD })
      expect(old.status).toBe(404)
      const api = await acceptInvite(suite.server.url, second.body.data.invite_url, PASSWORD)
      expect((await api.get('/api/v1/auth/me')).body.data.role).toBe('hygienist')
    })

    it('accepting a link with the account\'s own password revokes its other sessions', async () => {
      const member = await memberOfAandC('sessions')
      const earlier = await signIn(suite.server.url, member.email, PASSWORD)
      const bearer = new ApiClient(suite.server.url)
      bearer.bearer = (await new ApiClient(suite.server.url).post('/api/v1/auth/token', { email: member.email, password: PASSWORD })).body.data.token
      const invite = await adminB.post('/api/v1/auth/users', { email: member.email, first_name: 'D', last_name: 'D', role: 'assistant' })
      const wrong = await new ApiClient(suite.server.url).post('/api/v1/auth/invites/accept', { token: inviteTokenOf(invite.body.data.invite_url), password: 'Wrong-passw0rd' })
      expect(wrong.status).toBe(401)
      // A wrong password does not use the link up.
      const joined = await acceptInvite(suite.server.url, invite.body.data.invite_url, PASSWORD)
      expect((await joined.get('/api/v1/auth/me')).body.data).toMatchObject({ current_clinic_id: clinicB, role: 'assistant' })
      expect((await earlier.get('/api/v1/auth/me')).status).toBe(401)
      expect((await bearer.get('/api/v1/auth/me')).status).toBe(401)
      // The name is still the account's own, not what B's admin typed.
      expect((await joined.get('/api/v1/auth/me')).body.data.user.first_name).toBe('Dora')
    })

    it('in-app invitations: listed, accepted or declined by the account\'s holder only', async () => {
      const member = await memberOfAandC('inapp')
      const api = await signIn(suite.server.url, member.email, PASSWORD)
      await adminB.post('/api/v1/auth/users', { email: member.email, first_name: 'D', last_name: 'D', role: 'receptionist' })
      const list = await api.get('/api/v1/auth/invitations')
      expect(list.status).toBe(200)
      expect(list.body.data).toEqual([expect.objectContaining({ clinic_id: clinicB, role: 'receptionist' })])
      const id = list.body.data[0].id
      // Nobody else can answer it.
      expect((await suite.owner.post(`/api/v1/auth/invitations/${id}/accept`)).status).toBe(404)
      expect((await api.post(`/api/v1/auth/invitations/${id}/decline`)).status).toBe(204)
      expect((await api.get('/api/v1/auth/invitations')).body.data).toEqual([])
      expect((await adminB.get('/api/v1/auth/users?page_size=100')).body.data.map((u: any) => u.email)).not.toContain(member.email)
      expect((await api.post(`/api/v1/auth/invitations/${id}/accept`)).status).toBe(404)
    })
  })

  describe('passwords', () => {
    it('every user changes their own password; other sessions end, this one stays', async () => {
      const member = await memberOfAandC('pw')
      const api = await signIn(suite.server.url, member.email, PASSWORD)
      const other = await signIn(suite.server.url, member.email, PASSWORD)
      const wrong = await api.post('/api/v1/auth/password', { current_password: 'Nope-passw0rd', new_password: 'New-passw0rd1' })
      expect(wrong.status).toBe(422)
      expect(errorFields(wrong.body)).toEqual(['current_password'])
      expect(wrong.body.errors[0].code).toBe('auth.wrong_password')
      const weak = await api.post('/api/v1/auth/password', { current_password: PASSWORD, new_password: 'short' })
      expect(weak.status).toBe(422)
      expect(new Set(errorFields(weak.body))).toEqual(new Set(['new_password']))
      expect((await other.get('/api/v1/auth/me')).status).toBe(200)

      const done = await api.post('/api/v1/auth/password', { current_password: PASSWORD, new_password: 'New-passw0rd1' })
      expect(done.status).toBe(204)
      expect((await api.get('/api/v1/auth/me')).status).toBe(200)
      expect((await other.get('/api/v1/auth/me')).status).toBe(401)
      expect((await new ApiClient(suite.server.url).post('/api/v1/auth/login', { email: member.email, password: PASSWORD })).status).toBe(401)
      await signIn(suite.server.url, member.email, 'New-passw0rd1')
      expect((await new ApiClient(suite.server.url).post('/api/v1/auth/password', { current_password: 'x', new_password: 'New-passw0rd2' })).status).toBe(401)
    })

    it('an admin who manages the account issues a one-time reset link; a new password ends every session and older links', async () => {
      const member = await memberOfAandC('reset')
      const session = await signIn(suite.server.url, member.email, PASSWORD)
      const first = await suite.owner.post(`/api/v1/auth/users/${member.id}/reset-link`)
      expect(first.status).toBe(201)
      expect(first.body.data.reset_url).toMatch(/\/reset\/[\w-]{20,}$/)
      expect(new Date(first.body.data.expires_at).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000)
      const second = await suite.owner.post(`/api/v1/auth/users/${member.id}/reset-link`)
      const token = (url: string) => url.split('/reset/')[1]
      const stale = await new ApiClient(suite.server.url).post('/api/v1/auth/password/reset', { token: token(first.body.data.reset_url), password: 'Reset-passw0rd' })
      expect(stale.status).toBe(404)

      const api = new ApiClient(suite.server.url)
      const used = await api.post('/api/v1/auth/password/reset', { token: token(second.body.data.reset_url), password: 'Reset-passw0rd' })
      expect(used.status).toBe(200)
      expect(sessionCookie(used.setCookies)).toBeDefined()
      expect((await api.get('/api/v1/auth/me')).body.data.user.email).toBe(member.email)
      expect((await session.get('/api/v1/auth/me')).status).toBe(401)
      expect((await new ApiClient(suite.server.url).post('/api/v1/auth/password/reset', { token: token(second.body.data.reset_url), password: 'Again-passw0rd' })).status).toBe(404)
      await signIn(suite.server.url, member.email, 'Reset-passw0rd')

      // A link issued before the holder changes the password stops working.
      const third = await suite.owner.post(`/api/v1/auth/users/${member.id}/reset-link`)
      expect((await api.post('/api/v1/auth/password', { current_password: 'Reset-passw0rd', new_password: 'Mine-passw0rd' })).status).toBe(204)
      expect((await new ApiClient(suite.server.url).post('/api/v1/auth/password/reset', { token: token(third.body.data.reset_url), password: 'Owner-passw0rd' })).status).toBe(404)
      await signIn(suite.server.url, member.email, 'Mine-passw0rd')
    })

    it('no reset link for yourself or for a pending invitation', async () => {
      const self = await suite.owner.post(`/api/v1/auth/users/${suite.ownerId}/reset-link`)
      expect(self.status).toBe(400)
      expect(self.body.errors[0].code).toBe('auth.reset_own_password')
      const invited = await suite.owner.post('/api/v1/auth/users', { email: email('pending'), first_name: 'P', last_name: 'P', role: 'assistant' })
      const res = await suite.owner.post(`/api/v1/auth/users/${invited.body.data.user.id}/reset-link`)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].code).toBe('auth.invitation_pending')
    })
  })
})
