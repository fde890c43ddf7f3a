import { DEFAULT_COLORS, odontogramSettings } from '../models'
import type { OdontogramClinicSettings } from '../models'

export type ColorConvention = 'standard' | 'swapped'

/**
 * The chart's clinic settings (`clinics.settings.odontogram`): the colour
 * convention (red = to do and blue = done, or swapped as some countries use)
 * and whether assistants chart conditions. Read from the signed-in user's
 * clinic; saved with the core's clinic update (admin.clinic.write), keeping
 * every other setting as it was.
 */
export function useOdontogramSettings() {
  const { t } = useI18n()
  const toast = useToast()
  const auth = useAuthStore()
  const apiError = useApiError()
  const all = computed<Record<string, unknown>>(() => auth.me?.current_clinic?.settings ?? {})
  const current = computed(() => odontogramSettings(all.value))
  const convention = computed<ColorConvention>(() => (current.value.colors?.todo === DEFAULT_COLORS.done ? 'swapped' : 'standard'))
  const saving = ref(false)

  async function save(next: { convention: ColorConvention, assistants: boolean }): Promise<boolean> {
    if (saving.value) return false
    saving.value = true
    const colors = next.convention === 'swapped' ? { todo: DEFAULT_COLORS.done, done: DEFAULT_COLORS.todo } : { ...DEFAULT_COLORS }
    const odontogram: OdontogramClinicSettings = { ...current.value, colors, assistants_record_conditions: next.assistants }
    try {
      await $fetch('/api/v1/auth/clinic', { method: 'PUT', body: { settings: { ...all.value, odontogram } } })
      await auth.fetchMe()
      toast.add({ title: t('odontogram.settings.saved'), color: 'success', icon: 'i-lucide-check' })
      return true
    }
    catch (error) {
      toast.add({ title: apiError(error).message, color: 'error', icon: 'i-lucide-circle-alert' })
      return false
    }
    finally {
      saving.value = false
    }
  }

  return { convention, assistants: computed(() => current.value.assistants_record_conditions === true), saving: readonly(saving), save }
}
