import type { ClinicalNoteRevision, ClinicalNoteTemplate } from '../models'

/** The clinic's note templates, loaded once per dialog in the browser. */
export function useClinicalNotesTemplates() {
  const apiError = useApiError()
  const templates = ref<ClinicalNoteTemplate[]>([])
  const loadError = ref<string | null>(null)
  const loading = ref(false)
  async function load() {
    loading.value = true
    loadError.value = null
    try {
      templates.value = (await $fetch('/api/v1/clinical_notes/templates')).data
    }
    catch (e) {
      loadError.value = apiError(e).message
    }
    finally {
      loading.value = false
    }
  }
  return { templates: readonly(templates), loading: readonly(loading), loadError: readonly(loadError), load }
}

/** Every version of one note, for the history dialog. */
export function useClinicalNotesRevisions(noteId: () => string | null) {
  const apiError = useApiError()
  const revisions = ref<ClinicalNoteRevision[]>([])
  const loading = ref(false)
  const loadError = ref<string | null>(null)
  let seq = 0
  async function load() {
    const id = noteId()
    const mine = ++seq
    revisions.value = []
    if (!id) return
    loading.value = true
    loadError.value = null
    try {
      const res = await $fetch(`/api/v1/clinical_notes/notes/${id}/revisions`)
      if (mine === seq) revisions.value = res.data
    }
    catch (e) {
      if (mine === seq) loadError.value = apiError(e).message
    }
    finally {
      if (mine === seq) loading.value = false
    }
  }
  watch(noteId, load, { immediate: true })
  return { revisions: readonly(revisions), loading: readonly(loading), loadError: readonly(loadError), load }
}
