/**
 * Values a translated message interpolates (`{ module: 'patients', dependents: ['agenda'] }`).
 * Lists are joined with the reader's list format.
 */
export type ErrorParams = Record<string, string | number | string[]>

/**
 * One problem in an ErrorResponse: `field` is the offending path for
 * validation errors. `message` is English; a client that knows `code`
 * shows its own text, filled with `params`.
 */
export interface ErrorItem {
  code: string
  message: string
  field?: string
  params?: ErrorParams
}

/** Success envelope (docs/core-api.md, "Envelopes"). */
export interface ApiResponse<T> {
  data: T
  message: string | null
}

/** Success envelope of a list page (docs/core-api.md, "Envelopes"). */
export interface PaginatedApiResponse<T> extends ApiResponse<T[]> {
  total: number
  page: number
  page_size: number
}

/** The one error shape of the API (docs/core-api.md, "Envelopes"). */
export interface ErrorResponse {
  data: null
  message: string
  errors: ErrorItem[]
}
