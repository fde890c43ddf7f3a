import { DEFAULT_COLORS, canRecordConditions, odontogramSettings } from '../models'
import type { MarkTone } from '../models'

/**
 * What the signed-in user may do on the chart in this clinic, and the
 * clinic's colours (`settings.odontogram`, red = to do and blue = done unless
 * the clinic swapped them). Treatments need `odontogram.write`; conditions
 * also `odontogram.conditions.write` where the clinic lets assistants chart.
 */
export function useOdontogramAccess() {
  const auth = useAuthStore()
  const settings = computed(() => auth.me?.current_clinic?.settings ?? {})
  const canTreat = computed(() => auth.can('odontogram.write'))
  const canChartConditions = computed(() => canRecordConditions(auth.can, settings.value))
  const colors = computed<Record<MarkTone, string>>(() => ({ ...DEFAULT_COLORS, ...odontogramSettings(settings.value).colors }))
  return { canTreat, canChartConditions, canWrite: computed(() => canTreat.value || canChartConditions.value), colors }
}
