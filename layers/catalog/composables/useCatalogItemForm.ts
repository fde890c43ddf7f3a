import { isMoney } from '#dentalpin/client'
import { formatPath } from '#shared/validation'
import { itemCreateSchema, itemRuleIssues, pricePreview } from '../models'
import type { CatalogItem } from '../models'
import { itemFormPayload, itemFormState } from '../lib/catalog-form'
import type { CatalogItemFormState } from '../lib/catalog-form'

/**
 * The item editor: its state (filled from the item on open), the browser's
 * check with the API's own schema and rules (errors on the API's field
 * paths, in the reader's language) and the live price preview.
 */
export function useCatalogItemForm() {
  const { t, locale } = useI18n()
  const state = reactive<CatalogItemFormState>(itemFormState(null))

  function fill(item: CatalogItem | null, categoryId = '') {
    Object.assign(state, itemFormState(item, categoryId))
  }

  function validate(): { name: string, message: string }[] {
    const payload = itemFormPayload(state)
    const parsed = itemCreateSchema.safeParse(payload)
    if (!parsed.success) {
      return parsed.error.issues.map(issue => ({
        name: formatPath(issue.path),
        message: issue.message.startsWith('validation.') ? t(issue.message) : issue.message,
      }))
    }
    return itemRuleIssues(parsed.data).map(issue => ({ name: issue.field, message: t(`catalog.errors.${issue.code.slice('catalog.'.length)}`, issue.params ?? {}) }))
  }

  /** The worked examples for the strategy, or null while a price it needs is not a valid amount. */
  const preview = computed(() => {
    const payload = itemFormPayload(state)
    const prices = [payload.default_price, ...(state.pricing_strategy === 'per_surface' ? state.tiers.map(t => t.price) : []),
      ...(state.pricing_strategy === 'per_role' ? [state.roles.pillar, state.roles.pontic] : [])]
    if (!prices.every(p => isMoney(p?.trim()))) return null
    void locale.value
    return pricePreview({ default_price: payload.default_price, pricing_strategy: state.pricing_strategy, pricing: payload.pricing as never })
  })

  return { state, fill, validate, payload: () => itemFormPayload(state), preview }
}
