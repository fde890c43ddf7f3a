import type { H3Event } from 'h3'
import type { ApiResponse, PaginatedApiResponse } from '#shared/types/envelope'

/** 200 `{data, message}`. */
export function ok<T>(data: T, message: string | null = null): ApiResponse<T> {
  return { data, message }
}

/** 201 `{data, message}`. */
export function created<T>(event: H3Event, data: T, message: string | null = null): ApiResponse<T> {
  setResponseStatus(event, 201)
  return { data, message }
}

/** 202 `{data, message}`. */
export function accepted<T>(event: H3Event, data: T, message: string | null = null): ApiResponse<T> {
  setResponseStatus(event, 202)
  return { data, message }
}

/** 204 with an empty body. */
export function noContent(event: H3Event): null {
  setResponseStatus(event, 204)
  return null
}

/** 200 list page `{data, message, total, page, page_size}`. */
export function paginated<T>(items: T[], total: number, page: number, pageSize: number, message: string | null = null): PaginatedApiResponse<T> {
  return { data: items, message, total, page, page_size: pageSize }
}
