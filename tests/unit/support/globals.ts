// The auto-imported globals a component test stands in for (`useI18n`,
// `useToast`, `$fetch`…): set for the file's tests, put back after them.
import { afterAll, beforeAll } from 'vitest'

export const globals = globalThis as Record<string, unknown>

/**
 * Sets `values` as globals before the file's tests and restores the previous
 * values after them; `alsoRestore` names the globals the tests set themselves
 * (per test). Returns the previous values (filled before the tests run).
 */
export function replaceGlobals(values: Record<string, unknown>, alsoRestore: string[] = []) {
  const saved: Record<string, unknown> = {}
  beforeAll(() => {
    for (const key of [...Object.keys(values), ...alsoRestore]) saved[key] = globals[key]
    Object.assign(globals, values)
  })
  afterAll(() => Object.assign(globals, saved))
  return saved
}
