import type { MaybeRefOrGetter } from 'vue'
import type { ApiResponse } from '#dentalpin/client'
import type { PlanAction, PlanCloseInput, PlanCreateInput, PlanUpdateInput, TreatmentPlanDetail } from '../models'

/** The async-data key of a plan's detail (the items' mutations refresh it). */
export const treatmentPlanKey = (id: string) => `treatment_plan:plan:${id}`

export interface PlanResult { ok: boolean, error?: { message: string, code: string | null, fieldErrors: { name: string, message: string }[] } | null }

/**
 * One plan with its items (`GET /plans/{id}`), and what changes the plan
 * itself: its transitions, each through its own route (the buttons show only
 * the `allowed_actions` the server computed for the caller), edit and delete.
 * One request at a time; each answer replaces the plan on screen; failures
 * come back worded for the reader (forms show them, buttons toast them).
 */
export function useTreatmentPlan(id: MaybeRefOrGetter<string>) {
  const { t } = useI18n()
  const toast = useToast()
  const apiError = useApiError()
  const auth = useAuthStore()
  const url = () => `/api/v1/treatment_plan/plans/${toValue(id)}`

  const { data, error, refresh } = useAsyncData(
    () => treatmentPlanKey(toValue(id)),
    () => $fetch<ApiResponse<TreatmentPlanDetail>>(url()).then(res => res.data),
    { server: false, watch: [() => auth.me?.current_clinic_id] },
  )
  const plan = computed(() => data.value ?? null)
  const notFound = computed(() => (error.value as { statusCode?: number } | null)?.statusCode === 404)
  const loading = computed(() => !data.value && !error.value)
  const loadError = computed(() => (error.value && !notFound.value ? apiError(error.value).message : null))
  const busy = ref<string | null>(null)

  const describe = (e: unknown) => {
    const info = apiError(e, { 403: t('treatment_plan.errors.forbidden') })
    return { message: info.message, code: info.code, fieldErrors: info.fieldErrors }
  }

  async function run(what: string, request: () => Promise<{ data: TreatmentPlanDetail }>, said: (p: TreatmentPlanDetail) => string, toastError = true): Promise<PlanResult> {
    if (busy.value) return { ok: false }
    busy.value = what
    try {
      const res = await request()
      data.value = res.data
      toast.add({ title: said(res.data), color: 'success', icon: 'i-lucide-check' })
      return { ok: true }
    }
    catch (e) {
      const error = describe(e)
      if (toastError) toast.add({ title: error.message, color: 'error', icon: 'i-lucide-circle-alert' })
      return { ok: false, error }
    }
    finally {
      busy.value = null
    }
  }

  /** Propose, accept, reopen or reactivate (close takes its reason: `close`). */
  const act = (action: Exclude<PlanAction, 'close'>) => run(
    action,
    () => $fetch<ApiResponse<TreatmentPlanDetail>>(`${url()}/${action}`, { method: 'POST', body: {} }),
    p => t(`treatment_plan.actions.done.${action}`, { number: p.number }),
  )
  const close = (input: PlanCloseInput) => run(
    'close',
    () => $fetch<ApiResponse<TreatmentPlanDetail>>(`${url()}/close`, { method: 'POST', body: input }),
    p => t('treatment_plan.actions.done.close', { number: p.number }),
    false,
  )
  const update = (input: PlanUpdateInput) => run(
    'update',
    () => $fetch<ApiResponse<TreatmentPlanDetail>>(url(), { method: 'PUT', body: input }),
    p => t('treatment_plan.actions.saved', { number: p.number }),
    false,
  )
  /** Deletes a draft; resolves true when gone. */
  async function remove(): Promise<boolean> {
    const current = plan.value
    if (!current || busy.value) return false
    busy.value = 'delete'
    try {
      await $fetch(url(), { method: 'DELETE' })
      toast.add({ title: t('treatment_plan.actions.deleted', { number: current.number }), color: 'success', icon: 'i-lucide-check' })
      return true
    }
    catch (e) {
      toast.add({ title: describe(e).message, color: 'error', icon: 'i-lucide-circle-alert' })
      return false
    }
    finally {
      busy.value = null
    }
  }

  return { plan, data, loading, notFound, loadError, refresh: () => refresh(), busy: readonly(busy), act, close, update, remove }
}

/** Creates a plan for a patient (`POST /plans`); resolves to the new plan or the error to show. */
export function useTreatmentPlanCreate() {
  const { t } = useI18n()
  const toast = useToast()
  const apiError = useApiError()
  const saving = ref(false)
  async function create(input: PlanCreateInput): Promise<{ plan: TreatmentPlanDetail | null, error?: PlanResult['error'] }> {
    if (saving.value) return { plan: null }
    saving.value = true
    try {
      const res = await $fetch<ApiResponse<TreatmentPlanDetail>>('/api/v1/treatment_plan/plans', { method: 'POST', body: input })
      const created = res.data
      toast.add({ title: t('treatment_plan.actions.created', { number: created.number }), color: 'success', icon: 'i-lucide-check' })
      return { plan: created }
    }
    catch (e) {
      const info = apiError(e, { 403: t('treatment_plan.errors.forbidden') })
      return { plan: null, error: { message: info.message, code: info.code, fieldErrors: info.fieldErrors } }
    }
    finally {
      saving.value = false
    }
  }
  return { saving: readonly(saving), create }
}
