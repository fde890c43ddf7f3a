import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClinic, createUser, NO_LOGIN_LIMIT, OWNER, setupOwner, signIn } from '../support/fixtures'
import type { ApiClient } from '../support/http'
import { hydrated, newPage } from '../support/browser'
import { useAppInBrowser } from '../support/e2e'

// Accounts in Chromium: an admin invites a new colleague and hands over the
// link; the colleague opens it in their own browser, chooses a password, is
// signed in and changes it from the user menu. Someone who already uses
// DentalPin in another clinic sees the invitation as a banner and accepts it.
// Setup goes through the API; what a person does goes through the pages.
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))

describe('accounts', () => {
  const app = useAppInBrowser({ env: NO_LOGIN_LIMIT })
  let owner: ApiClient
  let clinicB: { id: string, name: string }
  const errorsSeen: string[] = []

  beforeAll(async () => {
    owner = (await setupOwner(app.server.url)).api
    clinicB = await createClinic(owner, 'Clínica Norte')
    mkdirSync(SCREENSHOTS, { recursive: true })
  })

  async function page(): Promise<Page> {
    const { page, errors } = await newPage(app.browser, app.server.url)
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errorsSeen.push(m.text())
    })
    page.on('close', () => errorsSeen.push(...errors))
    return page
  }

  async function signInThroughPage(p: Page, email: string, password: string) {
    await p.goto('/login')
    await hydrated(p)
    await p.getByLabel('Email').fill(email)
    await p.getByLabel('Password').fill(password)
    await p.getByRole('button', { name: 'Sign in' }).click()
    await p.waitForURL(`${app.server.url}/`)
    await hydrated(p)
  }

  it('invites a new colleague, who joins from the link and then changes their password', async () => {
    const admin = await page()
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await signInThroughPage(admin, OWNER.email, OWNER.password)
    await admin.goto('/settings')
    await hydrated(admin)
    await admin.getByRole('button', { name: 'Add user' }).click()
    const form = admin.getByRole('dialog', { name: 'Add user' })
    await form.getByLabel('Email').fill('nuria@sonrisa.test')
    await form.getByLabel('First name').fill('Nuria')
    await form.getByLabel('Last name').fill('Ortega')
    expect(await form.getByLabel('Password').count()).toBe(0)
    await form.getByRole('button', { name: 'Invite' }).click()

    const dialog = admin.getByRole('dialog', { name: 'Invitation link' })
    await dialog.getByText('Send this link to nuria@sonrisa.test.').waitFor()
    await dialog.getByRole('button', { name: 'Copy link' }).click()
    const link = await admin.evaluate(() => navigator.clipboard.readText())
    expect(link).toMatch(new RegExp(`^${app.server.url}/invite/[\\w-]{20,}$`))
    await admin.screenshot({ path: `${SCREENSHOTS}settings-users-invite-link.png` })
    await dialog.getByRole('button', { name: 'Done' }).click()
    // (A phone shows the status under the name too: only what is visible counts.)
    const row = admin.getByRole('row', { name: /Nuria Ortega/ })
    await row.getByText('Invited', { exact: true }).filter({ visible: true }).waitFor()
    await row.getByText(/^expires /).filter({ visible: true }).waitFor()
    await admin.context().close()

    // The invitee, in a browser of their own.
    const invitee = await page()
    await invitee.goto(link)
    await hydrated(invitee)
    await invitee.getByText('Choose a password — or, if you already have a DentalPin account, enter its password.').waitFor()
    await invitee.getByLabel('Password').fill('Nuria-passw0rd')
    await invitee.getByRole('button', { name: 'Continue' }).click()
    await invitee.waitForURL(`${app.server.url}/`)
    await invitee.getByText('Dentist at Clínica Sonrisa').waitFor()

    await invitee.getByRole('button', { name: 'User menu' }).click()
    await invitee.getByRole('menuitem', { name: 'Change password' }).click()
    const change = invitee.getByRole('dialog', { name: 'Change password' })
    await change.getByLabel('Current password').fill('Nuria-passw0rd')
    await change.getByLabel('New password', { exact: true }).fill('Nuria-passw0rd2')
    await change.getByLabel('Confirm new password').fill('Nuria-passw0rd2')
    await change.getByRole('button', { name: 'Change password' }).click()
    await invitee.getByText('Password changed. You were signed out on your other devices.', { exact: true }).waitFor()
    await change.waitFor({ state: 'detached' })
    await invitee.context().close()
    await signIn(app.server.url, 'nuria@sonrisa.test', 'Nuria-passw0rd2')
  })

  it('shows an invitation to someone who already uses DentalPin, who accepts it in the app', async () => {
    // Dora works in Clínica Norte; the owner invites her into Clínica Sonrisa too.
    await createUser(owner, { email: 'dora@norte.test', first_name: 'Dora', last_name: 'Díaz', role: 'dentist', password: 'Dora-passw0rd' }, clinicB.id)
    await createUser(owner, { email: 'dora@norte.test', first_name: 'Dora', last_name: 'Díaz', role: 'hygienist' })

    const dora = await page()
    await signInThroughPage(dora, 'dora@norte.test', 'Dora-passw0rd')
    const banner = dora.getByRole('region', { name: 'Invitations' })
    await banner.getByText('Clínica Sonrisa invited you as hygienist').waitFor()
    await dora.screenshot({ path: `${SCREENSHOTS}invitation-banner.png` })
    await banner.getByRole('button', { name: 'Accept the invitation from Clínica Sonrisa' }).click()
    await dora.getByText('You joined Clínica Sonrisa. Switch to it from the clinic menu.', { exact: true }).waitFor()
    await banner.waitFor({ state: 'detached' })

    // The clinic switcher now offers both clinics.
    await dora.getByRole('button', { name: 'Switch clinic' }).click()
    await dora.getByRole('menuitem', { name: 'Clínica Sonrisa' }).click()
    await dora.getByText('Hygienist at Clínica Sonrisa').waitFor()
    await dora.context().close()
    expect(errorsSeen).toEqual([])
  })
})
