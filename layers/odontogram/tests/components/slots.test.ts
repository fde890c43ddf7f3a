// The odontogram's slot entries: the Chart tab and the Findings card show for
// every role that reads charts and for no one else (receptionists), and only
// while the module is installed.
import { beforeEach, describe, expect, it } from 'vitest'
import type { SlotPatient } from '#dentalpin/client'

const globals = globalThis as Record<string, unknown>
globals.defineNuxtPlugin = (setup: () => void) => setup
const { default: plugin } = await import('../../plugins/odontogram-slots')

const ctx = { patient: { id: 'p1' } as SlotPatient }
const ROLE_PERMISSIONS: Record<string, string[]> = {
  dentist: ['patients.read', 'odontogram.read', 'odontogram.write'],
  hygienist: ['patients.read', 'odontogram.read', 'odontogram.write'],
  assistant: ['patients.read', 'odontogram.read', 'odontogram.conditions.write'],
  receptionist: ['patients.read', 'agenda.appointments.read'],
}

function visibleAs(role: string, installed = true) {
  const auth = (globals.useAuthStore as () => { me: unknown })()
  auth.me = { permissions: ROLE_PERMISSIONS[role] }
  const modules = (globals.useModulesStore as () => { active: { name: string }[] })()
  modules.active = installed ? [{ name: 'odontogram' }] : []
  const slots = (globals.useModuleSlots as () => { entries: (name: string, ctx: unknown) => { id: string }[] })()
  return [...slots.entries('patient.detail.tabs', ctx), ...slots.entries('patient.detail.sidebar', ctx)].map(e => e.id)
}

beforeEach(() => {
  (plugin as unknown as () => void)()
})

describe('odontogram slot entries', () => {
  it.each(['dentist', 'hygienist', 'assistant'])('shows the Chart tab and Findings to a %s', (role) => {
    expect(visibleAs(role)).toEqual(['odontogram.chart', 'odontogram.findings'])
  })

  it('shows neither to a receptionist', () => {
    expect(visibleAs('receptionist')).toEqual([])
  })

  it('offers the chart settings to clinic admins only', () => {
    const auth = (globals.useAuthStore as () => { me: unknown })()
    const modules = (globals.useModulesStore as () => { active: { name: string }[] })()
    modules.active = [{ name: 'odontogram' }]
    const slots = (globals.useModuleSlots as () => { entries: (name: string, ctx: unknown) => { id: string }[] })()
    auth.me = { permissions: ['*'] }
    expect(slots.entries('settings.sections', {}).map(e => e.id)).toEqual(['odontogram.settings'])
    auth.me = { permissions: ROLE_PERMISSIONS.dentist }
    expect(slots.entries('settings.sections', {})).toEqual([])
  })

  it('shows nothing while the module is not installed', () => {
    expect(visibleAs('dentist', false)).toEqual([])
  })
})
