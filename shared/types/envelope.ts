/** One problem in an ErrorResponse: `field` is the offending path for validation errors. */
export interface ErrorItem {
  code: string
  message: string
  field?: string
}

/** Success envelope (spec §5). */
export interface ApiResponse<T> {
  data: T
  message: string | null
}

/** Success envelope of a list page (spec §5). */
export interface PaginatedApiResponse<T> extends ApiResponse<T[]> {
  total: number
  page: number
  page_size: number
}

/** The one error shape of the API (spec §5). */
export interface ErrorResponse {
  data: null
  message: string
  errors: ErrorItem[]
}
