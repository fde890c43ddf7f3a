import type { z } from 'zod'
import type { Patient, patientCreateSchema, patientUpdateSchema } from '../models'
import { patientsDetailKey, patientsUrl } from './usePatientsDetail'
import type { PatientsResponse } from './usePatientsDetail'

/** An API error as forms show it (message + per-field errors of a 422). */
export type PatientsApiError = ReturnType<ReturnType<typeof useApiError>>
export type PatientsCreatePayload = z.output<typeof patientCreateSchema>
export type PatientsUpdatePayload = z.output<typeof patientUpdateSchema>
export type PatientsMutationResult = { ok: true, patient: Patient } | { ok: false, error: PatientsApiError | null }

/**
 * The API's error as the patient screens show it. useApiError words the
 * server's codes from `patients.errors.<code>` (`patients.already_archived` →
 * `patients.errors.already_archived`); a refusal of permission gets a
 * patients-specific sentence whatever its code.
 */
export function usePatientsApiError() {
  const { t } = useI18n()
  const apiError = useApiError()
  return (e: unknown): PatientsApiError => apiError(e, { 403: t('patients.errors.forbidden') })
}

/**
 * Creating, editing, archiving and restoring patients, with their toasts.
 * Each kind of change is guarded against running twice at once. Forms get
 * the error back to show inline (`error: null` means "already running");
 * archive and restore toast theirs.
 */
export function usePatientsMutations() {
  const { t } = useI18n()
  const toast = useToast()
  const describe = usePatientsApiError()
  const success = (title: string) => toast.add({ title, color: 'success', icon: 'i-lucide-check' })
  const failure = (e: unknown) => toast.add({ title: describe(e).message, color: 'error', icon: 'i-lucide-circle-alert' })

  const saving = ref(false)

  async function create(input: PatientsCreatePayload): Promise<PatientsMutationResult> {
    if (saving.value) return { ok: false, error: null }
    saving.value = true
    try {
      const res = await $fetch('/api/v1/patients', { method: 'POST', body: input })
      success(t('patients.toasts.created', { name: res.data.full_name }))
      return { ok: true, patient: res.data }
    }
    catch (e) {
      return { ok: false, error: describe(e) }
    }
    finally {
      saving.value = false
    }
  }

  /** Sends only the changed fields; every view of the patient is refreshed. */
  async function update(patient: Patient, changes: PatientsUpdatePayload): Promise<PatientsMutationResult> {
    if (saving.value) return { ok: false, error: null }
    saving.value = true
    try {
      const res = await $fetch<PatientsResponse>(patientsUrl(patient.id), { method: 'PUT', body: changes })
      success(t('patients.toasts.updated', { name: res.data.full_name }))
      await refreshNuxtData(patientsDetailKey(patient.id))
      return { ok: true, patient: res.data }
    }
    catch (e) {
      return { ok: false, error: describe(e) }
    }
    finally {
      saving.value = false
    }
  }

  const busy = ref(false)

  async function statusChange(patient: Patient, request: () => Promise<unknown>, message: string): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    try {
      await request()
      success(message)
      await refreshNuxtData(patientsDetailKey(patient.id))
      return true
    }
    catch (e) {
      failure(e)
      // Someone else archived or restored it meanwhile: show how it is now.
      if ((e as { statusCode?: number })?.statusCode === 409) await refreshNuxtData(patientsDetailKey(patient.id))
      return false
    }
    finally {
      busy.value = false
    }
  }

  /** Archives (the record stays, out of the active list). */
  const archive = (patient: Patient) => statusChange(
    patient,
    () => $fetch(patientsUrl(patient.id), { method: 'DELETE' }),
    t('patients.toasts.archived', { name: patient.full_name }),
  )

  const restore = (patient: Patient) => statusChange(
    patient,
    () => $fetch(`/api/v1/patients/${encodeURIComponent(patient.id)}/restore`, { method: 'POST' }),
    t('patients.toasts.restored', { name: patient.full_name }),
  )

  return { saving: readonly(saving), create, update, busy: readonly(busy), archive, restore }
}
