import type { z } from 'zod'
import type { CatalogResult } from './useCatalogErrors'
import { catalogFormOutcome } from './useCatalogErrors'

/**
 * The form of a catalog row's dialog (a category, a VAT type): its state,
 * filled when the dialog opens from the row (`from`) or blank for a new one,
 * the browser's check with the API's own schema, and the save of a copy of
 * the state, whose refusal goes to the field `fieldOfCode` names.
 */
export function useCatalogRowForm<Row, State extends object>(options: {
  schema: z.ZodType
  blank: () => State
  from: (row: Row) => State
  save: (input: State) => Promise<CatalogResult<unknown>>
  fieldOfCode?: Record<string, string>
}) {
  const state = reactive(options.blank()) as State
  const fill = (row: Row | null) => Object.assign(state, row ? options.from(row) : options.blank())
  async function submit() {
    return catalogFormOutcome(await options.save(structuredClone(toRaw(state))), options.fieldOfCode)
  }
  // The kit dialog runs the form: its state, its checks and its save.
  const form = { state, validate: useSchemaValidate(options.schema), submit }
  return { state, fill, form }
}
