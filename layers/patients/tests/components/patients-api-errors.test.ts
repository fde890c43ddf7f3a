// What the patient screens say when the API refuses, in a Spanish UI: the
// server's codes worded from `patients.errors.<code>`, both through
// usePatientsApiError (forms, archive/restore toasts) and through plain
// useApiError (the detail, list and medical history loads).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createI18n } from 'vue-i18n'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useApiError } from '~/composables/useApiError'
import { loadLocale } from '~~/tests/unit/support/locales'
import { usePatientsApiError } from '../../composables/usePatientsMutations'

const here = dirname(fileURLToPath(import.meta.url))
const messages = (code: 'en' | 'es') => ({ ...loadLocale(code), patients: JSON.parse(readFileSync(join(here, `../../i18n/locales/${code}.json`), 'utf8')).patients })
const i18n = createI18n({ legacy: false, locale: 'es', fallbackLocale: 'en', missingWarn: false, fallbackWarn: false, messages: { en: messages('en'), es: messages('es') } })

const globals = globalThis as Record<string, unknown>
const saved = { useI18n: globals.useI18n, useApiError: globals.useApiError }
beforeEach(() => {
  Object.assign(globals, { useI18n: () => i18n.global, useApiError })
})
afterEach(() => {
  Object.assign(globals, saved)
})

/** A failed $fetch as the API answers it (the ErrorResponse envelope). */
function refusal(statusCode: number, code: string, message: string) {
  return { statusCode, data: { data: null, message, errors: [{ code, message }] } }
}

describe('patients API errors in Spanish', () => {
  it.each([
    [404, 'patients.not_found', 'Patient not found', 'Este paciente ya no existe.'],
    [409, 'patients.archived', 'This patient is archived: restore the patient before editing', 'Este paciente está archivado: restáuralo antes de hacer cambios.'],
    [409, 'patients.already_archived', 'This patient is already archived', 'Este paciente ya estaba archivado.'],
    [409, 'patients.not_archived', 'This patient is not archived', 'Este paciente no está archivado.'],
  ])('%i %s is worded in Spanish by the forms and by plain useApiError', (status, code, english, spanish) => {
    const error = refusal(status, code, english)
    expect(usePatientsApiError()(error)).toMatchObject({ status, code, message: spanish })
    expect(useApiError()(error).message).toBe(spanish)
  })

  it('words any refusal of permission with the patients sentence', () => {
    expect(usePatientsApiError()(refusal(403, 'auth.forbidden', 'Forbidden')).message).toBe('No tienes permiso para hacer esto.')
  })

  it('keeps the server\'s text for a code it does not know', () => {
    expect(usePatientsApiError()(refusal(409, 'patients.something_new', 'Something new')).message).toBe('Something new')
  })
})
