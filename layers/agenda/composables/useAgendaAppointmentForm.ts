import { formatMinutes, isIsoDate, parseMinutes } from '#dentalpin/client'
import type { Appointment, AppointmentCreateInput } from '../models'
import { appointmentCreateSchema } from '../models'
import type { AgendaFormPrefill } from '../lib/agenda-appointment'
import type { AgendaFormTimes } from '../lib/agenda-form'
import { DAY_MINUTES, appointmentFormTimes, formInstants, formatEndMinutes, parseEndMinutes } from '../lib/agenda-form'
import type { AgendaErrorInfo } from './useAgendaErrors'
import type { AgendaPatientOption } from './useAgendaPatientSearch'

/** What the booking/edit dialog is given (its props). */
export interface AgendaAppointmentFormProps {
  mode: 'create' | 'edit'
  /** Creating: the slot that was clicked (or the defaults the host proposes). */
  prefill?: AgendaFormPrefill | null
  /** Editing: the appointment. */
  appointment?: Appointment | null
  submit: (input: AppointmentCreateInput) => Promise<AgendaErrorInfo | null>
}

/** The form as the inputs edit it: times are `HH:MM` on the clinic's clock, '' = empty. */
export interface AgendaAppointmentFormState {
  patient: AgendaPatientOption | null
  professional_id: string
  cabinet_id: string
  date: string
  start: string
  end: string
  reason: string
  notes: string
}

/** Selects cannot hold null: "no cabinet" is a value of its own. */
const NONE = 'none'
export const AGENDA_DURATIONS = [15, 30, 45, 60]
/** The server's field names → the form's. */
const FIELD_OF: Record<string, string> = { patient_id: 'patient', start_time: 'start', end_time: 'end' }

/**
 * The booking/edit form's logic: filled from the appointment (edit) or the
 * slot that was clicked (create), select items, duration presets (moving the
 * start keeps the duration), validation with the shared schema, and the
 * submit that `AppFormModal` calls. Editing sends the appointment's own
 * instants back unless the date/time inputs changed. The professionals and
 * cabinets are the schedule's own (shared loads).
 */
export function useAgendaAppointmentForm(props: AgendaAppointmentFormProps) {
  const { t, te } = useI18n()
  // The form's times are on the clinic's clock.
  const { timeZone } = useAgendaClinicTime()
  const { professionals } = useAgendaProfessionals()
  const { cabinets } = useAgendaCabinets()
  const state = reactive<AgendaAppointmentFormState>({ patient: null, professional_id: '', cabinet_id: NONE, date: '', start: '', end: '', reason: '', notes: '' })
  /** Editing: what the time inputs were filled with, and the instants they stand for. */
  const original = shallowRef<{ times: AgendaFormTimes, start_time: string, end_time: string } | null>(null)

  function fill() {
    const a = props.mode === 'edit' ? props.appointment : null
    original.value = a ? { times: appointmentFormTimes(a, timeZone.value), start_time: a.start_time, end_time: a.end_time } : null
    if (a && original.value) {
      Object.assign(state, {
        patient: a.patient ? { ...a.patient } : null,
        professional_id: a.professional_id,
        cabinet_id: a.cabinet_id ?? NONE,
        ...original.value.times,
        reason: a.reason ?? '',
        notes: a.notes ?? '',
      })
      return
    }
    const p = props.prefill
    Object.assign(state, {
      patient: p?.patient ?? null,
      professional_id: p?.professionalId ?? professionals.value[0]?.id ?? '',
      cabinet_id: p?.cabinetId ?? NONE,
      date: p?.date ?? '',
      start: p ? formatMinutes(p.start) : '',
      end: p ? formatEndMinutes(p.end) : '',
      reason: '',
      notes: '',
    })
  }

  // Professionals may arrive after the dialog opened.
  watch(professionals, (list) => {
    if (!state.professional_id && list[0]) state.professional_id = list[0].id
  })

  const professionalItems = computed(() => professionals.value.map(p => ({ label: p.name, value: p.id })))
  const cabinetItems = computed(() => [
    { label: t('agenda.form.noCabinet'), value: NONE },
    ...cabinets.value
      .filter(c => c.is_active || c.id === state.cabinet_id)
      .map(c => ({ label: c.name, value: c.id })),
  ])

  const duration = computed(() => {
    const s = parseMinutes(state.start)
    const e = parseEndMinutes(state.end)
    return s !== null && e !== null ? e - s : null
  })
  function setDuration(minutes: number) {
    const s = parseMinutes(state.start)
    if (s === null) return
    state.end = formatEndMinutes(Math.min(s + minutes, DAY_MINUTES))
  }
  function setStart(value: string) {
    const s = parseMinutes(value)
    const b = parseMinutes(state.start)
    const e = parseEndMinutes(state.end)
    state.start = value
    if (s !== null && b !== null && e !== null && e > b) state.end = formatEndMinutes(Math.min(s + (e - b), DAY_MINUTES))
  }

  /** The payload, or null when the date/times are not filled in yet (the validator reports them). */
  function toInput(): AppointmentCreateInput | null {
    if (!isIsoDate(state.date)) return null
    const instants = formInstants({ date: state.date, start: state.start, end: state.end }, timeZone.value, original.value)
    if (!instants) return null
    return {
      patient_id: state.patient?.id ?? null,
      professional_id: state.professional_id,
      cabinet_id: state.cabinet_id === NONE ? null : state.cabinet_id,
      ...instants,
      reason: state.reason,
      notes: state.notes,
    }
  }

  const message = (m: string) => (m.startsWith('validation.') && te(m) ? t(m) : m)

  function validate() {
    const errors: { name: string, message: string }[] = []
    if (!isIsoDate(state.date)) errors.push({ name: 'date', message: t('validation.required') })
    if (parseMinutes(state.start) === null) errors.push({ name: 'start', message: t('validation.required') })
    if (parseMinutes(state.end) === null) errors.push({ name: 'end', message: t('validation.required') })
    if (!state.professional_id) errors.push({ name: 'professional_id', message: t('validation.required') })
    const input = toInput()
    if (!input) return errors
    const result = appointmentCreateSchema.safeParse(input)
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = String(issue.path[0] ?? '')
        errors.push({ name: FIELD_OF[path] ?? path, message: message(issue.message) })
      }
    }
    return errors
  }

  /** Saves through the host; a refusal comes back with its field errors renamed to the form's fields. */
  async function submit() {
    const input = toInput()
    if (!input) return { ok: false }
    const failure = await props.submit(input)
    if (!failure) return { ok: true }
    const fieldErrors = failure.fieldErrors.map(f => ({ name: FIELD_OF[f.name] ?? f.name, message: message(f.message) }))
    return { ok: false, error: { message: failure.message, fieldErrors } }
  }

  return { state, fill, professionalItems, cabinetItems, duration, setDuration, setStart, validate, submit }
}
