import type { ClinicalNote, NoteCreateInput, NoteType, NoteUpdateInput } from '../models'
import { NOTE_TYPE_ACCESS, NOTE_TYPES } from '../models'

/** Whose notes a list shows: all of a patient's, or those on one owner (a tooth, an appointment...). */
export type ClinicalNotesScope
  = | { patientId: string }
    | { patientId: string, ownerType: string, ownerId: string, tooth?: number }

/** What `useApiError` makes of a failed request (the core composable's own type). */
export type ClinicalNotesError = ReturnType<ReturnType<typeof useApiError>>

export type ClinicalNoteResult = { ok: true, note: ClinicalNote } | { ok: false, error: ClinicalNotesError | null }

export const CLINICAL_NOTES_PAGE_SIZE = 10

function fetchPage(scope: ClinicalNotesScope, page: number) {
  const paging = { page, page_size: CLINICAL_NOTES_PAGE_SIZE }
  if (!('ownerType' in scope)) return $fetch(`/api/v1/clinical_notes/patients/${scope.patientId}/notes`, { query: paging })
  return $fetch('/api/v1/clinical_notes/notes', { query: { ...paging, owner_type: scope.ownerType, owner_id: scope.ownerId, tooth: scope.tooth } })
}

/**
 * One list of notes, newest first, a page at a time ("Load more"): the core's
 * `usePagedList` (browser only, older answers dropped). A new scope starts
 * again from page one. `upsert`/`remove` keep the list in step with what the
 * user saved or deleted without reloading it.
 */
export function useClinicalNotes(scope: () => ClinicalNotesScope) {
  const list = usePagedList<ClinicalNote>(page => fetchPage(scope(), page), CLINICAL_NOTES_PAGE_SIZE)
  const { items, total } = list

  function upsert(note: ClinicalNote) {
    if (items.value.some(n => n.id === note.id)) items.value = items.value.map(n => (n.id === note.id ? note : n))
    else {
      items.value = [note, ...items.value]
      total.value += 1
    }
  }

  function remove(id: string) {
    if (!items.value.some(n => n.id === id)) return
    items.value = items.value.filter(n => n.id !== id)
    total.value -= 1
  }

  onMounted(list.load)
  watch(() => JSON.stringify(scope()), () => {
    list.load()
  })

  return { ...list, notes: computed(() => items.value), total: readonly(total), upsert, remove }
}

/** Writes of notes, each guarded against a second submit of the same thing while the first is on its way. */
export function useClinicalNotesMutations() {
  const apiError = useApiError()
  const { t } = useI18n()
  const busy = ref<string[]>([])

  async function run(key: string, request: () => Promise<{ data: ClinicalNote } | undefined>): Promise<ClinicalNoteResult> {
    if (busy.value.includes(key)) return { ok: false, error: null }
    busy.value = [...busy.value, key]
    try {
      const res = await request()
      return res ? { ok: true, note: res.data } : { ok: false, error: null }
    }
    catch (e) {
      return { ok: false, error: apiError(e, { 403: t('clinical_notes.errors.forbidden') }) }
    }
    finally {
      busy.value = busy.value.filter(k => k !== key)
    }
  }

  const create = (input: NoteCreateInput) => run('create', () => $fetch('/api/v1/clinical_notes/notes', { method: 'POST', body: input }))
  const update = (id: string, input: NoteUpdateInput) => run(id, () => $fetch(`/api/v1/clinical_notes/notes/${id}`, { method: 'PUT', body: input }))
  async function remove(id: string, reason: string | null): Promise<{ ok: boolean, error: ClinicalNotesError | null }> {
    if (busy.value.includes(id)) return { ok: false, error: null }
    busy.value = [...busy.value, id]
    try {
      await $fetch(`/api/v1/clinical_notes/notes/${id}`, { method: 'DELETE', body: { reason } })
      return { ok: true, error: null }
    }
    catch (e) {
      return { ok: false, error: apiError(e) }
    }
    finally {
      busy.value = busy.value.filter(k => k !== id)
    }
  }
  return { create, update, remove, isBusy: (key: string) => busy.value.includes(key) }
}

/** The note types the signed-in member may write (clinical ones need clinical_notes.clinical.write). */
export function useClinicalNotesAccess() {
  const auth = useAuthStore()
  const writable = computed<NoteType[]>(() => NOTE_TYPES.filter(type => auth.can(`clinical_notes.${NOTE_TYPE_ACCESS[type]}.write`)))
  return { writable, canWrite: (type: NoteType) => writable.value.includes(type) }
}
