import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { PATIENT_SORT_FIELDS } from '../models'
import type { Patient } from '../models'

export type PatientsStatusFilter = 'active' | 'archived' | 'all'
/** `any`: no filter; `only`: do_not_contact=true; `exclude`: do_not_contact=false. */
export type PatientsContactFilter = 'any' | 'only' | 'exclude'
export type PatientsSortField = (typeof PATIENT_SORT_FIELDS)[number]
export type PatientsSortOrder = 'asc' | 'desc'

/** What the list shows; it lives in the URL query (same names as the API's). */
export interface PatientsListState {
  search: string
  status: PatientsStatusFilter
  contact: PatientsContactFilter
  sort: PatientsSortField
  order: PatientsSortOrder
  page: number
}

export const PATIENTS_PAGE_SIZE = 25
const SEARCH_DEBOUNCE_MS = 300
const SEARCH_MAX = 200
const DEFAULT_STATE: PatientsListState = { search: '', status: 'active', contact: 'any', sort: 'last_name', order: 'asc', page: 1 }
/** The query parameters the list owns; anything else in the URL (e.g. `new`) is left alone. */
const OWN_PARAMS = ['search', 'status', 'do_not_contact', 'sort', 'order', 'page'] as const

const first = (value: LocationQuery[string] | undefined) => (Array.isArray(value) ? value[0] : value) ?? undefined
const oneOf = <T extends string>(value: string | null | undefined, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback

/** Several spaces are one separator; the server matches every term. */
export function patientsNormalizeSearch(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, SEARCH_MAX)
}

/** The list state a URL describes; unknown or malformed values fall back to the defaults. */
export function patientsListStateFromQuery(query: LocationQuery): PatientsListState {
  const page = Number.parseInt(first(query.page) ?? '', 10)
  const dnc = first(query.do_not_contact)
  return {
    search: patientsNormalizeSearch(first(query.search) ?? ''),
    status: oneOf(first(query.status), ['active', 'archived', 'all'], DEFAULT_STATE.status),
    contact: dnc === 'true' ? 'only' : dnc === 'false' ? 'exclude' : 'any',
    sort: oneOf(first(query.sort), PATIENT_SORT_FIELDS, DEFAULT_STATE.sort),
    order: oneOf(first(query.order), ['asc', 'desc'], DEFAULT_STATE.order),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  }
}

/** The URL query of a list state: defaults are left out so a plain /patients stays plain. */
export function patientsListQueryFromState(state: PatientsListState): Record<string, string> {
  const query: Record<string, string> = {}
  if (state.search) query.search = state.search
  if (state.status !== DEFAULT_STATE.status) query.status = state.status
  if (state.contact !== 'any') query.do_not_contact = state.contact === 'only' ? 'true' : 'false'
  if (state.sort !== DEFAULT_STATE.sort) query.sort = state.sort
  if (state.order !== DEFAULT_STATE.order) query.order = state.order
  if (state.page > 1) query.page = String(state.page)
  return query
}

/**
 * The patient list of /patients: search, filters, sort and page come from
 * the URL (so back/forward and reload restore them) and every change goes
 * back into it. The search box is debounced; changing anything but the page
 * starts again on page 1. Data loads in the browser (timestamps are
 * formatted in the browser's timezone).
 */
export function usePatientsList() {
  const route = useRoute()
  const router = useRouter()
  const auth = useAuthStore()
  const apiError = useApiError()
  const api = useRequestFetch()

  const state = computed(() => patientsListStateFromQuery(route.query))
  /** Searching, filtering or restricting by status: an empty result then means "no match", not "no patients". */
  const filtered = computed(() => !!state.value.search || state.value.status !== DEFAULT_STATE.status || state.value.contact !== 'any')

  function setState(patch: Partial<PatientsListState>, options: { replace?: boolean } = {}) {
    const next = { ...state.value, ...patch }
    if (!('page' in patch)) next.page = 1
    const rest: LocationQueryRaw = Object.fromEntries(Object.entries(route.query).filter(([key]) => !(OWN_PARAMS as readonly string[]).includes(key)))
    const to = { query: { ...rest, ...patientsListQueryFromState(next) } }
    return options.replace ? router.replace(to) : router.push(to)
  }

  // The search box: typed text goes to the URL after a pause (replacing the
  // entry, so history is not one step per keystroke); the URL changing on its
  // own (back/forward) puts its search back into the box.
  const searchInput = ref(state.value.search)
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(searchInput, (value) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      const search = patientsNormalizeSearch(value)
      if (search !== state.value.search) setState({ search }, { replace: true })
    }, SEARCH_DEBOUNCE_MS)
  })
  watch(() => state.value.search, (search) => {
    if (patientsNormalizeSearch(searchInput.value) !== search) searchInput.value = search
  })
  onScopeDispose(() => clearTimeout(timer))

  function clearFilters() {
    searchInput.value = ''
    return setState({ search: '', status: DEFAULT_STATE.status, contact: 'any' })
  }

  /** Sorts by a field; the same field again flips the order. */
  function sortBy(field: PatientsSortField) {
    const { sort, order } = state.value
    return setState({ sort: field, order: sort === field && order === 'asc' ? 'desc' : 'asc' })
  }

  const apiQuery = computed(() => ({
    search: state.value.search || undefined,
    status: state.value.status,
    do_not_contact: state.value.contact === 'any' ? undefined : String(state.value.contact === 'only'),
    sort: state.value.sort,
    order: state.value.order,
    page: state.value.page,
    page_size: PATIENTS_PAGE_SIZE,
  }))
  // Only a different request refetches (not every URL change, e.g. `?new=1`).
  const requestKey = computed(() => JSON.stringify(apiQuery.value))

  const { data, status, error, refresh } = useAsyncData(
    'patients:list',
    () => api('/api/v1/patients', { query: apiQuery.value }),
    { server: false, watch: [requestKey, () => auth.me?.current_clinic_id] },
  )
  const patients = computed<Patient[]>(() => data.value?.data ?? [])
  const total = computed(() => data.value?.total ?? 0)
  const loading = computed(() => (status.value === 'idle' || status.value === 'pending') && !data.value)
  const refreshing = computed(() => status.value === 'pending' && !!data.value)
  const loadError = computed(() => (error.value ? apiError(error.value).message : null))

  // A page past the end (an old link, the last patient archived): go to the last page.
  watch(data, (res) => {
    if (!res || res.data.length || !res.total || state.value.page <= 1) return
    setState({ page: Math.max(1, Math.ceil(res.total / PATIENTS_PAGE_SIZE)) }, { replace: true })
  })

  return {
    state,
    filtered,
    searchInput,
    setState,
    sortBy,
    clearFilters,
    patients,
    total,
    pageSize: PATIENTS_PAGE_SIZE,
    loading,
    refreshing,
    loadError,
    refresh,
  }
}
