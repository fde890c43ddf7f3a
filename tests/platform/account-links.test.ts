// One-time links at the service level, where time can be set: an expired
// invitation or reset link opens nothing and changes nothing; a link whose
// account got a password some other way no longer sets one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptInvite, resetPassword } from '../../server/auth/credentials'
import { hashPassword, verifyPassword } from '../../server/auth/passwords'
import { hashSecret, newSecret } from '../../server/auth/tokens'
import { DomainError } from '../../server/utils/errors'
import { openTestDb } from '../support/database'
import type { OpenTestDb } from '../support/database'

let t: OpenTestDb
let clinicId: string
const client = { ip: '127.0.0.9', userAgent: 'test' }
const settings = { loginMaxFailures: 1000, loginWindowSeconds: 900, sessionDays: 1, tokenDays: 1 }
const HOUR = 3_600_000

beforeAll(async () => {
  t = await openTestDb()
  clinicId = (await t.db.insertInto('clinics').values({ name: 'Links clinic' }).returning('id').executeTakeFirstOrThrow()).id
})
afterAll(async () => t?.close())

async function account(email: string, passwordHash: string | null) {
  return t.db.insertInto('users').values({ email, first_name: 'L', last_name: 'K', password_hash: passwordHash, licence_number: null })
    .returningAll().executeTakeFirstOrThrow()
}

async function link(userId: string, kind: 'invite' | 'reset', expiresInMs: number, setsPassword = true) {
  const secret = newSecret()
  await t.db.insertInto('user_invites').values({
    token_hash: hashSecret(secret), kind, user_id: userId, clinic_id: clinicId,
    role: kind === 'invite' ? 'assistant' : null, sets_password: kind === 'invite' && setsPassword,
    expires_at: new Date(Date.now() + expiresInMs),
  }).execute()
  return secret
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(DomainError)
  return error as DomainError
}

async function state(userId: string) {
  const user = await t.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow()
  const memberships = await t.db.selectFrom('clinic_memberships').select('clinic_id').where('user_id', '=', userId).execute()
  const sessions = await t.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()
  return { hash: user.password_hash, memberships: memberships.length, sessions: sessions.length }
}

describe('one-time links', () => {
  it('an invitation past its 7 days opens nothing and changes nothing', async () => {
    const user = await account('expired-invite@links.test', null)
    const token = await link(user.id, 'invite', -HOUR)
    const before = await state(user.id)
    const error = await rejection(acceptInvite(t.db, token, 'Chosen-passw0rd', client, settings))
    expect([error.status, error.code]).toEqual([404, 'auth.invite_invalid'])
    expect(await state(user.id)).toEqual(before)
  })

  it('a reset link past its 24 hours opens nothing and changes nothing', async () => {
    const user = await account('expired-reset@links.test', await hashPassword('Old-passw0rd'))
    const token = await link(user.id, 'reset', -HOUR)
    const before = await state(user.id)
    const error = await rejection(resetPassword(t.db, token, 'New-passw0rd1', client, settings))
    expect([error.status, error.code]).toEqual([404, 'auth.reset_invalid'])
    expect(await state(user.id)).toEqual(before)
  })

  it('a live invitation joins the clinic and sets the password of the account it created', async () => {
    const user = await account('live@links.test', null)
    const token = await link(user.id, 'invite', HOUR)
    const { payload } = await acceptInvite(t.db, token, 'Chosen-passw0rd', client, settings)
    expect(payload.current_clinic_id).toBe(clinicId)
    const after = await state(user.id)
    expect(after.memberships).toBe(1)
    expect(await verifyPassword('Chosen-passw0rd', after.hash!)).toBe(true)
  })

  it('an invitation that did not create the account never sets its password, even while it has none', async () => {
    const user = await account('not-created-here@links.test', null)
    const token = await link(user.id, 'invite', HOUR, false)
    const error = await rejection(acceptInvite(t.db, token, 'Attack3r-passw0rd', client, settings))
    expect([error.status, error.code]).toEqual([401, 'auth.invalid_credentials'])
    expect(await state(user.id)).toMatchObject({ hash: null, memberships: 0, sessions: 0 })
  })

  it('a reset link issued before the password was set by another link stops working', async () => {
    const user = await account('raced@links.test', null)
    const reset = await link(user.id, 'reset', HOUR)
    await acceptInvite(t.db, await link(user.id, 'invite', HOUR), 'Chosen-passw0rd', client, settings)
    const error = await rejection(resetPassword(t.db, reset, 'Other-passw0rd1', client, settings))
    expect(error.status).toBe(404)
    expect(await verifyPassword('Chosen-passw0rd', (await state(user.id)).hash!)).toBe(true)
  })
})
