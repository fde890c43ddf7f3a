import { displayMoney } from '#dentalpin/client'
import type { LocalizedText } from '../models'

/** Names in the reader's language (English when there is no translation), money in the clinic's currency, rates the reader's way ("21,00 %"). */
export function useCatalogFormat() {
  const { locale } = useI18n()
  const auth = useAuthStore()
  const currency = computed(() => auth.me?.current_clinic?.currency || 'EUR')
  const name = (names: Partial<LocalizedText> | null | undefined) => (names ? (names as Record<string, string | undefined>)[locale.value] || names.en || '' : '')
  const money = (amount: string) => displayMoney(amount, currency.value, locale.value)
  // Intl formats the decimal string itself (no float on the way).
  const rate = (value: string) => new Intl.NumberFormat(locale.value, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 })
    .format(`${value}e-2` as unknown as number)
  return { name, money, rate, currency, locale }
}
