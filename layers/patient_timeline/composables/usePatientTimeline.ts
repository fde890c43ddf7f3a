import type { MaybeRefOrGetter, Ref } from 'vue'
import type { PatientTimeline, TimelineCategory } from '../models'

export const PATIENT_TIMELINE_PAGE_SIZE = 50

/**
 * A patient's timeline for the Timeline tab: the first page, then every
 * following page on demand (`loadMore`) until `total` is reached — the core's
 * `usePagedList` (browser only, older answers dropped, no entry repeated). A
 * new filter or patient starts again from page one.
 */
export function usePatientTimeline(patientId: MaybeRefOrGetter<string>, categories: Ref<TimelineCategory[]>) {
  const list = usePagedList<PatientTimeline>(page => $fetch(`/api/v1/patient_timeline/patients/${toValue(patientId)}`, {
    query: { page, page_size: PATIENT_TIMELINE_PAGE_SIZE, category: categories.value.length ? categories.value : undefined },
  }), PATIENT_TIMELINE_PAGE_SIZE)

  onMounted(list.load)
  watch([() => toValue(patientId), () => categories.value.join(',')], () => {
    list.load()
  })

  return { ...list, entries: computed(() => list.items.value), total: readonly(list.total) }
}
