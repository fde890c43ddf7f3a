import { displayMoney, formatInstant } from '#dentalpin/client'
import { useOdontogramWords } from '#layers/odontogram/composables/useOdontogramWords'
import { PLAN_PHASES } from '../models'
import type { PlanItemTreatment, PlanStatus } from '../models'

/**
 * A plan in the reader's words: money in the clinic's currency, dates on the
 * clinic's clock, status and phase names, days in a status, and a planned
 * treatment as the chart names it ("Composite filling", "16 MO").
 */
export function useTreatmentPlanFormat() {
  const auth = useAuthStore()
  const { t, locale } = useI18n()
  const words = useOdontogramWords()
  const clinic = computed(() => auth.me?.current_clinic ?? null)
  const timeZone = computed(() => clinic.value?.timezone || 'UTC')

  /** "€45.00" from a decimal string. */
  const money = (amount: string) => displayMoney(amount, clinic.value?.currency || 'EUR', locale.value)
  /** "3 Mar 2026" for an instant. */
  const day = (iso: string) => formatInstant(iso, locale.value, timeZone.value, { dateStyle: 'medium' })
  /** "3 Mar 2026, 10:30" for an appointment's start. */
  const when = (iso: string) => formatInstant(iso, locale.value, timeZone.value, { dateStyle: 'medium', timeStyle: 'short' })
  const status = (s: PlanStatus) => t(`treatment_plan.status.${s}`)
  /** "Restorative" for phase 3. */
  const phase = (n: number) => t(`treatment_plan.phases.${PLAN_PHASES[n - 1] ?? 'basic'}`)
  /** "today", "1 day", "12 days". */
  const days = (n: number) => t('treatment_plan.days', { count: n }, n)
  /** "Composite filling" (the catalog's name in the reader's language, else the clinical type). */
  const treatmentName = (treatment: PlanItemTreatment) => words.entryTitle(treatment)
  /** "16 MO", "45 (pillar) · 46 (pontic)", "Upper arch". */
  const treatmentTeeth = (treatment: PlanItemTreatment) => words.entryTeeth(treatment)
  /** "Composite filling 16 O": names a treatment in buttons and toasts. */
  const what = (treatment: PlanItemTreatment) => `${treatmentName(treatment)} ${treatmentTeeth(treatment)}`.trim()
  const title = (plan: { number: string, title: string | null }) => (plan.title ? `${plan.number} · ${plan.title}` : plan.number)

  return { timeZone, money, day, when, status, phase, days, treatmentName, treatmentTeeth, what, title }
}
