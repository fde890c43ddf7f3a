import { displayMoney } from '#dentalpin/client'
import type { LocalizedText } from '../models'

/** Names in the reader's language (English when there is no translation) and money in the clinic's currency. */
export function useCatalogFormat() {
  const { locale } = useI18n()
  const auth = useAuthStore()
  const currency = computed(() => auth.me?.current_clinic?.currency || 'EUR')
  const name = (names: Partial<LocalizedText> | null | undefined) => (names ? (names as Record<string, string | undefined>)[locale.value] || names.en || '' : '')
  const money = (amount: string) => displayMoney(amount, currency.value, locale.value)
  return { name, money, currency, locale }
}
