/**
 * jsonb values as JSON text: the pg driver would send a JS array as a
 * PostgreSQL array, not as JSON. Null stays SQL null.
 */
export function asJson<T extends Record<string, unknown>>(values: T, keys: readonly (keyof T)[]): T {
  const out: Record<string, unknown> = { ...values }
  for (const key of keys) {
    const v = out[key as string]
    if (v !== undefined && v !== null && typeof v !== 'string') out[key as string] = JSON.stringify(v)
  }
  return out as T
}
