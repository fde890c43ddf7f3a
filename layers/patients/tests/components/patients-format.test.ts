// usePatientsFormat: timestamps (last visit, created, updated, archived) on
// the calendar of the CLINIC's timezone, whatever the browser's is; birth
// dates as written. The instant below is a different day in Auckland and in
// Los Angeles, so at least one of them differs from the test runner's zone.
import { ref } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MeDto } from '~/stores/auth'
import { patientsAge, usePatientsFormat } from '../../composables/usePatientsFormat'

// 23:30 UTC on 2 Dec 2025: 3 Dec in Auckland (UTC+13), 2 Dec in Los Angeles (UTC-8).
const INSTANT = '2025-12-02T23:30:00Z'

function inClinic(timezone: string | null) {
  useAuthStore().me = {
    user: { id: 'u1', email: 'dentist@example.com', name: 'Test Dentist' },
    clinics: [],
    current_clinic_id: timezone ? 'c1' : null,
    current_clinic: timezone ? { id: 'c1', name: 'Clinic', timezone } : null,
    permissions: [],
  } as unknown as MeDto
}

describe('usePatientsFormat', () => {
  it.each([
    ['Pacific/Auckland', 'Dec 3, 2025'],
    ['America/Los_Angeles', 'Dec 2, 2025'],
  ])('shows a timestamp on the calendar of the clinic in %s', (timezone, shown) => {
    inClinic(timezone)
    expect(usePatientsFormat().day(INSTANT)).toBe(shown)
  })

  it('follows a switch to a clinic in another timezone', () => {
    inClinic('Pacific/Auckland')
    const format = usePatientsFormat()
    expect(format.day(INSTANT)).toBe('Dec 3, 2025')
    inClinic('America/Los_Angeles')
    expect(format.day(INSTANT)).toBe('Dec 2, 2025')
  })

  it.each(['Pacific/Auckland', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])('shows a birth date as written in a clinic in %s', (timezone) => {
    inClinic(timezone)
    const format = usePatientsFormat()
    expect(format.date('1990-01-01')).toBe('Jan 1, 1990')
    expect(format.date('2000-12-31')).toBe('Dec 31, 2000')
  })

  it('says nothing for a missing or malformed value', () => {
    inClinic('Pacific/Auckland')
    const format = usePatientsFormat()
    expect([format.day(null), format.day('not a date'), format.date(null), format.date('1990-1-1')]).toEqual([null, null, null, null])
  })

  it('falls back to the browser\'s calendar without a clinic or with an unknown timezone', () => {
    const browser = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(INSTANT))
    inClinic(null)
    expect(usePatientsFormat().day(INSTANT)).toBe(browser)
    inClinic('Mars/Olympus_Mons')
    expect(usePatientsFormat().day(INSTANT)).toBe(browser)
  })
})

describe('patientsAge on the clinic\'s calendar', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(INSTANT))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('turns a year older on the birthday as the clinic\'s calendar has it', () => {
    // Born 3 Dec 1990: 35 on 3 Dec (Auckland), still 34 on 2 Dec (Los Angeles).
    expect(patientsAge('1990-12-03', new Date(), 'Pacific/Auckland')).toBe(35)
    expect(patientsAge('1990-12-03', new Date(), 'America/Los_Angeles')).toBe(34)
  })

  it('words the age from the clinic\'s calendar', () => {
    const globals = globalThis as Record<string, unknown>
    const shim = globals.useI18n
    globals.useI18n = () => ({ t: (key: string, n: number) => `${key}:${n}`, locale: ref('en') })
    try {
      inClinic('Pacific/Auckland')
      expect(usePatientsFormat().age({ date_of_birth: '1990-12-03' })).toBe('patients.age:35')
      inClinic('America/Los_Angeles')
      expect(usePatientsFormat().age({ date_of_birth: '1990-12-03' })).toBe('patients.age:34')
    }
    finally {
      globals.useI18n = shim
    }
  })
})
