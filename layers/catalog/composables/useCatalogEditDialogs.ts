import type { CatalogResult } from './useCatalogErrors'

/** A catalog list a dialog edits: its rows' load and the three writes. */
export interface CatalogEditableSource<Row, Input> {
  loading: Readonly<Ref<boolean>>
  loadError: Readonly<Ref<string | null>>
  saving: Readonly<Ref<boolean>>
  refresh: () => unknown
  create(input: Input): Promise<CatalogResult<unknown>>
  /** A whole form's input, or one switch (`is_active`). */
  update(row: Row, input: Input | { is_active: boolean }): Promise<CatalogResult<unknown>>
  remove(row: Row): Promise<CatalogResult<unknown>>
}

/**
 * The dialogs of a catalog list: the create/edit form (`editing` null for a
 * new row) and the delete confirmation, whose refusal (in use, standard row…)
 * stays in the dialog as its error.
 */
export function useCatalogEditDialogs<Row, Input>(list: Pick<CatalogEditableSource<Row, Input>, 'create' | 'update' | 'remove'>) {
  const formOpen = ref(false)
  const editing = shallowRef<Row | null>(null)
  function openForm(row: Row | null) {
    editing.value = row
    formOpen.value = true
  }
  const save = (input: Input) => (editing.value ? list.update(editing.value, input) : list.create(input))

  const del = reactive({ open: false, row: null as Row | null, error: null as string | null })
  function askDelete(row: Row) {
    Object.assign(del, { open: true, row, error: null })
  }
  /** Keeps the dialog open with the server's reason when it refuses. */
  async function confirmDelete(): Promise<boolean> {
    if (!del.row) return false
    const result = await list.remove(del.row as Row)
    if (!result.ok && result.error) del.error = result.error.message
    return result.ok
  }
  return { formOpen, editing, openForm, save, del, askDelete, confirmDelete }
}
