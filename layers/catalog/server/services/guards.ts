// Rules every catalog resource shares: system rows (seeded) keep all but a
// few fields, and a unique index settles a race the service's pre-check lost.
import { forbidden } from '#dentalpin'
import type { DomainError } from '#dentalpin'

/** JSON with sorted keys, so `{es, en}` equals `{en, es}` (jsonb reorders keys). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map(k => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** The fields `input` would change on a system row that it may not (none on other rows). */
export function lockedChanges(current: { is_system: boolean } & Record<string, unknown>, input: Record<string, unknown>, editable: readonly string[]): string[] {
  if (!current.is_system) return []
  return Object.entries(input)
    .filter(([key, value]) => value !== undefined && !editable.includes(key) && canonical(value) !== canonical(current[key]))
    .map(([key]) => key)
}

/**
 * A system row may change only `editable` fields: anything else sent with a
 * different value is 403 `catalog.system_row` naming the fields. Sending a
 * field unchanged (a whole form) is fine.
 */
export function assertSystemEditable(current: { is_system: boolean } & Record<string, unknown>, input: Record<string, unknown>, editable: readonly string[]): void {
  const fields = lockedChanges(current, input, editable)
  if (fields.length > 0) throw forbidden('catalog.system_row', 'This is a system row: these fields cannot change', { fields })
}

/** A system row is never deleted: deactivate it instead. */
export function assertNotSystem(current: { is_system: boolean }): void {
  if (current.is_system) throw forbidden('catalog.system_row', 'This is a system row: deactivate it instead of deleting it', { fields: [] })
}

/** Runs `fn`, turning a unique-index violation into the domain conflict `error`. */
export async function guardUnique<T>(error: () => DomainError, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  }
  catch (e) {
    if ((e as { code?: string })?.code === '23505') throw error()
    throw e
  }
}

/** Only the fields that were sent. */
export function sent<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>
}
