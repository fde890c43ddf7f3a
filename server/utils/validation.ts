import type { H3Event } from 'h3'
import type { z } from 'zod'
import type { ErrorItem } from '#shared/types/envelope'
import { DomainError } from './errors'
import { nulPaths } from '../http/nul'
import { zodIssuesToErrors } from '#shared/validation'

/**
 * U+0000 in any text of the input is a 422 naming each field, for every route
 * (community modules included) before its own schema runs: PostgreSQL refuses
 * the character in text, which would otherwise be a 500.
 */
function assertNoNul(input: unknown, where: string): void {
  const fields = nulPaths(input)
  if (fields.length === 0) return
  const message = 'Must not contain the character U+0000'
  throw new DomainError('invalid', 'validation.nul_character', `Invalid ${where}`, {
    errors: fields.map(field => ({ field, code: 'validation.nul_character', message })),
  })
}

function validated<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  assertNoNul(input, where)
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const errors: ErrorItem[] = zodIssuesToErrors(result.error.issues)
  throw new DomainError('invalid', 'validation_failed', `Invalid ${where}`, { errors })
}

/** Reads the JSON body and validates it; 422 with one error per offending field. */
export async function parseBody<S extends z.ZodType>(event: H3Event, schema: S): Promise<z.output<S>> {
  const body = await readBody(event)
  return validated(schema, body ?? {}, 'request body')
}

/** Validates the query string; 422 with the offending parameters. */
export function parseQuery<S extends z.ZodType>(event: H3Event, schema: S): z.output<S> {
  return validated(schema, getQuery(event), 'query parameters')
}

/** Validates the route parameters (an invalid id is a 404, not a 422: the thing does not exist). */
export function parseParams<S extends z.ZodType>(event: H3Event, schema: S): z.output<S> {
  const params = getRouterParams(event, { decode: true })
  assertNoNul(params, 'route parameters')
  const result = schema.safeParse(params)
  if (!result.success) throw new DomainError('not_found', 'not_found', 'Not found')
  return result.data
}
